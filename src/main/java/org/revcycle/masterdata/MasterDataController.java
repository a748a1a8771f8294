package org.revcycle.masterdata;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.revcycle.masterdata.MasterDataRecords.Change;
import org.revcycle.masterdata.MasterDataRecords.Facility;
import org.revcycle.masterdata.MasterDataRecords.Payer;
import org.revcycle.masterdata.MasterDataRecords.Provider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Payers, facilities and providers: every office role reads, administrators change, every change audited. */
@RestController
@RequestMapping("/api/master-data")
@PreAuthorize("hasAnyRole('ADMIN', 'BILLING_SPECIALIST', 'CODER', 'DENIAL_ANALYST', 'FINANCE')")
public class MasterDataController {

  private final MasterData masterData;

  public MasterDataController(MasterData masterData) {
    this.masterData = masterData;
  }

  @GetMapping("/payers")
  public Map<String, Payer> payers() {
    return masterData.payers();
  }

  @GetMapping("/payers/{id}")
  public Payer payer(@PathVariable String id) {
    return masterData.payer(id).orElseThrow(() -> notFound("payer", id));
  }

  @Operation(summary = "Create or change a payer (201 created, 200 changed); the change is audited")
  @PutMapping("/payers/{id}")
  @PreAuthorize("hasRole('ADMIN')")
  public ResponseEntity<Payer> savePayer(@PathVariable String id, @Valid @RequestBody Payer payer, Principal user) {
    return answer(masterData.savePayer(id, payer, user.getName()), "/api/master-data/payers/" + id);
  }

  @GetMapping("/facilities")
  public Map<String, Facility> facilities() {
    return masterData.facilities();
  }

  @GetMapping("/facilities/{id}")
  public Facility facility(@PathVariable String id) {
    return masterData.facility(id).orElseThrow(() -> notFound("facility", id));
  }

  @Operation(summary = "Create or change a facility (201 created, 200 changed); the change is audited")
  @PutMapping("/facilities/{id}")
  @PreAuthorize("hasRole('ADMIN')")
  public ResponseEntity<Facility> saveFacility(@PathVariable String id, @Valid @RequestBody Facility facility,
      Principal user) {
    return answer(masterData.saveFacility(id, facility, user.getName()), "/api/master-data/facilities/" + id);
  }

  @GetMapping("/providers")
  public Map<String, Provider> providers() {
    return masterData.providers();
  }

  @GetMapping("/providers/{npi}")
  public Provider provider(@PathVariable String npi) {
    return masterData.provider(npi).orElseThrow(() -> notFound("provider", npi));
  }

  @Operation(summary = "Create or change a rendering provider by NPI (201 created, 200 changed); the change is audited")
  @PutMapping("/providers/{npi}")
  @PreAuthorize("hasRole('ADMIN')")
  public ResponseEntity<Provider> saveProvider(@PathVariable String npi, @Valid @RequestBody Provider provider,
      Principal user) {
    return answer(masterData.saveProvider(npi, provider, user.getName()), "/api/master-data/providers/" + npi);
  }

  @Operation(summary = "The audit of one record: who changed what, when, before and after (entity: payers, facilities, providers)")
  @GetMapping("/{entity}/{id}/changes")
  public List<Change> changes(@PathVariable String entity, @PathVariable String id) {
    String name = switch (entity) {
      case "payers" -> "PAYER";
      case "facilities" -> "FACILITY";
      case "providers" -> "PROVIDER";
      default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no master data called " + entity);
    };
    return masterData.changes(name, id);
  }

  private static <T> ResponseEntity<T> answer(MasterData.Saved<T> saved, String location) {
    return saved.created()
        ? ResponseEntity.created(URI.create(location)).body(saved.record())
        : ResponseEntity.ok(saved.record());
  }

  private static ResponseStatusException notFound(String what, String id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + what + " " + id);
  }
}
