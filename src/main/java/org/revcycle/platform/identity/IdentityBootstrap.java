package org.revcycle.platform.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the billing office's groups, each with only the Camunda authorizations its role needs,
 * and the configured users. Idempotent: existing users keep the password they have now.
 */
@Component
public class IdentityBootstrap {

  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);
  private static final String TASKLIST = "tasklist";
  private static final String COCKPIT = "cockpit";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final IdentityProperties properties;

  public IdentityBootstrap(
      IdentityService identityService, AuthorizationService authorizationService, IdentityProperties properties) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.properties = properties;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(0)
  public void createGroupsAndUsers() {
    for (BillingOfficeRole role : BillingOfficeRole.values()) {
      ensureGroup(role);
    }
    grantRoleAuthorizations();
    for (IdentityProperties.SeedUser seed : properties.users()) {
      ensureUser(seed);
    }
  }

  private void ensureGroup(BillingOfficeRole role) {
    if (identityService.createGroupQuery().groupId(role.groupId()).count() == 0) {
      Group group = identityService.newGroup(role.groupId());
      group.setName(role.groupName());
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
      log.info("Created group {}", role.groupId());
    }
  }

  private void ensureUser(IdentityProperties.SeedUser seed) {
    if (seed.id() == null || seed.id().isBlank()) {
      throw new IllegalStateException("revcycle.identity.users: a user has no id");
    }
    if (identityService.createUserQuery().userId(seed.id()).count() == 0) {
      if (seed.password() == null || seed.password().isBlank()) {
        throw new IllegalStateException(
            "revcycle.identity.users: user '" + seed.id() + "' has no password; set it in the environment");
      }
      User user = identityService.newUser(seed.id());
      user.setFirstName(seed.firstName());
      user.setLastName(seed.lastName());
      user.setEmail(seed.email());
      user.setPassword(seed.password());
      identityService.saveUser(user);
      log.info("Created user {}", seed.id());
    }
    for (String groupId : seed.groups()) {
      if (BillingOfficeRole.ofGroup(groupId).isEmpty()
          && identityService.createGroupQuery().groupId(groupId).count() == 0) {
        throw new IllegalStateException(
            "revcycle.identity.users: user '" + seed.id() + "' names unknown group '" + groupId + "'");
      }
      if (identityService.createUserQuery().userId(seed.id()).memberOfGroup(groupId).count() == 0) {
        identityService.createMembership(seed.id(), groupId);
      }
    }
  }

  /** Least privilege per role; tasks themselves are granted to candidate groups by the engine. */
  private void grantRoleAuthorizations() {
    Map<BillingOfficeRole, List<Grant>> grants = new EnumMap<>(BillingOfficeRole.class);
    List<Grant> worksTasks =
        List.of(
            new Grant(Resources.APPLICATION, TASKLIST, Permissions.ACCESS),
            new Grant(Resources.PROCESS_DEFINITION, ANY, Permissions.READ),
            new Grant(Resources.DECISION_DEFINITION, ANY, Permissions.READ),
            new Grant(Resources.USER, ANY, Permissions.READ),
            new Grant(Resources.GROUP, ANY, Permissions.READ));
    grants.put(BillingOfficeRole.BILLING_SPECIALIST, worksTasks);
    grants.put(BillingOfficeRole.CODER, worksTasks);
    grants.put(BillingOfficeRole.SURGICAL_CODER, worksTasks);
    grants.put(BillingOfficeRole.DENIAL_ANALYST, worksTasks);
    grants.put(
        BillingOfficeRole.FINANCE,
        List.of(
            new Grant(Resources.APPLICATION, TASKLIST, Permissions.ACCESS),
            new Grant(Resources.APPLICATION, COCKPIT, Permissions.ACCESS),
            new Grant(Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY),
            new Grant(Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY),
            new Grant(Resources.USER, ANY, Permissions.READ),
            new Grant(Resources.GROUP, ANY, Permissions.READ)));
    // Camunda Modeler's Deploy button: create a deployment, and see the definitions it made.
    // Nothing else: no instances, no tasks, no deletion of deployments.
    grants.put(
        BillingOfficeRole.ANALYST,
        List.of(
            new Grant(Resources.DEPLOYMENT, ANY, Permissions.CREATE),
            new Grant(Resources.PROCESS_DEFINITION, ANY, Permissions.READ),
            new Grant(Resources.DECISION_DEFINITION, ANY, Permissions.READ),
            new Grant(Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ)));
    grants.put(BillingOfficeRole.ADMIN, allResources());

    grants.forEach((role, list) -> list.forEach(grant -> ensureGrant(role.groupId(), grant)));
  }

  private static List<Grant> allResources() {
    return java.util.Arrays.stream(Resources.values())
        .map(resource -> new Grant(resource, ANY, Permissions.ALL))
        .toList();
  }

  private void ensureGrant(String groupId, Grant grant) {
    boolean present =
        authorizationService
                .createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .count()
            > 0;
    if (present) {
      return;
    }
    var authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(grant.resource());
    authorization.setResourceId(grant.resourceId());
    for (Permission permission : grant.permissions()) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  private record Grant(Resource resource, String resourceId, Permission... permissions) {}
}
