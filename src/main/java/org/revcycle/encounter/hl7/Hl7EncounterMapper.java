package org.revcycle.encounter.hl7;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.model.v251.datatype.CE;
import ca.uhn.hl7v2.model.v251.datatype.CX;
import ca.uhn.hl7v2.model.v251.datatype.TS;
import ca.uhn.hl7v2.model.v251.datatype.XAD;
import ca.uhn.hl7v2.model.v251.datatype.XCN;
import ca.uhn.hl7v2.model.v251.datatype.XPN;
import ca.uhn.hl7v2.model.v251.segment.DG1;
import ca.uhn.hl7v2.model.v251.segment.FT1;
import ca.uhn.hl7v2.model.v251.segment.IN1;
import ca.uhn.hl7v2.model.v251.segment.PID;
import ca.uhn.hl7v2.model.v251.segment.PV1;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.revcycle.encounter.ClosedEncounter;
import org.revcycle.encounter.ClosedEncounter.EncounterClass;
import org.revcycle.encounter.FacilityDirectory;
import org.revcycle.encounter.IntakeFinding;

/**
 * Maps the segments of an HL7v2.5.1 visit (PID, PV1, IN1, DG1 and the FT1 charges) to a
 * {@link ClosedEncounter}. What a claim cannot be billed without (the visit number, a date of
 * service, a charge's amount) throws an {@link HL7Exception} naming the field, which becomes the
 * ACK's ERR segment; missing registration data becomes a finding for the registration check.
 *
 * <p>Fields read: PID-3 (MRN: the CX of type MR), PID-5, PID-7, PID-8, PID-11; PV1-2 (class),
 * PV1-3.4 (facility), PV1-7 (attending, NPI when CX-13 is NPI), PV1-19 (visit number), PV1-44,
 * PV1-45; IN1-3 (payer id), IN1-8 (group), IN1-12/13 (plan dates), IN1-16/17/18/43 (insured),
 * IN1-49 or IN1-36 (member id), the first IN1 the primary and the next two the secondary and
 * tertiary (other coverage); DG1-3 (ICD-10-CM, by DG1-15 priority); FT1-4 (date), FT1-6 (CG
 * only), FT1-7 (revenue code when its coding system is RC), FT1-10 (units), FT1-11 (amount),
 * FT1-25 (CPT/HCPCS), FT1-26 (modifiers).
 */
final class Hl7EncounterMapper {

  private final FacilityDirectory facilities;

  Hl7EncounterMapper(FacilityDirectory facilities) {
    this.facilities = facilities;
  }

  record Visit(String sourceSystem, PID pid, PV1 pv1, List<IN1> insurance, List<DG1> diagnoses, List<FT1> charges,
      LocalDate dischargeDate) {}

  record Mapped(ClosedEncounter encounter, List<IntakeFinding> findings) {}

  static String visitNumber(PV1 pv1) throws HL7Exception {
    String visit = value(pv1.getVisitNumber().getIDNumber().getValue());
    if (visit == null) {
      throw error("the visit number is missing: it identifies the encounter", "PV1", 1, 19, ErrorCode.REQUIRED_FIELD_MISSING);
    }
    return visit;
  }

  Mapped map(Visit v) throws HL7Exception {
    List<IntakeFinding> findings = new ArrayList<>();
    String visitNumber = visitNumber(v.pv1());
    String facilityId = value(v.pv1().getAssignedPatientLocation().getFacility().getNamespaceID().getValue());
    if (facilityId == null) {
      throw error("the facility (PV1-3.4) is missing", "PV1", 1, 3, ErrorCode.REQUIRED_FIELD_MISSING);
    }
    List<ClosedEncounter.Charge> charges = charges(v.charges());
    LocalDate serviceDate = date(v.pv1().getAdmitDateTime(), "PV1", 1, 44);
    if (serviceDate == null) {
      serviceDate = charges.stream().map(ClosedEncounter.Charge::serviceDate).filter(d -> d != null)
          .min(Comparator.naturalOrder()).orElse(null);
    }
    if (serviceDate == null) {
      throw error("no admit date (PV1-44) and no charge date (FT1-4): the date of service is unknown", "PV1", 1, 44,
          ErrorCode.REQUIRED_FIELD_MISSING);
    }
    EncounterClass encounterClass = encounterClass(v.pv1(), facilityId);
    LocalDate discharge = v.pv1().getDischargeDateTimeReps() > 0
        ? date(v.pv1().getDischargeDateTime(0), "PV1", 1, 45) : null;
    if (discharge == null) {
      discharge = v.dischargeDate();
    }
    if (encounterClass != EncounterClass.INPATIENT) {
      discharge = null;
    } else if (discharge == null) {
      findings.add(new IntakeFinding("dischargeDate", "The inpatient stay has no discharge date (PV1-45 or ADT^A03)."));
    }
    return new Mapped(new ClosedEncounter(v.sourceSystem(), visitNumber, facilityId, encounterClass, serviceDate,
        discharge, patient(v.pid(), findings), coverage(v.insurance(), findings), attendingNpi(v.pv1(), findings), null,
        diagnoses(v.diagnoses(), findings), charges, otherCoverages(v.insurance(), findings)), findings);
  }

  private EncounterClass encounterClass(PV1 pv1, String facilityId) throws HL7Exception {
    String patientClass = value(pv1.getPatientClass().getValue());
    if (patientClass == null) {
      throw error("the patient class is missing", "PV1", 1, 2, ErrorCode.REQUIRED_FIELD_MISSING);
    }
    boolean hospital = facilities.byId(facilityId).map(f -> "HOSPITAL".equals(f.type())).orElse(false);
    return switch (patientClass) {
      case "I" -> EncounterClass.INPATIENT;
      case "E" -> EncounterClass.EMERGENCY;
      case "O", "R", "B" -> hospital ? EncounterClass.OUTPATIENT : EncounterClass.AMBULATORY;
      default -> throw error("patient class '" + patientClass + "' is not billed (I, E, O, R, B)", "PV1", 1, 2,
          ErrorCode.TABLE_VALUE_NOT_FOUND);
    };
  }

  private static ClosedEncounter.Patient patient(PID pid, List<IntakeFinding> findings) throws HL7Exception {
    String mrn = null;
    for (CX cx : pid.getPatientIdentifierList()) {
      if (mrn == null || "MR".equals(cx.getIdentifierTypeCode().getValue())) {
        mrn = value(cx.getIDNumber().getValue());
      }
    }
    if (mrn == null) {
      throw error("the patient identifier (MRN) is missing", "PID", 1, 3, ErrorCode.REQUIRED_FIELD_MISSING);
    }
    XPN name = pid.getPatientNameReps() > 0 ? pid.getPatientName(0) : null;
    String sex = sex(pid.getAdministrativeSex().getValue());
    if (value(pid.getAdministrativeSex().getValue()) != null && sex == null) {
      findings.add(new IntakeFinding("patient.sex", "The patient's sex (PID-8) is not F, M, U, O, A or N."));
    }
    XAD address = pid.getPatientAddressReps() > 0 ? pid.getPatientAddress(0) : null;
    String state = address == null ? null : value(address.getStateOrProvince().getValue());
    String zip = address == null ? null : value(address.getZipOrPostalCode().getValue());
    if (zip != null) {
      zip = zip.replace("-", "");
    }
    return new ClosedEncounter.Patient(mrn,
        name == null ? null : value(name.getFamilyName().getSurname().getValue()),
        name == null ? null : value(name.getGivenName().getValue()),
        date(pid.getDateTimeOfBirth(), "PID", 1, 7), sex,
        address == null ? null : value(address.getStreetAddress().getStreetOrMailingAddress().getValue()),
        address == null ? null : value(address.getCity().getValue()),
        state != null && state.matches("[A-Z]{2}") ? state : null,
        zip != null && zip.matches("\\d{5}(\\d{4})?") ? zip : null);
  }

  private static ClosedEncounter.Coverage coverage(List<IN1> insurance, List<IntakeFinding> findings) throws HL7Exception {
    if (insurance.isEmpty()) {
      return null; // self-pay
    }
    IN1 in1 = insurance.get(0);
    String payerId = payerId(in1);
    if (payerId == null) {
      throw error("the insurance company id (payer) is missing", "IN1", 1, 3, ErrorCode.REQUIRED_FIELD_MISSING);
    }
    return coverage(in1, payerId, 1);
  }

  /**
   * The IN1 after the first, in the order the EHR sends them (its coordination of benefits): the
   * secondary and tertiary payers. One without a payer id is a finding for registration, not a refusal:
   * the primary can still be billed.
   */
  private static List<ClosedEncounter.Coverage> otherCoverages(List<IN1> insurance, List<IntakeFinding> findings)
      throws HL7Exception {
    List<ClosedEncounter.Coverage> others = new ArrayList<>();
    for (int i = 1; i < insurance.size() && others.size() < 2; i++) {
      String payerId = payerId(insurance.get(i));
      if (payerId == null) {
        findings.add(new IntakeFinding("otherCoverages[" + others.size() + "].payerId",
            "IN1 " + (i + 1) + " (other coverage) has no insurance company id (IN1-3): add the payer."));
        continue;
      }
      others.add(coverage(insurance.get(i), payerId, i + 1));
    }
    return others;
  }

  private static String payerId(IN1 in1) {
    return in1.getInsuranceCompanyIDReps() > 0 ? value(in1.getInsuranceCompanyID(0).getIDNumber().getValue()) : null;
  }

  private static ClosedEncounter.Coverage coverage(IN1 in1, String payerId, int repetition) throws HL7Exception {
    String memberId = in1.getInsuredSIDNumberReps() > 0 ? value(in1.getInsuredSIDNumber(0).getIDNumber().getValue()) : null;
    if (memberId == null) {
      memberId = value(in1.getPolicyNumber().getValue());
    }
    String code = value(in1.getInsuredSRelationshipToPatient().getIdentifier().getValue());
    String relationship = code == null ? null : switch (code) {
      case "SEL" -> "SELF";
      case "SPO", "DOM" -> "SPOUSE";
      case "CHD", "FCH", "SCH", "GCH" -> "CHILD";
      default -> "OTHER";
    };
    ClosedEncounter.Subscriber subscriber = null;
    if (relationship != null && !"SELF".equals(relationship)) {
      XPN insured = in1.getNameOfInsuredReps() > 0 ? in1.getNameOfInsured(0) : null;
      subscriber = new ClosedEncounter.Subscriber(insured == null ? null : value(insured.getFamilyName().getSurname().getValue()),
          insured == null ? null : value(insured.getGivenName().getValue()), date(in1.getInsuredSDateOfBirth(), "IN1", repetition, 18),
          sex(in1.getInsuredSAdministrativeSex().getValue()));
    }
    return new ClosedEncounter.Coverage(truncate(payerId, 32), memberId, value(in1.getGroupNumber().getValue()),
        relationship, dt(in1.getPlanEffectiveDate().getValue(), "IN1", 12, repetition),
        dt(in1.getPlanExpirationDate().getValue(), "IN1", 13, repetition),
        subscriber);
  }

  private static String attendingNpi(PV1 pv1, List<IntakeFinding> findings) {
    for (XCN doctor : pv1.getAttendingDoctor()) {
      String id = value(doctor.getIDNumber().getValue());
      String type = value(doctor.getIdentifierTypeCode().getValue());
      if (id != null && ("NPI".equals(type) || type == null) && id.matches("\\d{10}")) {
        return id;
      }
    }
    findings.add(new IntakeFinding("renderingProviderNpi", "The attending doctor (PV1-7) has no NPI."));
    return null;
  }

  private static List<String> diagnoses(List<DG1> segments, List<IntakeFinding> findings) {
    List<DG1> ordered = new ArrayList<>(segments);
    ordered.sort(Comparator.comparingInt(d -> {
      String priority = d.getDiagnosisPriority().getValue();
      return priority != null && priority.matches("\\d+") ? Integer.parseInt(priority) : 99;
    }));
    List<String> codes = new ArrayList<>();
    for (DG1 dg1 : ordered) {
      CE code = dg1.getDiagnosisCodeDG1();
      String system = value(code.getNameOfCodingSystem().getValue());
      String value = value(code.getIdentifier().getValue());
      if (value == null) {
        continue;
      }
      if (system != null && !system.equals("I10") && !system.equals("ICD10CM") && !system.equals("I10C")) {
        findings.add(new IntakeFinding("diagnoses", "A diagnosis (DG1-3) is coded in " + system + ", not ICD-10-CM; it was left out."));
        continue;
      }
      codes.add(value.toUpperCase());
    }
    return codes;
  }

  private static List<ClosedEncounter.Charge> charges(List<FT1> segments) throws HL7Exception {
    List<ClosedEncounter.Charge> charges = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      FT1 ft1 = segments.get(i);
      int rep = i + 1;
      String type = value(ft1.getTransactionType().getValue());
      if (type != null && !"CG".equals(type)) {
        throw error("transaction type '" + type + "' is not a charge (CG); credits and payments are not taken from the EHR",
            "FT1", rep, 6, ErrorCode.TABLE_VALUE_NOT_FOUND);
      }
      String procedure = value(ft1.getProcedureCode().getIdentifier().getValue());
      CE transaction = ft1.getTransactionCode();
      String revenue = "RC".equals(transaction.getNameOfCodingSystem().getValue())
          ? value(transaction.getIdentifier().getValue()) : null;
      if (procedure == null && revenue == null) {
        throw error("the charge has neither a procedure code (FT1-25) nor a revenue code (FT1-7 with coding system RC)",
            "FT1", rep, 25, ErrorCode.REQUIRED_FIELD_MISSING);
      }
      String amount = value(ft1.getTransactionAmountExtended().getPrice().getQuantity().getValue());
      if (amount == null) {
        throw error("the charge amount is missing", "FT1", rep, 11, ErrorCode.REQUIRED_FIELD_MISSING);
      }
      String quantity = value(ft1.getTransactionQuantity().getValue());
      List<String> modifiers = new ArrayList<>();
      for (CE modifier : ft1.getProcedureCodeModifier()) {
        if (value(modifier.getIdentifier().getValue()) != null) {
          modifiers.add(modifier.getIdentifier().getValue());
        }
      }
      try {
        charges.add(new ClosedEncounter.Charge(procedure, modifiers.isEmpty() ? null : modifiers, revenue,
            quantity == null ? BigDecimal.ONE : new BigDecimal(quantity), new BigDecimal(amount),
            date(ft1.getTransactionDate().getRangeStartDateTime(), "FT1", rep, 4)));
      } catch (NumberFormatException e) {
        throw error("the quantity or amount is not a number", "FT1", rep, quantity != null && !quantity.matches("-?[0-9.]+") ? 10 : 11,
            ErrorCode.DATA_TYPE_ERROR);
      }
    }
    if (charges.isEmpty()) {
      throw error("the message carries no charge (FT1)", "FT1", 1, 1, ErrorCode.REQUIRED_FIELD_MISSING);
    }
    return charges;
  }

  static LocalDate date(TS ts, String segment, int rep, int field) throws HL7Exception {
    return dt(ts.getTime().getValue(), segment, field, rep);
  }

  private static LocalDate dt(String value, String segment, int field) throws HL7Exception {
    return dt(value, segment, field, 1);
  }

  private static LocalDate dt(String value, String segment, int field, int rep) throws HL7Exception {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
          Integer.parseInt(value.substring(6, 8)));
    } catch (RuntimeException e) {
      throw error("'" + value + "' is not a date (YYYYMMDD)", segment, rep, field, ErrorCode.DATA_TYPE_ERROR);
    }
  }

  private static String sex(String code) {
    if (code == null) {
      return null;
    }
    return switch (code) {
      case "F" -> "F";
      case "M" -> "M";
      case "U", "O", "A", "N" -> "U";
      default -> null;
    };
  }

  static HL7Exception error(String message, String segment, int repetition, int field, ErrorCode code) {
    HL7Exception e = new HL7Exception(segment + "-" + field + ": " + message, code);
    e.setLocation(new Location().withSegmentName(segment).withSegmentRepetition(repetition).withField(field));
    return e;
  }

  private static String value(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

}
