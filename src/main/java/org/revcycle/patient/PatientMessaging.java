package org.revcycle.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The channel statements reach patients through (print vendor, portal, e-mail). */
public interface PatientMessaging {

  /** Sends the statement; must accept the same statement id twice without sending it twice. */
  void sendStatement(Statement statement);

  record Statement(UUID statementId, UUID patientId, String patientControlNumber, BigDecimal amountDue, LocalDate dueDate) {}
}
