package org.revcycle.encounter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
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

  private Accepted take(UUID messageId, ClosedEncounter encounter) {
    Set<ConstraintViolation<ClosedEncounter>> violations = validator.validate(encounter);
    if (!violations.isEmpty()) {
      throw refused(messageId, JsonProblems.of(violations));
    }
    EncounterIntake.IntakeResult result = intake.receive(encounter, messageId);
    return new Accepted(result.claimId(), result.patientControlNumber(), !result.created(), messageId);
  }

  private InvalidInputException refused(UUID messageId, InvalidInputException problem) {
    inbound.markRefused(messageId, problem.getMessage());
    return problem;
  }
}
