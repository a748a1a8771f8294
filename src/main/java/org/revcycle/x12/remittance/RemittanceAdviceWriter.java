package org.revcycle.x12.remittance;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.revcycle.x12.ControlNumbers;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.X12InterchangeWriter;
import org.revcycle.x12.X12Schemas;

/**
 * Writes 835s (005010X221A1) from {@link RemittanceAdvice} records: what a payer sends. revcycle
 * itself only reads 835s; the sandbox payers and the benchmarks write them, through the same schema
 * that validates what comes in.
 */
public final class RemittanceAdviceWriter {

  public static final String GUIDE = "005010X221A1";
  private static final int CAS_TRIPLES = 6;
  private static final int PLB_ITEMS = 6;

  private RemittanceAdviceWriter() {}

  /** One interchange with one HP group holding every advice as its own set. */
  public static void writeFile(OutputStream out, InterchangeParties parties, ControlNumbers numbers, Clock clock,
      List<RemittanceAdvice> advices) {
    try (X12InterchangeWriter writer = new X12InterchangeWriter(out, parties, numbers, clock)) {
      writer.startGroup("HP", GUIDE);
      for (RemittanceAdvice advice : advices) {
        write(writer, advice);
      }
      writer.endGroup();
    }
  }

  /** One ST..SE set inside the writer's current HP group. */
  public static void write(X12InterchangeWriter writer, RemittanceAdvice advice) {
    writer.startTransaction("835", GUIDE, X12Schemas.named("835"));
    writeHeader(writer, advice.header());
    if (!advice.claims().isEmpty()) {
      writer.segment("LX", 1);
      for (ClaimPayment claim : advice.claims()) {
        writeClaim(writer, claim);
      }
    }
    writeProviderAdjustments(writer, advice.providerAdjustments());
    writer.endTransaction();
  }

  private static void writeHeader(X12InterchangeWriter writer, RemittanceHeader header) {
    writer.segment("BPR", header.handlingCode(), header.totalPayment(), header.creditDebit(), header.paymentMethod(),
        null, null, null, null, null, null, null, null, null, null, null, header.paymentDate());
    writer.segment("TRN", "1", header.traceNumber(), header.originatingCompanyId());
    if (header.productionDate() != null) {
      writer.segment("DTM", "405", header.productionDate());
    }
    writeParty(writer, "PR", header.payer());
    writeParty(writer, "PE", header.payee());
  }

  private static void writeParty(X12InterchangeWriter writer, String role, RemittanceHeader.Party party) {
    writer.segment("N1", role, party.name(), party.idQualifier(), party.id());
    if (party.addressLine() != null) {
      writer.segment("N3", party.addressLine());
    }
    if (party.city() != null) {
      writer.segment("N4", party.city(), party.state(), party.postalCode());
    }
    party.additionalIds().forEach((qualifier, id) -> writer.segment("REF", qualifier, id));
  }

  private static void writeClaim(X12InterchangeWriter writer, ClaimPayment claim) {
    writer.segment("CLP", claim.patientControlNumber(), claim.statusCode(), claim.totalCharge(), claim.paid(),
        claim.patientResponsibility(), claim.filingIndicator(), claim.payerClaimNumber(), claim.facilityCode(),
        claim.frequencyCode(), null, claim.drgCode());
    writeAdjustments(writer, claim.adjustments());
    writer.segment("NM1", "QC", "1", claim.patientLastName(), claim.patientFirstName(), null, null, null,
        claim.patientIdQualifier(), claim.patientId());
    if (claim.renderingProviderNpi() != null) {
      writer.segment("NM1", "82", "1", null, null, null, null, null, "XX", claim.renderingProviderNpi());
    }
    if (!claim.remarkCodes().isEmpty()) {
      Object[] moa = new Object[7];
      for (int i = 0; i < Math.min(5, claim.remarkCodes().size()); i++) {
        moa[2 + i] = claim.remarkCodes().get(i);
      }
      writer.segment("MOA", moa);
    }
    if (claim.statementFrom() != null) {
      writer.segment("DTM", "232", claim.statementFrom());
    }
    if (claim.statementTo() != null) {
      writer.segment("DTM", "233", claim.statementTo());
    }
    if (claim.receivedDate() != null) {
      writer.segment("DTM", "050", claim.receivedDate());
    }
    claim.amounts().forEach((qualifier, amount) -> writer.segment("AMT", qualifier, amount));
    for (ServicePayment service : claim.services()) {
      writeService(writer, service);
    }
  }

  private static void writeService(X12InterchangeWriter writer, ServicePayment service) {
    String[] procedure = new String[6];
    procedure[0] = service.procedureQualifier();
    procedure[1] = service.procedureCode();
    for (int i = 0; i < Math.min(4, service.modifiers().size()); i++) {
      procedure[2 + i] = service.modifiers().get(i);
    }
    String[] original = service.originalProcedureCode() == null ? null
        : new String[] {service.procedureQualifier(), service.originalProcedureCode()};
    writer.segment("SVC", procedure, service.charge(), service.paid(), service.revenueCode(), service.unitsPaid(),
        original, service.unitsBilled());
    if (service.serviceFrom() != null && service.serviceFrom().equals(service.serviceTo())) {
      writer.segment("DTM", "472", service.serviceFrom());
    } else {
      if (service.serviceFrom() != null) {
        writer.segment("DTM", "150", service.serviceFrom());
      }
      if (service.serviceTo() != null) {
        writer.segment("DTM", "151", service.serviceTo());
      }
    }
    writeAdjustments(writer, service.adjustments());
    if (service.lineControlNumber() != null) {
      writer.segment("REF", "6R", service.lineControlNumber());
    }
    service.amounts().forEach((qualifier, amount) -> writer.segment("AMT", qualifier, amount));
    for (String remark : service.remarkCodes()) {
      writer.segment("LQ", "HE", remark);
    }
  }

  /** One CAS per group, six triples at most per segment, in the order the adjustments came. */
  private static void writeAdjustments(X12InterchangeWriter writer, List<Adjustment> adjustments) {
    Map<String, List<Adjustment>> byGroup = new LinkedHashMap<>();
    for (Adjustment adjustment : adjustments) {
      byGroup.computeIfAbsent(adjustment.group(), g -> new ArrayList<>()).add(adjustment);
    }
    byGroup.forEach((group, items) -> {
      for (int start = 0; start < items.size(); start += CAS_TRIPLES) {
        List<Adjustment> chunk = items.subList(start, Math.min(items.size(), start + CAS_TRIPLES));
        Object[] elements = new Object[1 + chunk.size() * 3];
        elements[0] = group;
        for (int i = 0; i < chunk.size(); i++) {
          elements[1 + i * 3] = chunk.get(i).reason();
          elements[2 + i * 3] = chunk.get(i).amount();
          elements[3 + i * 3] = chunk.get(i).quantity();
        }
        writer.segment("CAS", elements);
      }
    });
  }

  private static void writeProviderAdjustments(X12InterchangeWriter writer, List<ProviderAdjustment> adjustments) {
    for (ProviderAdjustment adjustment : adjustments) {
      List<ProviderAdjustment.Item> items = adjustment.items();
      for (int start = 0; start < items.size(); start += PLB_ITEMS) {
        List<ProviderAdjustment.Item> chunk = items.subList(start, Math.min(items.size(), start + PLB_ITEMS));
        Object[] elements = new Object[2 + chunk.size() * 2];
        elements[0] = adjustment.providerId();
        elements[1] = adjustment.fiscalPeriodEnd();
        for (int i = 0; i < chunk.size(); i++) {
          ProviderAdjustment.Item item = chunk.get(i);
          elements[2 + i * 2] = new String[] {item.reasonCode(), item.reference()};
          elements[3 + i * 2] = item.amount();
        }
        writer.segment("PLB", elements);
      }
    }
  }

}
