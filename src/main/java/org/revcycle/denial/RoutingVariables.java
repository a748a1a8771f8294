package org.revcycle.denial;

import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import org.revcycle.encounter.EncounterToCashProcess;

/** The variables a routed denial puts on its process: the queue and, for the forms, the why. */
final class RoutingVariables {

  private RoutingVariables() {}

  static Map<String, Object> of(DenialManagement.Routing routing) {
    Map<String, Object> execution = new HashMap<>();
    DenialManagement.Finding finding = routing.finding();
    execution.put(DenialManagementProcess.VAR_ROOT_CAUSE, finding.rootCause().name());
    execution.put(DenialManagementProcess.VAR_ROOT_CAUSE_LABEL, finding.rootCause().label());
    execution.put(DenialManagementProcess.VAR_CLASSIFIED_BY, finding.source());
    execution.put(DenialManagementProcess.VAR_CLASSIFICATION, describe(finding));
    execution.put(DenialManagementProcess.VAR_SUGGESTED_ACTION, finding.suggestedAction());
    execution.put(DenialManagementProcess.VAR_NEEDS_TRIAGE, routing.needsTriage());
    execution.put(DenialManagementProcess.VAR_RECOVERY_OUTLOOK, String.format(Locale.ROOT,
        "P(recovery) %.2f; expected recovery %s USD; the payer's appeal deadline %s",
        routing.recoveryProbability(), routing.expectedRecovery().toPlainString(), routing.appealDeadline()));
    if (routing.needsTriage()) {
      execution.put(DenialManagementProcess.VAR_TRIAGE_QUEUE, routing.queue());
      execution.put(DenialManagementProcess.VAR_TRIAGE_PRIORITY, routing.priority());
      execution.put(DenialManagementProcess.VAR_TRIAGE_DUE_DATE, routing.due());
    } else {
      execution.put(EncounterToCashProcess.VAR_DENIAL_QUEUE, routing.queue());
      execution.put(EncounterToCashProcess.VAR_DENIAL_PRIORITY, routing.priority());
      execution.put(EncounterToCashProcess.VAR_DENIAL_DUE_DATE, routing.due());
    }
    return execution;
  }

  static String describe(DenialManagement.Finding finding) {
    return switch (finding.source()) {
      case "TABLE" -> {
        DenialManagement.TableMatch t = (DenialManagement.TableMatch) finding;
        yield "decisions/denial-root-cause.dmn v" + t.decisionVersion() + ", rule " + t.ruleId();
      }
      case "MODEL" -> {
        DenialManagement.ModelPrediction m = (DenialManagement.ModelPrediction) finding;
        yield String.format(Locale.ROOT, "classifier %s, confidence %.2f; weighed most: %s", m.modelVersion(),
            m.confidence(), String.join(", ", m.topFeatures()));
      }
      default -> "named by " + ((DenialManagement.AnalystLabel) finding).analyst() + " on triage";
    };
  }
}
