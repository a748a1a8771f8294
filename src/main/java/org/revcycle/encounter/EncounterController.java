package org.revcycle.encounter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The EHR's door: closed encounters in, claims out. */
@RestController
public class EncounterController {

  static final String CHANNEL = "api/encounters";

  private final EncounterInbox inbox;

  public EncounterController(EncounterInbox inbox) {
    this.inbox = inbox;
  }

  /** The body is read as text so that it is kept as received, even when it is not valid JSON. */
  @Operation(summary = "Take in a closed encounter; the same source encounter twice returns the same claim",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
          content = @Content(schema = @Schema(implementation = ClosedEncounter.class))))
  @PostMapping(path = "/api/encounters", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('INTEGRATION', 'BILLING_SPECIALIST', 'ADMIN')")
  public ResponseEntity<EncounterInbox.Accepted> receive(@RequestBody String body) {
    EncounterInbox.Accepted accepted = inbox.receive(CHANNEL, body);
    URI location = URI.create("/api/claims/" + accepted.claimId());
    return accepted.duplicate()
        ? ResponseEntity.ok().location(location).body(accepted)
        : ResponseEntity.created(location).body(accepted);
  }
}
