package org.revcycle.x12.claim;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.revcycle.x12.ControlNumbers;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12InterchangeWriter;
import org.revcycle.x12.X12Schemas;

/**
 * Writes 837P and 837I on {@link X12InterchangeWriter}: one interchange, one GS*HC group, one ST per
 * {@link ClaimBatch}. Claims are grouped under one billing provider level (HL 20) per distinct
 * billing provider, one subscriber level (HL 22) per distinct subscriber and payer, and one patient
 * level (HL 23) per distinct patient; HL01 counts from 1 in each set, HL02 names the parent and HL04
 * says whether children follow.
 *
 * <p>Every segment is validated against the set's schema while it is written, and {@code write}
 * throws {@link X12Exception} naming segment and element when anything broke it: write to a buffer
 * and send only what came back without an exception.
 */
public final class Claim837Writer {

  private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

  private final ControlNumbers numbers;
  private final Clock clock;

  public Claim837Writer(ControlNumbers numbers, Clock clock) {
    this.numbers = Objects.requireNonNull(numbers, "numbers");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** One interchange with the batches, all of one claim type (a GS group names one guide). */
  public void write(OutputStream out, InterchangeParties parties, List<ClaimBatch> batches) {
    if (batches.isEmpty()) {
      throw new IllegalArgumentException("an 837 interchange needs at least one batch");
    }
    ClaimType type = batches.get(0).header().type();
    if (batches.stream().anyMatch(b -> b.header().type() != type)) {
      throw new IllegalArgumentException("one interchange holds either professional or institutional batches, not both");
    }
    X12InterchangeWriter x12 = new X12InterchangeWriter(out, parties, numbers, clock);
    X12Exception failure = null;
    try {
      x12.startGroup("HC", type.guideVersion());
      for (ClaimBatch batch : batches) {
        new SetWriter(x12, type).write(batch);
      }
      x12.endGroup();
    } catch (X12Exception e) {
      failure = e;
    }
    try {
      x12.close();
    } catch (X12Exception e) {
      // the schema's problems come first: they say what in the data is wrong
      if (failure != null) {
        e.addSuppressed(failure);
      }
      throw e;
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Writes one ST..SE; holds the HL counter of that set. */
  private static final class SetWriter {
    private final X12InterchangeWriter x12;
    private final ClaimType type;
    private int hl;

    SetWriter(X12InterchangeWriter x12, ClaimType type) {
      this.x12 = x12;
      this.type = type;
    }

    void write(ClaimBatch batch) {
      ClaimBatchHeader header = batch.header();
      x12.startTransaction("837", type.guideVersion(), X12Schemas.named(type.schemaName()));
      x12.segment("BHT", "0019", "00", header.referenceId(), header.createdOn(), time(header.createdAt()),
          header.transactionType());
      Submitter submitter = header.submitter();
      if (submitter != null) {
        name("41", submitter.name(), "46", submitter.id());
        contact(submitter.contact());
      }
      Receiver receiver = header.receiver();
      if (receiver != null) {
        name("40", PartyName.organization(receiver.name()), "46", receiver.id());
      }
      for (Map.Entry<BillingProvider, List<Claim837>> byProvider : group(batch.claims(), Claim837::billingProvider).entrySet()) {
        billingProviderLevel(byProvider.getKey(), byProvider.getValue());
      }
      x12.endTransaction();
    }

    private void billingProviderLevel(BillingProvider provider, List<Claim837> claims) {
      int id = ++hl;
      x12.segment("HL", id, null, "20", "1");
      if (provider != null) {
        if (provider.taxonomy() != null) {
          x12.segment("PRV", "BI", "PXC", provider.taxonomy());
        }
        name("85", provider.name(), "XX", provider.npi());
        address(provider.address());
        if (provider.taxId() != null) {
          x12.segment("REF", "EI", provider.taxId());
        }
        contact(provider.contact());
        if (provider.payToAddress() != null) {
          x12.segment("NM1", "87", "2");
          address(provider.payToAddress());
        }
      }
      Map<List<Object>, List<Claim837>> bySubscriber = group(claims, c -> List.of(nullable(c.subscriber()), nullable(c.payer())));
      for (List<Claim837> ofSubscriber : bySubscriber.values()) {
        subscriberLevel(id, ofSubscriber);
      }
    }

    private void subscriberLevel(int parent, List<Claim837> claims) {
      Claim837 first = claims.get(0);
      Map<Patient, List<Claim837>> byPatient = group(claims.stream().filter(c -> c.patient() != null).toList(), Claim837::patient);
      int id = ++hl;
      x12.segment("HL", id, parent, "22", byPatient.isEmpty() ? "0" : "1");
      Subscriber subscriber = first.subscriber();
      if (subscriber != null) {
        x12.segment("SBR", subscriber.payerResponsibility(), subscriber.relationship(), subscriber.groupNumber(),
            subscriber.groupName(), null, null, null, null, subscriber.claimFilingIndicator());
        name("IL", subscriber.name(), "MI", subscriber.memberId());
        address(subscriber.address());
        demographics(subscriber.birthDate(), subscriber.sex());
      }
      Payer payer = first.payer();
      if (payer != null) {
        name("PR", PartyName.organization(payer.name()), "PI", payer.id());
        address(payer.address());
      }
      for (Claim837 claim : claims) {
        if (claim.patient() == null) {
          claim(claim);
        }
      }
      for (Map.Entry<Patient, List<Claim837>> ofPatient : byPatient.entrySet()) {
        Patient patient = ofPatient.getKey();
        x12.segment("HL", ++hl, id, "23", "0");
        x12.segment("PAT", patient.relationship());
        name("QC", patient.name(), null, null);
        address(patient.address());
        demographics(patient.birthDate(), patient.sex());
        ofPatient.getValue().forEach(this::claim);
      }
    }

    private void claim(Claim837 claim) {
      boolean professional = type == ClaimType.PROFESSIONAL;
      x12.segment("CLM", claim.patientControlNumber(), claim.totalCharge(), null, null,
          new String[] {claim.facilityCode(), type.facilityCodeQualifier(), claim.frequencyCode()},
          professional ? claim.providerSignature() : null, claim.assignment(), claim.benefitsAssigned(),
          claim.releaseOfInformation());
      if (claim.dischargeTime() != null) {
        x12.segment("DTP", "096", "TM", time(claim.dischargeTime()));
      }
      if (claim.statementPeriod() != null) {
        period("434", claim.statementPeriod());
      }
      if (claim.admissionDate() != null) {
        if (claim.admissionTime() == null) {
          x12.segment("DTP", "435", "D8", claim.admissionDate());
        } else {
          x12.segment("DTP", "435", "DT", claim.admissionDate().format(DateTimeFormatter.BASIC_ISO_DATE) + time(claim.admissionTime()));
        }
      }
      if (claim.admissionType() != null || claim.admissionSource() != null || claim.patientStatus() != null) {
        x12.segment("CL1", claim.admissionType(), claim.admissionSource(), claim.patientStatus());
      }
      reference("G1", claim.priorAuthorization());
      reference("F8", claim.payerClaimControlNumber());
      reference("EA", claim.medicalRecordNumber());
      healthCareCodes(claim.healthCareCodes());
      claim.providers().forEach(this::provider);
      claim.otherSubscribers().forEach(this::otherSubscriber);
      claim.lines().forEach(this::line);
    }

    private void healthCareCodes(List<HealthCareCode> codes) {
      List<Object> elements = new ArrayList<>();
      String family = null;
      for (HealthCareCode code : codes) {
        String next = code.family(type);
        if (!elements.isEmpty() && (!next.equals(family) || elements.size() == 12)) {
          x12.segment("HI", elements.toArray());
          elements.clear();
        }
        family = next;
        elements.add(new String[] {code.qualifier(), code.code(), code.dateFormat(), code.date(),
            code.amount() == null ? null : plain(code.amount())});
      }
      if (!elements.isEmpty()) {
        x12.segment("HI", elements.toArray());
      }
    }

    private void provider(ClaimProvider provider) {
      name(provider.role(), provider.name(), provider.npi() == null ? null : "XX", provider.npi());
      if (provider.taxonomy() != null) {
        x12.segment("PRV", ClaimProvider.ATTENDING.equals(provider.role()) ? "AT" : "PE", "PXC", provider.taxonomy());
      }
      address(provider.address());
      provider.secondaryIds().forEach(ref -> x12.segment("REF", ref.qualifier(), ref.value()));
    }

    private void otherSubscriber(OtherSubscriber other) {
      x12.segment("SBR", other.payerResponsibility(), other.relationship(), other.groupNumber(), other.groupName(),
          null, null, null, null, other.claimFilingIndicator());
      adjustments(other.adjustments());
      amount("D", other.payerPaidAmount());
      amount("A8", other.nonCoveredAmount());
      amount("EAF", other.remainingPatientLiability());
      x12.segment("OI", null, null, other.benefitsAssigned(), other.patientSignatureSource(), null,
          other.releaseOfInformation());
      name("IL", other.subscriberName(), "MI", other.subscriberId());
      address(other.subscriberAddress());
      name("PR", PartyName.organization(other.payerName()), "PI", other.payerId());
      address(other.payerAddress());
      if (other.adjudicationDate() != null) {
        x12.segment("DTP", "573", "D8", other.adjudicationDate());
      }
      reference("F8", other.payerClaimControlNumber());
    }

    private void line(ServiceLine line) {
      x12.segment("LX", line.lineNumber());
      if (type == ClaimType.PROFESSIONAL) {
        x12.segment("SV1", procedure(line.procedure()), line.charge(), line.unitCode(), line.units(),
            line.placeOfService(), null,
            line.diagnosisPointers().stream().map(String::valueOf).toArray(String[]::new));
      } else {
        x12.segment("SV2", line.revenueCode(), procedure(line.procedure()), line.charge(), line.unitCode(),
            line.units(), null, line.nonCoveredCharge());
      }
      if (line.serviceDate() != null) {
        period("472", line.serviceDate());
      }
      reference("6R", line.lineControlNumber());
      if (line.drug() != null) {
        Drug drug = line.drug();
        x12.segment("LIN", null, "N4", drug.ndc());
        x12.segment("CTP", null, null, null, drug.quantity(), new String[] {drug.unit()});
      }
      line.providers().forEach(this::provider);
      for (LineAdjudication adjudication : line.adjudications()) {
        x12.segment("SVD", adjudication.payerId(), adjudication.paidAmount(), procedure(adjudication.procedure()),
            adjudication.revenueCode(), adjudication.paidUnits(), adjudication.bundledLineNumber());
        adjustments(adjudication.adjustments());
        if (adjudication.adjudicationDate() != null) {
          x12.segment("DTP", "573", "D8", adjudication.adjudicationDate());
        }
        amount("EAF", adjudication.remainingPatientLiability());
      }
    }

    /** CAS carries up to six adjustments of one group; consecutive ones of a group share a segment. */
    private void adjustments(List<Adjustment> adjustments) {
      List<Object> elements = new ArrayList<>();
      for (Adjustment adjustment : adjustments) {
        if (!elements.isEmpty() && (!elements.get(0).equals(adjustment.group()) || elements.size() == 19)) {
          x12.segment("CAS", elements.toArray());
          elements.clear();
        }
        if (elements.isEmpty()) {
          elements.add(adjustment.group());
        }
        elements.add(adjustment.reason());
        elements.add(adjustment.amount());
        elements.add(adjustment.quantity());
      }
      if (!elements.isEmpty()) {
        x12.segment("CAS", elements.toArray());
      }
    }

    private void name(String entity, PartyName name, String idQualifier, String id) {
      PartyName n = name == null ? new PartyName(null, null, null, null, null) : name;
      x12.segment("NM1", entity, n.type() == null ? null : n.type().code(), n.lastOrOrganization(), n.first(),
          n.middle(), null, n.suffix(), id == null ? null : idQualifier, id);
    }

    private void address(Address address) {
      if (address == null) {
        return;
      }
      if (address.line1() != null) {
        x12.segment("N3", address.line1(), address.line2());
      }
      x12.segment("N4", address.city(), address.state(), address.postalCode());
    }

    private void contact(Contact contact) {
      if (contact == null) {
        return;
      }
      List<Object> elements = new ArrayList<>(List.of("IC"));
      elements.add(contact.name());
      if (contact.phone() != null) {
        elements.add("TE");
        elements.add(contact.phone());
        if (contact.phoneExtension() != null) {
          elements.add("EX");
          elements.add(contact.phoneExtension());
        }
      }
      if (contact.email() != null) {
        elements.add("EM");
        elements.add(contact.email());
      }
      x12.segment("PER", elements.toArray());
    }

    private void demographics(java.time.LocalDate birthDate, String sex) {
      if (birthDate != null || sex != null) {
        x12.segment("DMG", birthDate == null ? null : "D8", birthDate, sex);
      }
    }

    private void period(String qualifier, ServicePeriod period) {
      if (period.isRange()) {
        x12.segment("DTP", qualifier, "RD8", period.from().format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
            + period.through().format(DateTimeFormatter.BASIC_ISO_DATE));
      } else {
        x12.segment("DTP", qualifier, "D8", period.from());
      }
    }

    private void reference(String qualifier, String value) {
      if (value != null) {
        x12.segment("REF", qualifier, value);
      }
    }

    private void amount(String qualifier, BigDecimal amount) {
      if (amount != null) {
        x12.segment("AMT", qualifier, amount);
      }
    }

    private static String[] procedure(Procedure procedure) {
      if (procedure == null) {
        return null;
      }
      String[] components = new String[7];
      components[0] = procedure.qualifier();
      components[1] = procedure.code();
      for (int i = 0; i < procedure.modifiers().size() && i < 4; i++) {
        components[2 + i] = procedure.modifiers().get(i);
      }
      components[6] = procedure.description();
      return components;
    }

    private static String time(LocalTime time) {
      return time == null ? null : time.format(HHMM);
    }

    private static String plain(BigDecimal amount) {
      return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    private static Object nullable(Object value) {
      return value == null ? "" : value;
    }

    /** Groups in first-seen order, so the output follows the caller's order within each level. */
    private static <K> Map<K, List<Claim837>> group(List<Claim837> claims, java.util.function.Function<Claim837, K> key) {
      Map<K, List<Claim837>> groups = new LinkedHashMap<>();
      for (Claim837 claim : claims) {
        groups.computeIfAbsent(key.apply(claim), k -> new ArrayList<>()).add(claim);
      }
      return groups;
    }
  }
}
