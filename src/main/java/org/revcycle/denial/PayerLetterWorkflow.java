package org.revcycle.denial;

import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine side of payer letters, in the caller's transaction: starts Triage payer letter for a
 * letter that matches no denial (business key: the letter id), and moves an open Review denial to
 * the team of a root cause a letter changed.
 */
@Component
public class PayerLetterWorkflow {

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  public PayerLetterWorkflow(RuntimeService runtimeService, TaskService taskService,
      AuthorizationService authorizationService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  /** The open Review denial of this claim shows the new root cause and goes to its team's queue. */
  public void rerouted(String patientControlNumber, DenialManagement.Routing routing) {
    for (Task task : taskService.createTaskQuery().processDefinitionKey(DenialManagementProcess.KEY)
        .processInstanceBusinessKey(patientControlNumber).taskDefinitionKey("ReviewDenial").list()) {
      // the task as queried first (each call below updates it and would make this copy stale)
      task.setDueDate(routing.due());
      task.setPriority(routing.priority());
      taskService.saveTask(task);
      runtimeService.setVariables(task.getExecutionId(), RoutingVariables.of(routing));
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
            && !link.getGroupId().equals(routing.queue())) {
          taskService.deleteCandidateGroup(task.getId(), link.getGroupId());
          // the engine granted the old group this task when it became a candidate; removing the link keeps the grant
          for (Authorization grant : authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
              .resourceId(task.getId()).groupIdIn(link.getGroupId()).list()) {
            authorizationService.deleteAuthorization(grant.getId());
          }
        }
      }
      taskService.addCandidateGroup(task.getId(), routing.queue());
    }
  }

  public void startTriage(UUID letterId, String summary, String queue, int priority, Date due) {
    runtimeService.startProcessInstanceByKey(DenialManagementProcess.LETTER_TRIAGE_KEY, letterId.toString(), Map.of(
        DenialManagementProcess.VAR_LETTER_ID, letterId.toString(),
        DenialManagementProcess.VAR_LETTER_SUMMARY, summary,
        DenialManagementProcess.VAR_LETTER_QUEUE, queue,
        DenialManagementProcess.VAR_LETTER_PRIORITY, priority,
        DenialManagementProcess.VAR_LETTER_DUE_DATE, due));
  }
}
