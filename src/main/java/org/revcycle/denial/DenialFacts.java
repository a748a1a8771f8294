package org.revcycle.denial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the payer told us about a denial, as the classifiers read it: the claim adjustment group
 * code, the reason codes (CARC), the remark codes (RARC) and any free-text remark (from a letter or
 * a portal note). No patient data: codes, the payer id and the payer's own words about the claim.
 */
public record DenialFacts(String payerId, String groupCode, List<String> reasonCodes, List<String> remarkCodes,
    String remarkText) {

  public DenialFacts {
    reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
    remarkCodes = remarkCodes == null ? List.of() : List.copyOf(remarkCodes);
    remarkText = remarkText == null ? "" : remarkText;
  }

  /** Words too common in payer remarks to tell root causes apart. */
  private static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "of", "for", "to", "and", "or", "is", "was",
      "this", "that", "on", "in", "be", "by", "with", "claim", "service", "services", "please", "our", "your", "we",
      "has", "have", "not", "are", "as", "it", "at", "from", "been");

  /**
   * The features of the classifier: one per code (with and without its group) and one per word and
   * pair of adjacent words of the remark, each with value 1. Named so a person can read why.
   */
  public Map<String, Double> features() {
    Map<String, Double> features = new LinkedHashMap<>();
    if (groupCode != null && !groupCode.isBlank()) {
      features.put("group=" + groupCode, 1.0);
    }
    for (String carc : reasonCodes) {
      features.put("carc=" + carc, 1.0);
      if (groupCode != null) {
        features.put("carc=" + groupCode + "-" + carc, 1.0);
      }
    }
    for (String rarc : remarkCodes) {
      features.put("rarc=" + rarc, 1.0);
    }
    List<String> words = words(remarkText);
    for (int i = 0; i < words.size(); i++) {
      features.put("word=" + words.get(i), 1.0);
      if (i + 1 < words.size()) {
        features.put("words=" + words.get(i) + "_" + words.get(i + 1), 1.0);
      }
    }
    if (features.isEmpty()) {
      features.put("nothing-sent", 1.0);
    }
    return features;
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String token : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (token.length() > 1 && !STOP_WORDS.contains(token)) {
        words.add(token);
      }
    }
    return words;
  }

  /** One line for the prediction log and the task: codes and the remark as received. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    s.append("payer ").append(payerId == null ? "-" : payerId).append("; ");
    s.append(groupCode == null ? "" : groupCode).append(' ').append(String.join(",", reasonCodes));
    if (!remarkCodes.isEmpty()) {
      s.append("; RARC ").append(String.join(",", remarkCodes));
    }
    if (!remarkText.isBlank()) {
      s.append("; remark: ").append(remarkText.length() > 400 ? remarkText.substring(0, 400) + "..." : remarkText);
    }
    return s.toString();
  }
}
