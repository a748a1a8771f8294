package org.revcycle.eligibility;

/** Names in processes/registration-check.bpmn, in one place so a typo is a compile error. */
public final class RegistrationCheckProcess {

  public static final String KEY = "registration-check";
  public static final String TASK_CHECK = "CheckRegistration";
  public static final String TASK_RESOLVE = "ResolveRegistrationException";
  public static final String END_VERIFIED = "RegistrationVerified";

  public static final String VAR_CLAIM_ID = "claimId";
  public static final String VAR_REGISTRATION_COMPLETE = "registrationComplete";
  public static final String VAR_REGISTRATION_PROBLEMS = "registrationProblems";
  /** Where the exception task goes: set by the check from decisions/work-queue-routing.dmn. */
  public static final String VAR_REGISTRATION_QUEUE = "registrationQueue";
  public static final String VAR_REGISTRATION_PRIORITY = "registrationPriority";
  public static final String VAR_REGISTRATION_DUE_DATE = "registrationDueDate";
  /** One line that identifies the claim on every task form (no patient details). */
  public static final String VAR_CLAIM_SUMMARY = "claimSummary";

  private RegistrationCheckProcess() {}
}
