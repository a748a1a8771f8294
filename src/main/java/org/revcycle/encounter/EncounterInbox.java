package org.revcycle.encounter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.revcycle.platform.InboundMessages;
import org.revcycle.platform.InvalidInputException;
import org.revcycle.platform.web.JsonProblems;
import org.springframework.stereotype.Service;

/**
 * Every closed encounter, whatever channel it came by, is recorded as received before anything
 * else, then checked, then taken in. A refused one stays recorded with the reason.
 */
@Service
public class EncounterInbox {

  private final EncounterIntake intake;
  private final InboundMessages inbound;
  private final ObjectMapper objectMapper;
  private final Validator validator;
  private final Clock clock;

  public EncounterInbox(EncounterIntake intake, InboundMessages inbound, ObjectMapper objectMapper,
      Validator validator, Clock clock) {
    this.intake = intake;
    this.inbound = inbound;
    this.objectMapper = objectMapper;
    this.validator = validator;
    this.clock = clock;
  }

  public record Accepted(UUID claimId, String patientControlNumber, boolean duplicate, UUID inboundMessageId) {}

  /** A JSON document as received; refused with the field and position when it is not a valid encounter. */
  public Accepted receive(String channel, String json) {
    UUID messageId = inbound.record(channel, null, json, clock.instant());
    ClosedEncounter encounter;
    try {
      encounter = objectMapper.readValue(json, ClosedEncounter.class);
    } catch (JsonProcessingException e) {
      throw refused(messageId, JsonProblems.of(e));
    }
    if (encounter == null) {
      throw refused(messageId, new InvalidInputException("body", "must be a closed encounter, not null"));
    }
    return take(messageId, encounter);
  }

  /** An encounter an adapter already mapped; recorded as JSON all the same. */
  public Accepted receive(String channel, ClosedEncounter encounter) {
    String json;
    try {
      json = objectMapper.writeValueAsString(encounter);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A closed encounter could not be written as JSON", e);
    }
    return take(inbound.record(channel, encounter.sourceSystem() + "/" + encounter.sourceId(), json, clock.instant()),
        encounter);
  }

  /**
   * An encounter an EHR adapter read and mapped, recorded as the adapter received it. Registration
   * data the EHR left out (a name, a birth date, a member id) does not refuse the encounter: it is
   * taken in and the registration check makes a task of it, with the adapter's findings.
   */
  public Accepted receive(String channel, EhrEncounter received) {
    return receiveRecorded(inbound.record(channel, received.sourceKey(), received.payload(), clock.instant()), received);
  }

  /** As {@link #receive(String, EhrEncounter)}, for a message the adapter recorded itself before reading it. */
  public Accepted receiveRecorded(UUID messageId, EhrEncounter received) {
    List<IntakeFinding> findings = new ArrayList<>(received.findings());
    List<ConstraintViolation<ClosedEncounter>> refusing = new ArrayList<>();
    for (ConstraintViolation<ClosedEncounter> violation : validator.validate(received.encounter())) {
      String field = violation.getPropertyPath().toString();
      if (isRegistrationData(field) && isMissing(violation.getInvalidValue())) {
        if (findings.stream().noneMatch(f -> f.field().equals(field))) {
          findings.add(new IntakeFinding(field, "The EHR sent no value (" + violation.getMessage() + ")."));
        }
      } else {
        refusing.add(violation);
      }
    }
    if (!refusing.isEmpty()) {
      throw refused(messageId, JsonProblems.of(new LinkedHashSet<>(refusing)));
    }
    EncounterIntake.IntakeResult result = intake.receive(received.encounter(), messageId, findings);
    return new Accepted(result.claimId(), result.patientControlNumber(), !result.created(), messageId);
  }

  /** Patient demographics and coverage: what registration owns and a billing specialist can correct. */
  private static boolean isRegistrationData(String field) {
    return (field.startsWith("patient.") && !field.equals("patient.mrn")) || field.startsWith("coverage.")
        || field.startsWith("otherCoverages[") || field.equals("renderingProviderNpi");
  }

  private static boolean isMissing(Object value) {
    return value == null || (value instanceof String text && text.isBlank());
  }

  private Accepted take(UUID messageId, ClosedEncounter encounter) {
    Set<ConstraintViolation<ClosedEncounter>> violations = validator.validate(encounter);
    if (!violations.isEmpty()) {
      throw refused(messageId, JsonProblems.of(violations));
    }
    EncounterIntake.IntakeResult result = intake.receive(encounter, messageId, List.of());
    return new Accepted(result.claimId(), result.patientControlNumber(), !result.created(), messageId);
  }

  private InvalidInputException refused(UUID messageId, InvalidInputException problem) {
    inbound.markRefused(messageId, problem.getMessage());
    return problem;
  }
}
