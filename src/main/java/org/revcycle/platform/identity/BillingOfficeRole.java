package org.revcycle.platform.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of a billing office. Each is a Camunda group (what Tasklist, Cockpit and candidate
 * groups use) and a Spring Security role (what /api checks): one identity store for both.
 */
public enum BillingOfficeRole {
  ADMIN("camunda-admin", "Revenue cycle administrators"),
  BILLING_SPECIALIST("billing-specialists", "Billing specialists"),
  CODER("coders", "Coders"),
  /** Hospital coders of surgical claims (orthopaedics, endoscopy): a queue of decisions/work-queue-routing.dmn. */
  SURGICAL_CODER("surgical-coders", "Surgical coders"),
  DENIAL_ANALYST("denial-analysts", "Denial analysts"),
  FINANCE("finance", "Finance"),
  /** Change processes and decisions in Camunda Modeler and deploy them; no Tasklist, no Cockpit. */
  ANALYST("revenue-cycle-analysts", "Revenue cycle analysts"),
  /** System accounts of the EHR and other feeds: may post to the API, see no Camunda app. */
  INTEGRATION("integrations", "System integrations");

  private final String groupId;
  private final String groupName;

  BillingOfficeRole(String groupId, String groupName) {
    this.groupId = groupId;
    this.groupName = groupName;
  }

  public String groupId() {
    return groupId;
  }

  public String groupName() {
    return groupName;
  }

  /** Spring Security authority, used as hasRole('...') with the enum name. */
  public String authority() {
    return "ROLE_" + name();
  }

  public static Optional<BillingOfficeRole> ofGroup(String groupId) {
    return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
  }
}
