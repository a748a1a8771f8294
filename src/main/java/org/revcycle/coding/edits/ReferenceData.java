package org.revcycle.coding.edits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference tables the data-table edits query, indexed in memory for lookups by code. Built
 * once per load and never changed: a new load builds a new instance and swaps it in whole.
 */
public final class ReferenceData {

  public static final String PTP = "ncci_ptp_edit";
  public static final String MUE = "mue_edit";
  public static final String ADD_ON = "add_on_code_edit";
  public static final String MODIFIER = "modifier_requirement";
  public static final String DIAGNOSIS_SUPPORT = "diagnosis_support";
  public static final String PRIOR_AUTH = "prior_authorization_rule";
  public static final String AGE_SEX = "age_sex_edit";

  /** Where a row came from: its table, its line in the file loaded, and that file (the version). */
  public record Ref(String table, long row, String version) {}

  /** NCCI PTP edits are published for practitioner and for outpatient hospital claims. */
  public enum PtpSetting { PRACTITIONER, HOSPITAL }

  /** MUE values are published per setting. */
  public enum MueSetting { PRACTITIONER, OUTPATIENT_HOSPITAL, DME }

  /** @param modifierIndicator 0 never together, 1 together with an NCCI-associated modifier, 9 not applicable */
  public record PtpEdit(PtpSetting setting, String column1, String column2, boolean before1996, LocalDate effective,
      LocalDate deletion, char modifierIndicator, String rationale, Ref ref) {

    boolean activeOn(LocalDate date) {
      return !date.isBefore(effective) && (deletion == null || date.isBefore(deletion));
    }
  }

  /** @param adjudicationIndicator 1 per line, 2 per day by policy, 3 per day by clinical data */
  public record MueLimit(MueSetting setting, String code, int maxUnits, int adjudicationIndicator,
      String adjudicationText, String rationale, Ref ref) {}

  /** @param primaryCode null where the file says CCCCC (type 2: no listed primary) */
  public record AddOnEdit(String addOnCode, LocalDate addOnDeletion, String primaryCode, LocalDate primaryDeletion,
      int editType, LocalDate effective, LocalDate deletion, String notes, Ref ref) {

    boolean activeOn(LocalDate date) {
      return !date.isBefore(effective) && (deletion == null || date.isBefore(deletion))
          && (addOnDeletion == null || date.isBefore(addOnDeletion));
    }

    boolean primaryActiveOn(LocalDate date) {
      return primaryDeletion == null || date.isBefore(primaryDeletion);
    }
  }

  /** @param payerClass null: every payer; @param claimType null: both claim types */
  public record ModifierRequirement(String code, String payerClass, String claimType, List<String> anyOf, String reason,
      String fix, Ref ref) {}

  /** @param diagnosisPrefix ICD-10-CM code or category without the dot, e.g. M17 or R519 */
  public record DiagnosisSupport(String procedureCode, String diagnosisPrefix, String policy, Ref ref) {}

  /** @param codeType HCPCS or REVENUE */
  public record PriorAuthRule(String payerId, String codeType, String code, LocalDate effective, LocalDate end,
      String note, Ref ref) {

    boolean activeOn(LocalDate date) {
      return !date.isBefore(effective) && (end == null || !date.isAfter(end));
    }
  }

  /** @param codeSystem HCPCS (exact code) or ICD10 (code or category prefix, no dot); sex F or M, or null */
  public record AgeSexEdit(String codeSystem, String code, String sex, Integer minAge, Integer maxAge,
      String description, Ref ref) {}

  /** Rows of every table as parsed or read back, and the label of each table's load. */
  public record Tables(List<PtpEdit> ptp, List<MueLimit> mue, List<AddOnEdit> addOns,
      List<ModifierRequirement> modifiers, List<DiagnosisSupport> diagnosisSupport, List<PriorAuthRule> priorAuth,
      List<AgeSexEdit> ageSex) {

    public static Tables empty() {
      return new Tables(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public int rows() {
      return ptp.size() + mue.size() + addOns.size() + modifiers.size() + diagnosisSupport.size() + priorAuth.size()
          + ageSex.size();
    }
  }

  private final Tables tables;
  private final Map<PtpSetting, Map<String, Map<String, List<PtpEdit>>>> ptp = new HashMap<>();
  private final Map<MueSetting, Map<String, MueLimit>> mue = new HashMap<>();
  private final Map<String, List<AddOnEdit>> addOns = new HashMap<>();
  private final Map<String, List<ModifierRequirement>> modifiers = new HashMap<>();
  private final Map<String, List<DiagnosisSupport>> diagnosisSupport = new HashMap<>();
  private final Map<String, Map<String, List<PriorAuthRule>>> priorAuth = new HashMap<>();
  private final Map<String, List<AgeSexEdit>> procedureAgeSex = new HashMap<>();
  private final Map<String, List<AgeSexEdit>> diagnosisAgeSex = new HashMap<>();
  private final int longestDiagnosisPrefix;

  public ReferenceData(Tables tables) {
    this.tables = tables;
    for (PtpEdit e : tables.ptp()) {
      ptp.computeIfAbsent(e.setting(), s -> new HashMap<>()).computeIfAbsent(e.column1(), c -> new HashMap<>())
          .computeIfAbsent(e.column2(), c -> new ArrayList<>(1)).add(e);
    }
    for (MueLimit m : tables.mue()) {
      mue.computeIfAbsent(m.setting(), s -> new HashMap<>()).put(m.code(), m);
    }
    for (AddOnEdit a : tables.addOns()) {
      addOns.computeIfAbsent(a.addOnCode(), c -> new ArrayList<>()).add(a);
    }
    for (ModifierRequirement m : tables.modifiers()) {
      modifiers.computeIfAbsent(m.code(), c -> new ArrayList<>()).add(m);
    }
    for (DiagnosisSupport d : tables.diagnosisSupport()) {
      diagnosisSupport.computeIfAbsent(d.procedureCode(), c -> new ArrayList<>()).add(d);
    }
    for (PriorAuthRule p : tables.priorAuth()) {
      priorAuth.computeIfAbsent(p.payerId(), c -> new HashMap<>()).computeIfAbsent(p.code(), c -> new ArrayList<>()).add(p);
    }
    int longest = 0;
    for (AgeSexEdit a : tables.ageSex()) {
      if ("ICD10".equals(a.codeSystem())) {
        diagnosisAgeSex.computeIfAbsent(a.code(), c -> new ArrayList<>()).add(a);
        longest = Math.max(longest, a.code().length());
      } else {
        procedureAgeSex.computeIfAbsent(a.code(), c -> new ArrayList<>()).add(a);
      }
    }
    this.longestDiagnosisPrefix = longest;
  }

  public static ReferenceData empty() {
    return new ReferenceData(Tables.empty());
  }

  public Tables tables() {
    return tables;
  }

  /** PTP edits with this column 1 and column 2 code, active or not. */
  public List<PtpEdit> ptp(PtpSetting setting, String column1, String column2) {
    Map<String, Map<String, List<PtpEdit>>> bySetting = ptp.get(setting);
    if (bySetting == null) {
      return List.of();
    }
    Map<String, List<PtpEdit>> byColumn2 = bySetting.get(column1);
    if (byColumn2 == null) {
      return List.of();
    }
    return byColumn2.getOrDefault(column2, List.of());
  }

  public MueLimit mue(MueSetting setting, String code) {
    Map<String, MueLimit> bySetting = mue.get(setting);
    return bySetting == null ? null : bySetting.get(code);
  }

  public List<AddOnEdit> addOn(String code) {
    return addOns.getOrDefault(code, List.of());
  }

  public List<ModifierRequirement> modifierRequirements(String code) {
    return modifiers.getOrDefault(code, List.of());
  }

  public List<DiagnosisSupport> diagnosisSupport(String procedureCode) {
    return diagnosisSupport.getOrDefault(procedureCode, List.of());
  }

  public List<PriorAuthRule> priorAuth(String payerId, String code) {
    Map<String, List<PriorAuthRule>> byCode = priorAuth.get(payerId);
    return byCode == null ? List.of() : byCode.getOrDefault(code, List.of());
  }

  public List<AgeSexEdit> procedureAgeSex(String code) {
    return procedureAgeSex.getOrDefault(code, List.of());
  }

  /** Age/sex edits whose code or category is a prefix of this diagnosis (given without the dot). */
  public List<AgeSexEdit> diagnosisAgeSex(String diagnosisWithoutDot) {
    List<AgeSexEdit> found = null;
    for (int n = Math.min(longestDiagnosisPrefix, diagnosisWithoutDot.length()); n >= 1; n--) {
      List<AgeSexEdit> rules = diagnosisAgeSex.get(diagnosisWithoutDot.substring(0, n));
      if (rules != null) {
        if (found == null) {
          found = new ArrayList<>(rules);
        } else {
          found.addAll(rules);
        }
      }
    }
    return found == null ? Collections.emptyList() : found;
  }
}
