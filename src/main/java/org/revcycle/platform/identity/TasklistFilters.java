package org.revcycle.platform.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The work queues in Tasklist. With authorization on, Tasklist shows nothing until a filter exists
 * that the user may read: one filter per queue, readable by the groups that work it, plus "My
 * group's tasks" and "My tasks". Each lists the most urgent first: priority (from the amount at
 * stake, decisions/work-queue-routing.dmn) descending, then due date (the queue's service level)
 * ascending. Created on start once, by name; their read grants are ensured on every start.
 * Which tasks a user then sees in a filter is still up to the task's candidate group.
 */
@Component
public class TasklistFilters {

  static final String MY_GROUPS_TASKS = "My group's tasks";
  static final String MY_TASKS = "My tasks";

  private static final List<BillingOfficeRole> TASK_WORKERS = List.of(BillingOfficeRole.BILLING_SPECIALIST,
      BillingOfficeRole.CODER, BillingOfficeRole.SURGICAL_CODER, BillingOfficeRole.DENIAL_ANALYST, BillingOfficeRole.FINANCE);

  /** A queue as Tasklist shows it: which tasks, who may open the filter, where in the list. */
  record QueueFilter(String name, int position, String description, Function<TaskService, TaskQuery> query,
      List<BillingOfficeRole> readers) {}

  /** The task definition keys are the user task ids in processes/*.bpmn (ModelsTest keeps them in step). */
  static final List<QueueFilter> QUEUES = List.of(
      new QueueFilter(MY_GROUPS_TASKS, -10, "Unassigned and assigned tasks of my groups, most urgent first",
          tasks -> tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
              .includeAssignedTasks(), TASK_WORKERS),
      new QueueFilter(MY_TASKS, -5, "Tasks I have claimed, most urgent first",
          tasks -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), TASK_WORKERS),
      queue("Registration exceptions", 0, "Registrations to complete before the claim is built",
          List.of("ResolveRegistrationException"), BillingOfficeRole.BILLING_SPECIALIST),
      // coding edits go to coders; authorization edits of the same task go to billing specialists
      queue("Coding edits", 1, "Claims a payer edit holds: coding, authorization, data",
          List.of("ResolveClaimEdit"), BillingOfficeRole.CODER, BillingOfficeRole.SURGICAL_CODER,
          BillingOfficeRole.BILLING_SPECIALIST),
      queue("Claim rejections", 2, "Claims the clearinghouse or payer returned unprocessed (999, 277CA)",
          List.of("CorrectRejectedClaim"), BillingOfficeRole.BILLING_SPECIALIST),
      queue("Late claims", 3, "Claims the payer has not adjudicated in time",
          List.of("FollowUpLateClaim"), BillingOfficeRole.BILLING_SPECIALIST),
      // each denial goes to the team that owns its root cause (decisions/work-queue-routing.dmn):
      // patient access (billing specialists), coders, or the denial analysts, who also triage and appeal
      queue("Denials", 4, "Denied claims by expected recovery: triage, correct and resubmit, appeal, or write off",
          List.of("TriageDenial", "ReviewDenial", "RecordAppealDecision", "TriagePayerLetter"),
          BillingOfficeRole.DENIAL_ANALYST, BillingOfficeRole.BILLING_SPECIALIST, BillingOfficeRole.CODER),
      // write-offs under the threshold are approved by denial analysts, above it (and manual adjustments) by finance
      queue("Approvals", 5, "Write-offs and manual adjustments waiting for approval",
          List.of("ApproveWriteOff", "ApproveAdjustment"), BillingOfficeRole.FINANCE, BillingOfficeRole.DENIAL_ANALYST),
      queue("Remittances", 6, "835 files that do not balance, and payments that match no claim",
          List.of("RemittanceException", "UnmatchedRemittance"), BillingOfficeRole.BILLING_SPECIALIST),
      queue("Deposits", 7, "Bank deposits that no 835 payment explains",
          List.of("ReconcileDeposit"), BillingOfficeRole.FINANCE));

  private static QueueFilter queue(String name, int position, String description, List<String> taskKeys,
      BillingOfficeRole... readers) {
    return new QueueFilter(name, position, description,
        tasks -> tasks.createTaskQuery().taskDefinitionKeyIn(taskKeys.toArray(String[]::new)), List.of(readers));
  }

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  public TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(10)
  public void createFilters() {
    for (QueueFilter queue : QUEUES) {
      ensure(queue);
    }
  }

  private void ensure(QueueFilter queue) {
    Filter filter = filterService.createFilterQuery().filterName(queue.name()).singleResult();
    if (filter == null) {
      TaskQuery query = queue.query().apply(taskService);
      query.orderByTaskPriority().desc().orderByDueDate().asc();
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("priority", queue.position());
      properties.put("description", queue.description());
      properties.put("refresh", true);
      // shown on each task card in the list: which claim, without opening the task
      properties.put("variables", List.of(Map.of("name", "claimSummary", "label", "Claim")));
      filter = filterService.newTaskFilter(queue.name()).setOwner(null).setQuery(query).setProperties(properties);
      filterService.saveFilter(filter);
    }
    for (BillingOfficeRole reader : queue.readers()) {
      grantRead(filter.getId(), reader);
    }
  }

  private void grantRead(String filterId, BillingOfficeRole role) {
    boolean present = authorizationService.createAuthorizationQuery()
        .groupIdIn(role.groupId()).resourceType(Resources.FILTER).resourceId(filterId).count() > 0;
    if (!present) {
      var authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(role.groupId());
      authorization.setResource(Resources.FILTER);
      authorization.setResourceId(filterId);
      authorization.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(authorization);
    }
  }
}
