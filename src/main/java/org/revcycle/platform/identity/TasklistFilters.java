package org.revcycle.platform.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * With authorization on, Tasklist shows nothing until a filter exists that the user may read:
 * these are created on start (once, by name) and readable by every group of the billing office.
 */
@Component
public class TasklistFilters {

  static final String MY_GROUPS_TASKS = "My group's tasks";
  static final String MY_TASKS = "My tasks";

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
    ensure(MY_GROUPS_TASKS, -10, "Unassigned and assigned tasks of my groups, most urgent first",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    ensure(MY_TASKS, -5, "Tasks I have claimed", taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
  }

  private void ensure(String name, int priority, String description, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      query.orderByTaskPriority().desc().orderByDueDate().asc();
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("priority", priority);
      properties.put("description", description);
      properties.put("refresh", true);
      filter = filterService.newTaskFilter(name).setOwner(null).setQuery(query).setProperties(properties);
      filterService.saveFilter(filter);
    }
    grantRead(filter.getId());
  }

  private void grantRead(String filterId) {
    for (BillingOfficeRole role : List.of(BillingOfficeRole.values())) {
      if (role == BillingOfficeRole.INTEGRATION) {
        continue;
      }
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
}
