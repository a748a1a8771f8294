package org.revcycle.claim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.revcycle.x12.claim.Address;
import org.revcycle.x12.claim.BillingProvider;
import org.revcycle.x12.claim.Claim837;
import org.revcycle.x12.claim.ClaimProvider;
import org.revcycle.x12.claim.HealthCareCode;
import org.revcycle.x12.claim.PartyName;
import org.revcycle.x12.claim.Patient;
import org.revcycle.x12.claim.Payer;
import org.revcycle.x12.claim.Procedure;
import org.revcycle.x12.claim.ServiceLine;
import org.revcycle.x12.claim.ServicePeriod;
import org.revcycle.x12.claim.Subscriber;

/**
 * One claim as the 837 carries it: the claim's facts ({@link ClaimSubmission}) with the parties
 * the 837 names (billing provider, subscriber, patient, payer). Frequency 7 and 8 carry the payer's
 * claim number of the claim they replace or void (REF*F8).
 */
final class Claim837Assembly {

  private Claim837Assembly() {}

  static Claim837 claim(ClaimSubmission c, ClaimBatchRepository.Parties p) {
    boolean institutional = c.claimType() == ClaimType.INSTITUTIONAL;
    boolean self = c.subscriberRelationship() == null || "SELF".equals(c.subscriberRelationship());
    Address patientAddress = p.addressLine() == null || p.city() == null || p.state() == null ? null
        : Address.of(upper(p.addressLine()), upper(p.city()), p.state(), p.postalCode());
    BillingProvider billing = new BillingProvider(PartyName.organization(upper(p.facilityName())), c.billingNpi(),
        p.facilityTaxId(), null,
        // facility master data keeps city and state only: the street line is the facility's name
        Address.of(upper(p.facilityName()), upper(orElse(p.facilityCity(), "UNKNOWN")), orElse(p.facilityState(), "OH"),
            "000000000"),
        null, null);
    PartyName subscriberName = self
        ? PartyName.person(upper(p.patientFamilyName()), upper(p.patientGivenName()))
        : PartyName.person(upper(orElse(p.subscriberFamilyName(), p.patientFamilyName())), upper(p.subscriberGivenName()));
    Subscriber subscriber = new Subscriber("P", self ? "18" : null, p.groupNumber(), null, filingIndicator(p, institutional),
        subscriberName, c.memberId(), self ? c.patientBirthDate() : p.subscriberBirthDate(),
        self ? c.patientSex() : p.subscriberSex(), self ? patientAddress : null);
    Patient patient = self ? null : new Patient(relationshipCode(c.subscriberRelationship()),
        PartyName.person(upper(p.patientFamilyName()), upper(p.patientGivenName())), patientAddress, c.patientBirthDate(),
        c.patientSex());
    Payer payer = new Payer(upper(orElse(p.payerName(), c.payerId())), c.payerId(), null);

    List<HealthCareCode> codes = new ArrayList<>();
    for (int i = 0; i < c.diagnoses().size(); i++) {
      String code = c.diagnoses().get(i).replace(".", "");
      codes.add(HealthCareCode.of(i == 0 ? "ABK" : "ABF", code));
    }
    List<ClaimProvider> providers = new ArrayList<>();
    if (c.renderingNpi() != null) {
      PartyName name = personName(p.renderingName());
      providers.add(new ClaimProvider(institutional ? ClaimProvider.ATTENDING : ClaimProvider.RENDERING, name,
          c.renderingNpi(), p.renderingTaxonomy(), null, List.of()));
    }
    List<ServiceLine> lines = new ArrayList<>();
    List<Integer> pointers = new ArrayList<>();
    for (int i = 1; i <= Math.min(4, codes.size()); i++) {
      pointers.add(i);
    }
    for (ClaimSubmission.Line line : c.lines()) {
      Procedure procedure = line.procedureCode() == null ? null
          : new Procedure("HC", line.procedureCode(), line.modifiers(), null);
      LocalDate day = line.serviceDate() != null ? line.serviceDate() : c.serviceDate();
      // REF*6R: the payer echoes it on the 835's SVC, so a payment finds its claim line without guessing
      String lineControlNumber = String.valueOf(line.lineNumber());
      lines.add(institutional
          ? new ServiceLine(line.lineNumber(), line.revenueCode(), procedure, line.charge(), "UN", line.units(), null,
              List.of(), null, ServicePeriod.on(day), lineControlNumber, null, List.of(), List.of())
          : new ServiceLine(line.lineNumber(), null, procedure, line.charge(), "UN", line.units(), null, pointers, null,
              ServicePeriod.on(day), lineControlNumber, null, List.of(), List.of()));
    }
    String frequency = c.frequencyCode() == null ? "1" : c.frequencyCode();
    String payerClaimNumber = "1".equals(frequency) ? null : c.payerClaimNumber();
    if (institutional) {
      boolean inpatient = c.dischargeDate() != null;
      return new Claim837(billing, subscriber, payer, patient, c.patientControlNumber(), c.totalCharge(),
          inpatient ? "11" : "13", frequency, null, "A", "Y", "Y",
          ServicePeriod.between(c.serviceDate(), inpatient ? c.dischargeDate() : c.serviceDate()),
          inpatient ? c.serviceDate() : null, null, null, inpatient ? "1" : null, inpatient ? "7" : null,
          "01", c.priorAuthorization(), payerClaimNumber, null, codes, providers, List.of(), lines);
    }
    return new Claim837(billing, subscriber, payer, patient, c.patientControlNumber(), c.totalCharge(),
        orElse(p.placeOfService(), "11"), frequency, "Y", "A", "Y", "Y", null, null, null, null, null, null, null,
        c.priorAuthorization(), payerClaimNumber, null, codes, providers, List.of(), lines);
  }

  /** SBR09: MB Medicare Part B, MA Part A, MC Medicaid, CI commercial. */
  private static String filingIndicator(ClaimBatchRepository.Parties p, boolean institutional) {
    return switch (orElse(p.payerClass(), "COMMERCIAL")) {
      case "MEDICARE" -> institutional ? "MA" : "MB";
      case "MEDICAID" -> "MC";
      default -> "CI";
    };
  }

  private static String relationshipCode(String relationship) {
    return switch (relationship) {
      case "SPOUSE" -> "01";
      case "CHILD" -> "19";
      default -> "G8";
    };
  }

  private static PartyName personName(String name) {
    if (name == null || name.isBlank()) {
      return PartyName.person("PROVIDER", null);
    }
    String[] parts = upper(name).replace(",", " ").trim().split("\\s+");
    // "Dana Doctor MD": last word that is not a credential is the family name
    int last = parts.length - 1;
    while (last > 0 && parts[last].matches("MD|DO|NP|PA|PA-C|RN|DPM|DDS")) {
      last--;
    }
    return PartyName.person(parts[last], last > 0 ? parts[0] : null);
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }

  private static String orElse(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }
}
