package org.revcycle.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated outside world of the default run and the tests. Random behaviour is seeded, so
 * a run can be repeated.
 *
 * @param adjudicationDelay how long payers take from an accepted claim to its remittance
 * @param encountersPerMinute how fast the sandbox EHR closes encounters (the demo feed)
 */
@ConfigurationProperties("revcycle.sandbox")
public record SandboxProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("20261127") long seed,
    @DefaultValue("0.08") double denialRate,
    @DefaultValue("0.02") double frontEndRejectionRate,
    @DefaultValue("0.03") double registrationDefectRate,
    @DefaultValue("0.03") double codingDefectRate,
    @DefaultValue("PT5S") Duration adjudicationDelay,
    @DefaultValue("30") int encountersPerMinute) {}
