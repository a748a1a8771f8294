package org.revcycle.encounter.fhir;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.revcycle.platform.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The FHIR Subscription rest-hook endpoint for finished encounters. Answers are FHIR
 * OperationOutcomes, errors included: the caller is a FHIR server.
 */
@RestController
public class EncounterNotificationController {

  private static final Logger log = LoggerFactory.getLogger(EncounterNotificationController.class);
  static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

  private final FhirNotifications notifications;

  public EncounterNotificationController(FhirNotifications notifications) {
    this.notifications = notifications;
  }

  @Operation(summary = "FHIR rest-hook: a finished Encounter (id or Bundle with its resources), or an empty "
      + "notification to catch up; answers an OperationOutcome")
  @PostMapping(path = "/api/fhir/encounter-notifications")
  @PreAuthorize("hasAnyRole('INTEGRATION', 'ADMIN')")
  public ResponseEntity<String> notify(@RequestBody(required = false) String body) {
    OperationOutcome outcome = new OperationOutcome();
    HttpStatus status = HttpStatus.OK;
    try {
      List<FhirNotifications.Outcome> outcomes = notifications.receive(body);
      for (FhirNotifications.Outcome o : outcomes) {
        if (o instanceof FhirNotifications.Taken t) {
          outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
              .addLocation(t.encounter())
              .setDiagnostics((t.duplicate() ? "already taken in as claim " : "taken in as claim ")
                  + t.patientControlNumber() + " (/api/claims/" + t.claimId() + ")");
        } else if (o instanceof FhirNotifications.Ignored i) {
          outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
              .addLocation(i.encounter()).setDiagnostics("ignored: " + i.reason());
        } else if (o instanceof FhirNotifications.Refused r) {
          status = HttpStatus.UNPROCESSABLE_ENTITY;
          addErrors(outcome, r.encounter(), r.reason(), IssueType.PROCESSING);
        }
      }
    } catch (InvalidInputException e) {
      boolean malformed = "body".equals(e.field()) || "resourceType".equals(e.field());
      status = malformed ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY;
      addErrors(outcome, null, e, malformed ? IssueType.STRUCTURE : IssueType.NOTFOUND);
    } catch (RuntimeException e) {
      // the EHR unreachable, the database down: the notification is kept; a 500 tells the EHR to retry
      String reference = UUID.randomUUID().toString();
      log.error("FHIR notification could not be processed, reference {}", reference, e);
      status = HttpStatus.INTERNAL_SERVER_ERROR;
      outcome.addIssue().setSeverity(IssueSeverity.FATAL).setCode(IssueType.EXCEPTION)
          .setDiagnostics("the notification could not be processed now (reference " + reference + "); send it again");
    }
    return ResponseEntity.status(status).contentType(FHIR_JSON)
        .body(notifications.encode(outcome));
  }

  private static void addErrors(OperationOutcome outcome, String encounter, InvalidInputException e, IssueType type) {
    for (InvalidInputException.FieldError error : e.errors()) {
      OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue().setSeverity(IssueSeverity.ERROR)
          .setCode(type).setDiagnostics(error.message());
      if (encounter != null) {
        issue.addLocation(encounter);
      }
      issue.addExpression(error.field());
    }
  }
}
