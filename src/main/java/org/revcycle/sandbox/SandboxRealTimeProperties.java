package org.revcycle.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * revcycle.sandbox.realtime.*: the sandbox clearinghouse's real-time endpoint
 * (/sandbox/clearinghouse/core). Its submitter account is its own, as a real clearinghouse's is,
 * not a revcycle user.
 *
 * @param username the submitter account the endpoint accepts (HTTP basic)
 * @param password its password
 * @param responseDelay how long each answer takes (a real payer answers in one to a few seconds)
 * @param outage start with the endpoint down: every request answers 503 until switched back
 */
@ConfigurationProperties("revcycle.sandbox.realtime")
public record SandboxRealTimeProperties(
    @DefaultValue("revcycle") String username,
    @DefaultValue("sandbox-submitter") String password,
    @DefaultValue("PT0S") Duration responseDelay,
    @DefaultValue("false") boolean outage) {}
