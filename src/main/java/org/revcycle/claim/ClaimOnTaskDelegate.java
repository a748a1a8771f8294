package org.revcycle.claim;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener on every user task: on create, the claim summary the form shows, as task-local
 * variables (so that they are current, and what the form sends back stays on the task); on
 * complete, the person's note on the claim's timeline.
 */
@Component("claimOnTaskDelegate")
public class ClaimOnTaskDelegate implements TaskListener {

  /** The note field of each task's form (processes/forms/*.form), by user task id. */
  static final Map<String, String> NOTE_KEYS = Map.of(
      "ResolveRegistrationException", "resolutionNote",
      "ResolveClaimEdit", "resolutionNote",
      "CorrectRejectedClaim", "resolutionNote",
      "FollowUpLateClaim", "followUpNote",
      "TriageDenial", "triageNote",
      "ReviewDenial", "denialNote",
      "RecordAppealDecision", "appealNote",
      "ApproveWriteOff", "approvalNote",
      "ApproveAdjustment", "approvalNote");

  private final ClaimOnTask claimOnTask;

  public ClaimOnTaskDelegate(ClaimOnTask claimOnTask) {
    this.claimOnTask = claimOnTask;
  }

  @Override
  public void notify(DelegateTask task) {
    UUID claimId = UUID.fromString((String) task.getVariable("claimId"));
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariablesLocal(claimOnTask.summary(claimId));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      String noteKey = NOTE_KEYS.get(task.getTaskDefinitionKey());
      Object note = noteKey == null ? null : task.getVariable(noteKey);
      var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      String user = authentication == null ? task.getAssignee() : authentication.getUserId();
      claimOnTask.recordCompleted(claimId, task.getName(), note instanceof String text ? text : null, user);
    }
  }
}
