package org.revcycle.remittance;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Claim adjustment reason codes (CARC) in plain words, with who usually owns the fix and what to
 * do: what a denial analyst reads on the Review denial form instead of bare codes. The common
 * denial reasons only (see docs/billing-primer.md); an unknown code says so.
 */
public final class DenialReasonCodes {

  record Meaning(String meaning, String owner, String suggestedAction) {}

  static final Map<String, Meaning> MEANINGS = Map.ofEntries(
      Map.entry("4", new Meaning("The modifier is inconsistent with the procedure or missing", "coding",
          "Correct the modifier and resubmit as a replacement claim")),
      Map.entry("11", new Meaning("The diagnosis is inconsistent with the procedure", "coding",
          "Review the documentation, correct the diagnosis codes and resubmit")),
      Map.entry("16", new Meaning("The claim lacks information or has billing errors (see the remark codes)", "billing",
          "Add what the remark codes name and resubmit as a replacement claim")),
      Map.entry("18", new Meaning("Exact duplicate of a claim already received", "billing",
          "Check the first claim's status; write off only if it was paid")),
      Map.entry("22", new Meaning("Another payer should pay first (coordination of benefits)", "registration",
          "Update the coverage order and bill the primary payer")),
      Map.entry("27", new Meaning("Services after coverage ended", "registration",
          "Find the current coverage, or bill the patient")),
      Map.entry("29", new Meaning("The timely filing limit has passed", "billing",
          "Appeal only with proof of timely filing; otherwise write off")),
      Map.entry("31", new Meaning("The patient is not identified as insured by this payer", "registration",
          "Verify eligibility and the member id, then resubmit")),
      Map.entry("50", new Meaning("Not deemed medically necessary by the payer", "coding / clinical",
          "Appeal with the clinical documentation")),
      Map.entry("96", new Meaning("Non-covered charge", "registration / patient",
          "Check the benefit; bill the patient if an advance notice was signed")),
      Map.entry("97", new Meaning("Bundled: paid as part of another service", "coding",
          "Check the NCCI pair; add a distinct-service modifier only if documented")),
      Map.entry("109", new Meaning("Not covered by this payer; send to the correct payer", "registration",
          "Find the right payer and bill it")),
      Map.entry("197", new Meaning("Precertification or authorization absent", "authorization",
          "Obtain a retro authorization if the payer allows, then resubmit; otherwise appeal")),
      Map.entry("204", new Meaning("Service not covered under the patient's benefit plan", "registration / patient",
          "Bill the patient if they were told in advance; otherwise write off")));

  private DenialReasonCodes() {}

  /** {@link #explain(ClaimAdjudication)} for the service lines the payer denied in a claim it paid. */
  public static String explainLines(ClaimAdjudication adjudication, List<ClaimAdjudication.ServiceLine> deniedLines) {
    List<ClaimAdjudication.Adjustment> denials = deniedLines.stream()
        .flatMap(l -> ClaimAdjudication.denialAdjustments(l).stream()).toList();
    String lines = deniedLines.stream().map(ClaimAdjudication.ServiceLine::reference).collect(Collectors.joining(", "));
    return "The payer paid the claim but denied " + (deniedLines.size() == 1 ? "one line" : deniedLines.size() + " lines")
        + " (" + lines + "):\n" + explain(new ClaimAdjudication(adjudication.patientControlNumber(), adjudication.payerId(),
            adjudication.payerClaimNumber(), adjudication.statusCode(), adjudication.charge(), adjudication.paid(),
            adjudication.patientResponsibility(), denials, adjudication.remarkCodes(), adjudication.paymentDate(),
            adjudication.traceNumber()));
  }

  /** One line per distinct group and reason code, e.g. "CO-197: Precertification ... Suggested: ...". */
  public static String explain(ClaimAdjudication adjudication) {
    Set<String> lines = new LinkedHashSet<>();
    for (ClaimAdjudication.Adjustment adjustment : adjudication.adjustments()) {
      if ("PR".equals(adjustment.groupCode()) && List.of("1", "2", "3").contains(adjustment.reasonCode())) {
        continue; // deductible, coinsurance, copay: the patient's share, not a denial reason
      }
      Meaning meaning = MEANINGS.get(adjustment.reasonCode());
      String code = adjustment.groupCode() + "-" + adjustment.reasonCode();
      lines.add(meaning == null
          ? code + ": reason code not in revcycle's list; look it up in the X12 CARC list"
          : code + ": " + meaning.meaning() + ". Usually owned by " + meaning.owner() + ". Suggested: "
              + meaning.suggestedAction() + ".");
    }
    if (!adjudication.remarkCodes().isEmpty()) {
      lines.add("Remark codes (RARC) with more detail: " + String.join(", ", adjudication.remarkCodes()));
    }
    return lines.stream().collect(Collectors.joining("\n"));
  }
}
