package org.revcycle.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.revcycle.support.ProcessTestEngine;

/** processes/claim-batch.bpmn: the upload goes through, or is retried until it becomes an incident. */
@Deployment(resources = "processes/claim-batch.bpmn")
class ClaimBatchProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private final List<String> uploads = new ArrayList<>();
  private boolean clearinghouseDown;

  @BeforeEach
  void registerDelegate() {
    Mocks.register("uploadClaimBatchDelegate", (JavaDelegate) execution -> {
      if (clearinghouseDown) {
        throw new ClearinghouseMailbox.ClearinghouseUnavailableException("SFTP upload failed: connection refused", null);
      }
      uploads.add((String) execution.getVariable(ClaimSubmissionProcess.VAR_BATCH_ID));
    });
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(ClaimSubmissionProcess.BATCH_PROCESS_KEY, "B-1",
        Map.of(ClaimSubmissionProcess.VAR_BATCH_ID, "B-1"));
  }

  @Test
  void theBatchIsUploadedAsynchronously() {
    ProcessInstance instance = start();
    BpmnAwareTests.assertThat(instance).isWaitingAt("UploadBatch");
    assertThat(uploads).isEmpty();

    BpmnAwareTests.execute(BpmnAwareTests.job(instance));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("BatchUploaded");
    assertThat(uploads).containsExactly("B-1");
  }

  @Test
  void anUnreachableClearinghouseIsRetriedThenAnIncidentThenUploadedWhenRetriedByHand() {
    clearinghouseDown = true;
    ProcessInstance instance = start();
    Job job = managementService().createJobQuery().processInstanceId(instance.getId()).singleResult();

    for (int attempt = 0; attempt < 5; attempt++) {
      String id = job.getId();
      long failedAt = System.currentTimeMillis();
      assertThatThrownBy(() -> managementService().executeJob(id)).hasMessageContaining("connection refused");
      job = managementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
      if (attempt < 4) {
        // PT20S,PT1M,PT1M,PT1M: a conflict or a blip is tried again in twenty seconds, an outage a minute apart
        long wait = job.getDuedate().getTime() - failedAt;
        assertThat(wait).as("wait before try %d", attempt + 2)
            .isBetween(attempt == 0 ? 19_000L : 59_000L, attempt == 0 ? 21_000L : 61_000L);
      }
    }
    // five tries in all, then an incident in Cockpit; the batch waits as written
    assertThat(job.getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    assertThat(uploads).isEmpty();

    clearinghouseDown = false;
    managementService().setJobRetries(job.getId(), 1); // an administrator's "retry" in Cockpit
    managementService().executeJob(job.getId());

    BpmnAwareTests.assertThat(instance).isEnded();
    assertThat(uploads).containsExactly("B-1");
  }
}
