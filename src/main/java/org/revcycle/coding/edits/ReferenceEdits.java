package org.revcycle.coding.edits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.revcycle.coding.edits.ClaimFacts.Line;
import org.revcycle.coding.edits.ReferenceData.AddOnEdit;
import org.revcycle.coding.edits.ReferenceData.AgeSexEdit;
import org.revcycle.coding.edits.ReferenceData.DiagnosisSupport;
import org.revcycle.coding.edits.ReferenceData.ModifierRequirement;
import org.revcycle.coding.edits.ReferenceData.MueLimit;
import org.revcycle.coding.edits.ReferenceData.MueSetting;
import org.revcycle.coding.edits.ReferenceData.PriorAuthRule;
import org.revcycle.coding.edits.ReferenceData.PtpEdit;
import org.revcycle.coding.edits.ReferenceData.PtpSetting;
import org.revcycle.coding.edits.ReferenceData.Ref;

/**
 * The edits that check a claim against reference data: NCCI procedure-to-procedure pairs, medically
 * unlikely edits, add-on codes, required modifiers, diagnosis support, prior authorization per payer
 * and code, and age/sex conflicts. Each returns edits with the table row that produced them; the
 * caller adds the decision that made the family apply.
 */
public final class ReferenceEdits {

  public static final String NCCI_PTP = "NCCI_PTP";
  public static final String MUE = "MUE";
  public static final String ADD_ON = "ADD_ON";
  public static final String MODIFIER = "MODIFIER";
  public static final String DIAGNOSIS_SUPPORT = "DIAGNOSIS_SUPPORT";
  public static final String PRIOR_AUTH = "PRIOR_AUTH";
  public static final String AGE_SEX = "AGE_SEX";

  /** Modifiers that NCCI accepts to bypass a PTP edit with indicator 1 (NCCI policy manual, chapter I). */
  static final Set<String> NCCI_MODIFIERS = Set.of("25", "58", "59", "78", "79", "91", "24", "27", "57",
      "XE", "XS", "XP", "XU", "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
      "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD", "LM", "RC", "RI");

  private ReferenceEdits() {}

  public static List<EditResult> check(ClaimFacts claim, Set<String> families, ReferenceData data) {
    List<EditResult> edits = new ArrayList<>();
    if (families.contains(NCCI_PTP)) {
      ptp(claim, data, edits);
    }
    if (families.contains(MUE)) {
      mue(claim, data, edits);
    }
    if (families.contains(ADD_ON)) {
      addOns(claim, data, edits);
    }
    if (families.contains(MODIFIER)) {
      modifiers(claim, data, edits);
    }
    if (families.contains(DIAGNOSIS_SUPPORT)) {
      diagnosisSupport(claim, data, edits);
    }
    if (families.contains(PRIOR_AUTH)) {
      priorAuth(claim, data, edits);
    }
    if (families.contains(AGE_SEX)) {
      ageSex(claim, data, edits);
    }
    return edits;
  }

  private static EditResult edit(String code, String severity, String exceptionType, String family, String message,
      String fix, Integer line, Ref ref) {
    return new EditResult(code, severity, exceptionType, message, fix, line, family, null, 0, null, ref.table(),
        ref.row(), ref.version());
  }

  // ---- NCCI procedure-to-procedure ----

  static void ptp(ClaimFacts claim, ReferenceData data, List<EditResult> edits) {
    PtpSetting setting = "INSTITUTIONAL".equals(claim.claimType()) ? PtpSetting.HOSPITAL : PtpSetting.PRACTITIONER;
    List<Line> lines = claim.lines();
    for (int i = 0; i < lines.size(); i++) {
      Line a = lines.get(i);
      if (a.procedureCode() == null) {
        continue;
      }
      for (int j = i + 1; j < lines.size(); j++) {
        Line b = lines.get(j);
        if (b.procedureCode() == null || !a.serviceDate().equals(b.serviceDate())) {
          continue;
        }
        pair(data, setting, a, b, edits);
        pair(data, setting, b, a, edits);
      }
    }
  }

  private static void pair(ReferenceData data, PtpSetting setting, Line column1, Line column2, List<EditResult> edits) {
    for (PtpEdit e : data.ptp(setting, column1.procedureCode(), column2.procedureCode())) {
      if (!e.activeOn(column1.serviceDate()) || e.modifierIndicator() == '9') {
        continue;
      }
      String c1 = column1.procedureCode();
      String c2 = column2.procedureCode();
      String why = e.rationale().isEmpty() ? "" : " (" + e.rationale() + ")";
      if (e.modifierIndicator() == '0') {
        edits.add(edit("E-NCCI-PTP", EditResult.ERROR, "CODING", NCCI_PTP,
            "Line " + column2.lineNumber() + " (" + c2 + ") cannot be billed with line " + column1.lineNumber() + " ("
                + c1 + ") on the same day: NCCI bundles " + c2 + " into " + c1 + why + ", and no modifier unbundles it.",
            "Remove line " + column2.lineNumber() + " (" + c2 + "); its work is paid as part of " + c1 + ".",
            column2.lineNumber(), e.ref()));
      } else if (!bypassed(column1, column2)) {
        edits.add(edit("E-NCCI-PTP-MOD", EditResult.ERROR, "CODING", NCCI_PTP,
            "Line " + column2.lineNumber() + " (" + c2 + ") is bundled into line " + column1.lineNumber() + " (" + c1
                + ") on the same day under NCCI" + why + " unless a modifier shows it was separate.",
            "If the documentation shows a separate service (another site, session or encounter), add modifier 59 or "
                + "XE/XS/XP/XU to line " + column2.lineNumber() + " (25 if it is a separately identifiable E/M visit); "
                + "otherwise remove line " + column2.lineNumber() + ".",
            column2.lineNumber(), e.ref()));
      }
    }
  }

  /**
   * Whether a modifier lets the pair be paid. With an E/M code in the pair only the E/M modifiers
   * (25, 24, 57 on the E/M line) say the visit was separate; otherwise any NCCI-associated modifier
   * on either line does.
   */
  private static boolean bypassed(Line a, Line b) {
    boolean emA = isEvaluationAndManagement(a.procedureCode());
    boolean emB = isEvaluationAndManagement(b.procedureCode());
    if (emA || emB) {
      return emA && hasAny(a, EM_MODIFIERS) || emB && hasAny(b, EM_MODIFIERS);
    }
    return hasNcciModifier(a) || hasNcciModifier(b);
  }

  static final Set<String> EM_MODIFIERS = Set.of("24", "25", "57");

  static boolean isEvaluationAndManagement(String code) {
    return code.length() == 5 && code.startsWith("99") && code.charAt(2) >= '2' && code.charAt(2) <= '4'
        && Character.isDigit(code.charAt(3)) && Character.isDigit(code.charAt(4));
  }

  private static boolean hasAny(Line line, Set<String> modifiers) {
    for (String m : line.modifiers()) {
      if (modifiers.contains(m)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasNcciModifier(Line line) {
    for (String m : line.modifiers()) {
      if (NCCI_MODIFIERS.contains(m)) {
        return true;
      }
    }
    return false;
  }

  // ---- medically unlikely edits ----

  static void mue(ClaimFacts claim, ReferenceData data, List<EditResult> edits) {
    MueSetting setting = "INSTITUTIONAL".equals(claim.claimType()) ? MueSetting.OUTPATIENT_HOSPITAL : MueSetting.PRACTITIONER;
    Map<String, BigDecimal> perDay = null;
    Map<String, Line> firstLine = null;
    for (Line line : claim.lines()) {
      if (line.procedureCode() == null) {
        continue;
      }
      MueLimit limit = data.mue(setting, line.procedureCode());
      if (limit == null) {
        continue;
      }
      if (limit.adjudicationIndicator() == 1) {
        if (line.units().compareTo(BigDecimal.valueOf(limit.maxUnits())) > 0) {
          edits.add(mueEdit(line.procedureCode(), line.units(), line.serviceDate(), limit, line.lineNumber(), "on line "
              + line.lineNumber()));
        }
        continue;
      }
      if (perDay == null) {
        perDay = new HashMap<>();
        firstLine = new HashMap<>();
      }
      String key = line.procedureCode() + "|" + line.serviceDate();
      perDay.merge(key, line.units(), BigDecimal::add);
      firstLine.putIfAbsent(key, line);
    }
    if (perDay != null) {
      for (Map.Entry<String, BigDecimal> day : perDay.entrySet()) {
        Line line = firstLine.get(day.getKey());
        MueLimit limit = data.mue(setting, line.procedureCode());
        if (day.getValue().compareTo(BigDecimal.valueOf(limit.maxUnits())) > 0) {
          edits.add(mueEdit(line.procedureCode(), day.getValue(), line.serviceDate(), limit, line.lineNumber(),
              "on " + line.serviceDate()));
        }
      }
    }
  }

  private static EditResult mueEdit(String code, BigDecimal units, LocalDate date, MueLimit limit, int line, String where) {
    String basis = limit.adjudicationIndicator() == 2 ? "a policy limit that no appeal raises"
        : limit.adjudicationIndicator() == 3 ? "a clinical limit; more can be paid on appeal with records"
        : "a limit per claim line";
    return edit("E-MUE", EditResult.ERROR, "CODING", MUE,
        code + " is billed for " + units.stripTrailingZeros().toPlainString() + " units " + where + "; at most "
            + limit.maxUnits() + " per day are accepted (medically unlikely edit, " + basis + ").",
        "Correct the units to what the documentation supports (at most " + limit.maxUnits()
            + "); units given on another day go on a line with that date.",
        line, limit.ref());
  }

  // ---- add-on codes ----

  static void addOns(ClaimFacts claim, ReferenceData data, List<EditResult> edits) {
    for (Line line : claim.lines()) {
      if (line.procedureCode() == null) {
        continue;
      }
      List<AddOnEdit> rules = data.addOn(line.procedureCode());
      if (rules.isEmpty()) {
        continue;
      }
      Set<String> sameDay = new HashSet<>();
      for (Line other : claim.lines()) {
        if (other != line && other.procedureCode() != null && other.serviceDate().equals(line.serviceDate())) {
          sameDay.add(other.procedureCode());
        }
      }
      List<String> primaries = new ArrayList<>();
      AddOnEdit first = null;
      boolean found = false;
      int type = 0;
      for (AddOnEdit rule : rules) {
        if (!rule.activeOn(line.serviceDate())) {
          continue;
        }
        first = first == null ? rule : first;
        type = rule.editType();
        if (rule.primaryCode() != null && rule.primaryActiveOn(line.serviceDate())) {
          primaries.add(rule.primaryCode());
          found |= sameDay.contains(rule.primaryCode());
        }
      }
      if (first == null) {
        continue;
      }
      String code = line.procedureCode();
      if (type == 2 || primaries.isEmpty()) {
        if (sameDay.isEmpty()) {
          edits.add(edit("E-ADDON-ALONE", EditResult.ERROR, "CODING", ADD_ON,
              code + " on line " + line.lineNumber() + " is an add-on code and nothing else is billed that day.",
              "Add the primary procedure performed with it, or remove line " + line.lineNumber() + ".",
              line.lineNumber(), first.ref()));
        }
      } else if (!found) {
        boolean type1 = type == 1;
        edits.add(edit(type1 ? "E-ADDON-PRIMARY" : "W-ADDON-PRIMARY", type1 ? EditResult.ERROR : EditResult.WARNING,
            "CODING", ADD_ON,
            code + " on line " + line.lineNumber() + " is an add-on code; none of its primary codes ("
                + String.join(", ", primaries.subList(0, Math.min(8, primaries.size())))
                + (primaries.size() > 8 ? ", ..." : "") + ") is billed the same day.",
            type1 ? "Add the primary procedure it was performed with, or remove line " + line.lineNumber() + "."
                : "Check that the primary procedure billed is one the payer accepts with " + code + ".",
            line.lineNumber(), first.ref()));
      }
    }
  }

  // ---- modifiers a code needs ----

  static void modifiers(ClaimFacts claim, ReferenceData data, List<EditResult> edits) {
    for (Line line : claim.lines()) {
      if (line.procedureCode() == null) {
        continue;
      }
      for (ModifierRequirement rule : data.modifierRequirements(line.procedureCode())) {
        if (rule.payerClass() != null && !rule.payerClass().equals(claim.payerClass())
            || rule.claimType() != null && !rule.claimType().equals(claim.claimType())) {
          continue;
        }
        boolean present = false;
        for (String m : line.modifiers()) {
          present |= rule.anyOf().contains(m);
        }
        if (!present) {
          edits.add(edit("E-MODIFIER", EditResult.ERROR, "CODING", MODIFIER,
              "Line " + line.lineNumber() + " (" + line.procedureCode() + ") needs modifier "
                  + String.join(" or ", rule.anyOf()) + ": " + rule.reason(),
              rule.fix(), line.lineNumber(), rule.ref()));
        }
      }
    }
  }

  // ---- diagnosis supports procedure ----

  static void diagnosisSupport(ClaimFacts claim, ReferenceData data, List<EditResult> edits) {
    List<String> diagnoses = null;
    Set<String> checked = null;
    for (Line line : claim.lines()) {
      if (line.procedureCode() == null) {
        continue;
      }
      List<DiagnosisSupport> rules = data.diagnosisSupport(line.procedureCode());
      if (rules.isEmpty()) {
        continue;
      }
      if (diagnoses == null) {
        diagnoses = new ArrayList<>(claim.diagnoses().size());
        for (String dx : claim.diagnoses()) {
          diagnoses.add(dx.replace(".", ""));
        }
        checked = new HashSet<>();
      }
      if (!checked.add(line.procedureCode())) {
        continue;
      }
      boolean supported = false;
      for (DiagnosisSupport rule : rules) {
        for (String dx : diagnoses) {
          supported |= dx.startsWith(rule.diagnosisPrefix());
        }
      }
      if (!supported) {
        DiagnosisSupport rule = rules.get(0);
        List<String> accepted = rules.stream().map(DiagnosisSupport::diagnosisPrefix).limit(8).toList();
        edits.add(edit("E-DX-SUPPORT", EditResult.ERROR, "CODING", DIAGNOSIS_SUPPORT,
            "No diagnosis on the claim supports " + line.procedureCode() + " on line " + line.lineNumber() + " under "
                + rule.policy() + "; it covers diagnoses starting " + String.join(", ", accepted)
                + (rules.size() > 8 ? ", ..." : "") + ".",
            "Add the documented diagnosis that was the reason for " + line.procedureCode()
                + "; if none is documented, ask the provider (a query), and do not bill the payer without it.",
            line.lineNumber(), rule.ref()));
      }
    }
  }

  // ---- prior authorization per payer and code ----

  static void priorAuth(ClaimFacts claim, ReferenceData data, List<EditResult> edits) {
    if (claim.hasPriorAuthorization() || claim.payerId() == null) {
      return;
    }
    Set<String> reported = new HashSet<>();
    for (Line line : claim.lines()) {
      for (String code : new String[] {line.procedureCode(), line.revenueCode()}) {
        if (code == null || reported.contains(code) || reported.contains("line " + line.lineNumber())) {
          continue;
        }
        for (PriorAuthRule rule : data.priorAuth(claim.payerId(), code)) {
          if (rule.activeOn(line.serviceDate()) && reported.add(code) && reported.add("line " + line.lineNumber())) {
            String what = "REVENUE".equals(rule.codeType()) ? "revenue code " + code : code;
            edits.add(edit("E-AUTH-MISSING", EditResult.ERROR, "AUTHORIZATION", PRIOR_AUTH,
                "Payer " + claim.payerId() + " requires prior authorization for " + what + " (line " + line.lineNumber()
                    + ") and none is on the claim" + (rule.note().isEmpty() ? "." : ": " + rule.note() + "."),
                "Find the authorization number (the scheduling or utilization review record) and add it to the claim "
                    + "(REF*G1); if none was obtained, ask the payer for a retro-authorization.",
                line.lineNumber(), rule.ref()));
          }
        }
      }
    }
  }

  // ---- age and sex conflicts ----

  static void ageSex(ClaimFacts claim, ReferenceData data, List<EditResult> edits) {
    for (Line line : claim.lines()) {
      if (line.procedureCode() != null) {
        for (AgeSexEdit rule : data.procedureAgeSex(line.procedureCode())) {
          conflict(claim, rule, line.procedureCode() + " on line " + line.lineNumber(), line.lineNumber(), edits);
        }
      }
    }
    for (String dx : claim.diagnoses()) {
      for (AgeSexEdit rule : data.diagnosisAgeSex(dx.replace(".", ""))) {
        conflict(claim, rule, "diagnosis " + dx, null, edits);
      }
    }
  }

  private static void conflict(ClaimFacts claim, AgeSexEdit rule, String what, Integer line, List<EditResult> edits) {
    String sex = claim.patientSex();
    if (rule.sex() != null && ("F".equals(sex) || "M".equals(sex)) && !rule.sex().equals(sex)) {
      edits.add(edit("E-SEX-CONFLICT", EditResult.ERROR, "CODING", AGE_SEX,
          what + " (" + rule.description() + ") is for " + ("F".equals(rule.sex()) ? "female" : "male")
              + " patients; this patient is recorded as " + ("F".equals(sex) ? "female" : "male") + ".",
          "Check the code against the documentation; if the code is right, have registration check the patient's sex.",
          line, rule.ref()));
    }
    int age = claim.patientAge();
    if (rule.minAge() != null && age < rule.minAge() || rule.maxAge() != null && age > rule.maxAge()) {
      String range = rule.minAge() != null && rule.maxAge() != null ? "ages " + rule.minAge() + " to " + rule.maxAge()
          : rule.minAge() != null ? "age " + rule.minAge() + " and older" : "age " + rule.maxAge() + " and younger";
      edits.add(edit("E-AGE-CONFLICT", EditResult.ERROR, "CODING", AGE_SEX,
          what + " (" + rule.description() + ") is for " + range + "; the patient was " + age
              + " on the date of service.",
          "Use the code for the patient's age on the date of service, or have registration check the birth date.",
          line, rule.ref()));
    }
  }
}
