package org.revcycle.remittance;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.revcycle.platform.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.revcycle.x12.X12Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Upload of an 835 file, for payers and lockboxes that deliver remittances outside the clearinghouse. */
@RestController
@RequestMapping("/api/remittances")
public class RemittanceFileController {

  private final RemittanceFiles files;
  private final RemittanceFileRepository repository;

  public RemittanceFileController(RemittanceFiles files, RemittanceFileRepository repository) {
    this.files = files;
    this.repository = repository;
  }

  /**
   * The raw 835 as the body. A valid file answers 202: it is kept and posting runs in the
   * background (follow it on the Location); the same file again answers 200 with duplicate true;
   * a bad file 422 with every problem by segment and position.
   */
  @PostMapping(consumes = {"application/edi-x12", "text/plain", "application/octet-stream"})
  @PreAuthorize("hasAnyRole('FINANCE', 'BILLING_SPECIALIST', 'INTEGRATION', 'ADMIN')")
  public ResponseEntity<RemittanceFiles.Taken> upload(@RequestBody byte[] file, Authentication user) {
    RemittanceFiles.Taken taken = files.receive(file, "api:" + user.getName());
    URI location = URI.create("/api/remittances/" + taken.fileId());
    return taken.duplicate() ? ResponseEntity.ok().location(location).body(taken)
        : ResponseEntity.accepted().location(location).body(taken);
  }

  /** A file: envelope, TRN, payment, status, how many claims matched, and the posting cycle time. */
  @GetMapping("/{fileId}")
  @PreAuthorize("hasAnyRole('FINANCE', 'BILLING_SPECIALIST', 'INTEGRATION', 'ADMIN')")
  public RemittanceFileRepository.RemittanceFile file(@PathVariable UUID fileId) {
    return repository.find(fileId).orElseThrow(() -> ApiProblem.notFound("835 file", fileId));
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('FINANCE', 'BILLING_SPECIALIST', 'ADMIN')")
  public List<RemittanceFileRepository.RemittanceFile> recent(@RequestParam(defaultValue = "50") int limit) {
    return repository.recent(Math.max(1, Math.min(limit, 500)));
  }

  @ExceptionHandler(RemittanceFiles.RejectedFile.class)
  ProblemDetail rejected(RemittanceFiles.RejectedFile rejected) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
        rejected.problemCount() + " problem(s) in the 835; nothing was posted. The file is kept as " + rejected.fileId()
            + " and can be replayed once corrected.");
    problem.setTitle("Invalid 835 file");
    problem.setProperty("fileId", rejected.fileId());
    problem.setProperty("problemCount", rejected.problemCount());
    problem.setProperty("problems", rejected.problems().stream().map(RemittanceFileController::describe).toList());
    return problem;
  }

  private static Map<String, Object> describe(X12Problem problem) {
    var where = problem.location();
    java.util.LinkedHashMap<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("code", problem.code());
    fields.put("segment", where.segmentTag());
    fields.put("segmentPosition", where.segmentPosition());
    if (where.elementPosition() > 0) {
      fields.put("element", where.elementPosition());
    }
    if (where.componentPosition() > 0) {
      fields.put("component", where.componentPosition());
    }
    fields.put("line", where.line());
    fields.put("message", where.describe() + ": " + problem.message());
    return fields;
  }

}
