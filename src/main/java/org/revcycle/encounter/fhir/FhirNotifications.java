package org.revcycle.encounter.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;
import org.revcycle.encounter.EhrCatchUp;
import org.revcycle.encounter.EhrEncounter;
import org.revcycle.encounter.EncounterInbox;
import org.revcycle.encounter.EncounterRepository;
import org.revcycle.platform.InboundMessages;
import org.revcycle.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * FHIR Subscription rest-hook notifications of finished encounters. The notification is recorded
 * as received before anything else. Its payload decides what happens:
 * <ul>
 *   <li>none (an R4 rest-hook without payload): catch up with the EHR at once, as a poll would;
 *   <li>an Encounter: read it, with everything it references, from the EHR (the current version);
 *   <li>a Bundle: it carries the encounter and its resources, so every reference in it must
 *       resolve inside it; the encounters are taken in from the Bundle alone.
 * </ul>
 * Malformed JSON and dangling references are refused whole: the notification is kept with the
 * reason and no claim is started.
 */
@Service
public class FhirNotifications {

  public static final String CHANNEL = "fhir/notification";

  private final FhirEhr ehr;
  private final EncounterInbox inbox;
  private final EncounterRepository encounters;
  private final EhrCatchUp catchUp;
  private final InboundMessages inbound;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public FhirNotifications(FhirEhr ehr, EncounterInbox inbox, EncounterRepository encounters, EhrCatchUp catchUp,
      InboundMessages inbound, PlatformTransactionManager transactions, Clock clock) {
    this.ehr = ehr;
    this.inbox = inbox;
    this.encounters = encounters;
    this.catchUp = catchUp;
    this.inbound = inbound;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** What became of one encounter of a notification. */
  public sealed interface Outcome {
    String encounter();
  }

  public record Taken(String encounter, UUID claimId, String patientControlNumber, boolean duplicate) implements Outcome {}

  public record Ignored(String encounter, String reason) implements Outcome {}

  public record Refused(String encounter, InvalidInputException reason) implements Outcome {}

  /** Every outcome, in order. Throws {@link InvalidInputException} when the notification itself is refused. */
  public List<Outcome> receive(String body) {
    String payload = body == null ? "" : body;
    UUID messageId = inbound.record(CHANNEL, null, payload, clock.instant());
    if (payload.isBlank()) {
      int looked = catchUp.run();
      markTaken(messageId);
      return List.of(new Ignored("*", "no payload: caught up with the EHR, " + looked + " encounter(s) looked at"));
    }
    Resource resource;
    try {
      resource = (Resource) ehr.context().newJsonParser().setParserErrorHandler(new StrictErrorHandler())
          .parseResource(payload);
    } catch (DataFormatException | ClassCastException e) {
      throw refused(messageId, new InvalidInputException("body", "not a FHIR R4 JSON resource: " + plain(e.getMessage())));
    }
    List<Outcome> outcomes;
    if (resource instanceof Encounter encounter) {
      outcomes = List.of(fromEhr(encounter));
    } else if (resource instanceof Bundle bundle) {
      outcomes = fromBundle(messageId, bundle);
    } else {
      throw refused(messageId, new InvalidInputException("resourceType",
          "a notification carries an Encounter, a Bundle or nothing, not a " + resource.fhirType()));
    }
    if (outcomes.stream().allMatch(o -> o instanceof Refused)) {
      refused(messageId, ((Refused) outcomes.get(0)).reason());
    } else {
      markTaken(messageId);
    }
    return outcomes;
  }

  private Outcome fromEhr(Encounter notified) {
    String id = notified.getIdElement().getIdPart();
    if (id == null) {
      return new Refused("Encounter", new InvalidInputException("Encounter.id", "the notified encounter has no id"));
    }
    if (notified.hasStatus() && notified.getStatus() != Encounter.EncounterStatus.FINISHED) {
      return new Ignored("Encounter/" + id, "status is " + notified.getStatus().toCode() + ", not finished");
    }
    if (encounters.findEncounterId(ehr.sourceSystem(), id).isPresent()) {
      return take("Encounter/" + id, () -> null);
    }
    return take("Encounter/" + id, () -> ehr.read(id));
  }

  private List<Outcome> fromBundle(UUID messageId, Bundle bundle) {
    BundleResources resources = new BundleResources(bundle);
    List<String> dangling = resources.danglingReferences(ehr.context());
    if (!dangling.isEmpty()) {
      List<InvalidInputException.FieldError> errors = dangling.stream()
          .map(d -> new InvalidInputException.FieldError(d.substring(0, d.indexOf(':')),
              "reference " + d.substring(d.indexOf(':') + 2) + " is not in the Bundle"))
          .toList();
      throw refused(messageId, new InvalidInputException(errors));
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Encounter encounter : resources.encounters()) {
      String key = "Encounter/" + encounter.getIdElement().getIdPart();
      if (encounter.getStatus() != Encounter.EncounterStatus.FINISHED) {
        outcomes.add(new Ignored(key, "status is " + (encounter.hasStatus() ? encounter.getStatus().toCode() : "missing")
            + ", not finished"));
      } else {
        outcomes.add(take(key, () -> ehr.map(encounter, resources)));
      }
    }
    if (outcomes.isEmpty()) {
      boolean subscriptionStatusOnly = bundle.getEntry().stream().allMatch(e -> e.getResource() instanceof Parameters);
      throw refused(messageId, new InvalidInputException("Bundle.entry", subscriptionStatusOnly
          ? "the Bundle carries no Encounter: send the encounter or an empty notification"
          : "the Bundle carries no Encounter"));
    }
    return outcomes;
  }

  /** A null read: already taken in, nothing read again. */
  private Outcome take(String key, java.util.function.Supplier<EhrEncounter> read) {
    try {
      EhrEncounter received = read.get();
      if (received == null) {
        return new Ignored(key, "already taken in");
      }
      EncounterInbox.Accepted accepted = inbox.receive(CHANNEL, received);
      return new Taken(key, accepted.claimId(), accepted.patientControlNumber(), accepted.duplicate());
    } catch (InvalidInputException e) {
      return new Refused(key, e);
    } catch (ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException e) {
      return new Refused(key, new InvalidInputException(key, "the EHR does not have this encounter"));
    }
  }

  private void markTaken(UUID messageId) {
    transaction.executeWithoutResult(status -> inbound.markTaken(messageId, false, null));
  }

  private InvalidInputException refused(UUID messageId, InvalidInputException problem) {
    inbound.markRefused(messageId, problem.getMessage());
    return problem;
  }

  /** HAPI's message without its "HAPI-1234: " prefix. */
  private static String plain(String message) {
    return message == null ? "unreadable" : message.replaceFirst("^HAPI-\\d+: ", "");
  }

  /** FHIR JSON of an answer. */
  public String encode(org.hl7.fhir.r4.model.OperationOutcome outcome) {
    return ehr.context().newJsonParser().encodeResourceToString(outcome);
  }
}
