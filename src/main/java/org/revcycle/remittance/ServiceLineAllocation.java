package org.revcycle.remittance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import org.revcycle.x12.remittance.ServicePayment;

/**
 * Which claim line each SVC of an 835 pays, so that every dollar posts against its line. In order of
 * trust: REF*6R (our line control number: the line number, alone or after the patient control
 * number), then the procedure or revenue code with the same charge, then the code alone. Each claim
 * line is paid by at most one SVC of a CLP; an SVC no line fits posts at claim level.
 */
final class ServiceLineAllocation {

  /** A claim line as billed. */
  record ClaimLine(int lineNumber, String procedureCode, String revenueCode, BigDecimal charge) {}

  private ServiceLineAllocation() {}

  /** The claim line number for each SVC, in SVC order; null where none fits. */
  static List<Integer> allocate(String patientControlNumber, List<ServicePayment> services, List<ClaimLine> lines) {
    Integer[] allocated = new Integer[services.size()];
    Set<Integer> taken = new HashSet<>();
    for (int i = 0; i < services.size(); i++) {
      Integer byRef = lineNumberFrom6R(services.get(i).lineControlNumber(), patientControlNumber);
      if (byRef != null && !taken.contains(byRef) && lines.stream().anyMatch(l -> l.lineNumber() == byRef)) {
        allocated[i] = byRef;
        taken.add(byRef);
      }
    }
    pass(services, lines, allocated, taken, (s, l) -> sameCode(s, l) && s.charge().compareTo(l.charge()) == 0);
    pass(services, lines, allocated, taken, ServiceLineAllocation::sameCode);
    List<Integer> result = new ArrayList<>(services.size());
    for (Integer n : allocated) {
      result.add(n);
    }
    return result;
  }

  private static void pass(List<ServicePayment> services, List<ClaimLine> lines, Integer[] allocated, Set<Integer> taken,
      BiPredicate<ServicePayment, ClaimLine> fits) {
    for (int i = 0; i < services.size(); i++) {
      if (allocated[i] != null) {
        continue;
      }
      for (ClaimLine line : lines) {
        if (!taken.contains(line.lineNumber()) && fits.test(services.get(i), line)) {
          allocated[i] = line.lineNumber();
          taken.add(line.lineNumber());
          break;
        }
      }
    }
  }

  /** SVC01-2 (or SVC06-2, the code billed when the payer paid another) against the line's CPT/HCPCS or revenue code. */
  private static boolean sameCode(ServicePayment s, ClaimLine l) {
    return matches(s.procedureCode(), l) || matches(s.originalProcedureCode(), l) || matches(s.revenueCode(), l);
  }

  private static boolean matches(String code, ClaimLine l) {
    return code != null && !code.isBlank() && (code.equals(l.procedureCode()) || code.equals(l.revenueCode()));
  }

  /** "2", or "{PCN}-2" / "{PCN}.2": the line number our 837 sent as REF*6R. */
  static Integer lineNumberFrom6R(String ref, String patientControlNumber) {
    if (ref == null || ref.isBlank()) {
      return null;
    }
    String number = ref.trim();
    if (patientControlNumber != null && number.startsWith(patientControlNumber) && number.length() > patientControlNumber.length() + 1) {
      char separator = number.charAt(patientControlNumber.length());
      if (separator == '-' || separator == '.') {
        number = number.substring(patientControlNumber.length() + 1);
      }
    }
    if (!number.matches("\\d{1,4}")) {
      return null;
    }
    int n = Integer.parseInt(number);
    return n > 0 ? n : null;
  }

  /** How a journal line names the SVC it came from: position, procedure or revenue code, REF*6R. */
  static String reference(int sequence, String procedureCode, String lineControlNumber) {
    String ref = "SVC " + sequence + (procedureCode == null ? "" : " " + procedureCode)
        + (lineControlNumber == null ? "" : " 6R " + lineControlNumber);
    return ref.length() <= 64 ? ref : ref.substring(0, 64);
  }
}
