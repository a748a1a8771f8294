package org.revcycle.sandbox;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.revcycle.patient.PatientMessaging;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** A statement vendor that keeps what it was sent, once per statement. */
@Component
@ConditionalOnProperty(name = "revcycle.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxPatientMessaging implements PatientMessaging {

  private final Map<UUID, Statement> sent = new ConcurrentHashMap<>();

  @Override
  public void sendStatement(Statement statement) {
    sent.putIfAbsent(statement.statementId(), statement);
  }
}
