package org.revcycle.sandbox;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.revcycle.claim.ClaimSubmission;
import org.revcycle.remittance.ClaimAdjudication;
import org.revcycle.x12.ControlNumbers;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.remittance.Adjustment;
import org.revcycle.x12.remittance.ClaimPayment;
import org.revcycle.x12.remittance.ProviderAdjustment;
import org.revcycle.x12.remittance.RemittanceAdvice;
import org.revcycle.x12.remittance.RemittanceAdviceWriter;
import org.revcycle.x12.remittance.RemittanceHeader;
import org.revcycle.x12.remittance.ServicePayment;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Turns a sandbox payer's decisions into the 835 file a real payer would send: one interchange per
 * 837 batch, one transaction set per decision, written by the x12 package and validated by its 835 schema on the way out. Payment files
 * carry the amount (ACH); denials are notifications (no money moves); a reversal's negative balance
 * is carried forward with a PLB forwarding-balance line, as payers do, so every file balances.
 */
@Component
@ConditionalOnProperty(name = "revcycle.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxRemittanceFiles {

  private final SandboxNetwork network;
  private final ControlNumbers controlNumbers;
  private final Clock clock;

  public SandboxRemittanceFiles(SandboxNetwork network, ControlNumbers controlNumbers, Clock clock) {
    this.network = network;
    this.controlNumbers = controlNumbers;
    this.clock = clock;
  }

  public byte[] write(ClaimSubmission claim, ClaimAdjudication decision) {
    return write(claim, decision, Map.of());
  }

  /**
   * @param lineControlNumbers REF*6R of each claim line as the 837 sent it, by line number (LX01);
   *     a line without one gets its line number, as revcycle's own 837s send it
   */
  public byte[] write(ClaimSubmission claim, ClaimAdjudication decision, Map<Integer, String> lineControlNumbers) {
    return write(decision.payerId(), List.of(new Decided(claim, decision, lineControlNumbers)));
  }

  /** A claim as the payer adjudicated it, with the REF*6R of each of its lines as the 837 sent them. */
  public record Decided(ClaimSubmission claim, ClaimAdjudication decision, Map<Integer, String> lineControlNumbers) {}

  /**
   * One 835 interchange for the claims of one 837 batch, as payers send them: one transaction set
   * (its own payment and trace number) per decision, so each claim's money is what it was alone.
   */
  public byte[] write(String payerId, List<Decided> decided) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048 * decided.size());
    RemittanceAdviceWriter.writeFile(out, InterchangeParties.of(payerId, "REVCYCLE", 'T'), controlNumbers,
        clock, decided.stream().map(this::advice).toList());
    return out.toByteArray();
  }

  private RemittanceAdvice advice(Decided decided) {
    ClaimSubmission claim = decided.claim();
    ClaimAdjudication decision = decided.decision();
    Map<Integer, String> lineControlNumbers = decided.lineControlNumbers();
    BigDecimal paid = decision.paid();
    boolean money = paid.signum() > 0;
    String payerName = network.payer(decision.payerId()).map(SandboxNetwork.Payer::name).orElse("SANDBOX PAYER");
    String payeeName = network.facility(claim.facilityId()).map(SandboxNetwork.Facility::name).orElse("SANDBOX PROVIDER");
    RemittanceHeader header = new RemittanceHeader(null, money ? "C" : "H", money ? paid : BigDecimal.ZERO, "C",
        money ? "ACH" : "NON", decision.paymentDate(), decision.traceNumber(), "1" + String.format("%09d",
            Math.floorMod(decision.payerId().hashCode(), 1_000_000_000)), decision.paymentDate(),
        new RemittanceHeader.Party(payerName, null, null, null, null, null, null, Map.of("2U", decision.payerId())),
        new RemittanceHeader.Party(payeeName, "XX", claim.billingNpi(), null, null, null, null, Map.of()));
    // claim-level CAS: what no SVC carries (all of a whole-claim denial); the rest goes with its SVC
    List<Adjustment> adjustments = decision.claimLevelAdjustments().stream()
        .map(a -> new Adjustment(a.groupCode(), a.reasonCode(), a.amount(), null)).toList();
    List<ServicePayment> services = decision.lines().stream().map(l -> service(claim, l, lineControlNumbers)).toList();
    ClaimPayment payment = new ClaimPayment(decision.patientControlNumber(), decision.statusCode(), decision.charge(), paid,
        decision.patientResponsibility().signum() == 0 ? null : decision.patientResponsibility(), null,
        decision.payerClaimNumber(), claim.claimType() == org.revcycle.claim.ClaimType.INSTITUTIONAL ? "13" : "11",
        claim.frequencyCode(), null, null, null, "MI", claim.memberId(), claim.renderingNpi(), claim.serviceDate(),
        claim.dischargeDate() != null ? claim.dischargeDate() : claim.serviceDate(), null, decision.remarkCodes(), Map.of(),
        adjustments, services, null);
    // a negative net (a reversal) is carried forward to a later payment: PLB FB with the amount owed back
    List<ProviderAdjustment> carried = paid.signum() < 0
        ? List.of(new ProviderAdjustment(claim.billingNpi(), decision.paymentDate(),
            List.of(new ProviderAdjustment.Item("FB", decision.payerClaimNumber(), paid))))
        : List.of();
    return new RemittanceAdvice(header, List.of(payment), carried);
  }

  /** One SVC: the billed code (HCPCS/CPT, else the revenue code), charge, payment, its CAS and REF*6R. */
  private static ServicePayment service(ClaimSubmission claim, ClaimAdjudication.ServiceLine line,
      Map<Integer, String> lineControlNumbers) {
    ClaimSubmission.Line billed = claim.lines().stream()
        .filter(l -> line.claimLineNumber() != null && l.lineNumber() == line.claimLineNumber()).findFirst().orElse(null);
    String procedure = billed == null ? line.procedureCode() : billed.procedureCode();
    String revenue = billed == null ? null : billed.revenueCode();
    boolean hcpcs = procedure != null;
    String lineControl = billed == null ? line.lineControlNumber()
        : lineControlNumbers.getOrDefault(billed.lineNumber(), String.valueOf(billed.lineNumber()));
    List<Adjustment> cas = line.adjustments().stream()
        .map(a -> new Adjustment(a.groupCode(), a.reasonCode(), a.amount(), null)).toList();
    BigDecimal units = billed == null || billed.units() == null ? null : billed.units();
    return new ServicePayment(hcpcs ? "HC" : "NU", hcpcs ? procedure : revenue,
        billed == null || !hcpcs ? List.of() : billed.modifiers(), line.charge(), line.paid(), hcpcs ? revenue : null,
        units, null, null, billed == null ? claim.serviceDate() : billed.serviceDate(), null, lineControl, Map.of(),
        List.of(), cas, null);
  }
}
