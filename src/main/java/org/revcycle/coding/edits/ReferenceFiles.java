package org.revcycle.coding.edits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
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
 * Reads the reference files in the layouts CMS publishes them, and the edit tables of our own:
 *
 * <ul>
 *   <li>NCCI procedure-to-procedure edits, the quarterly tab-delimited text files (ccipra-*.txt for
 *       practitioners, ccioph-*.txt for outpatient hospitals): copyright lines, a header whose first
 *       column is "Column 1", then Column 1, Column 2, "*" when in existence before 1996, effective
 *       date (YYYYMMDD), deletion date (YYYYMMDD or "*"), modifier indicator (0, 1 or 9), rationale.
 *   <li>Medically unlikely edits, the quarterly CSV files (*MUE*.csv): copyright lines, a header
 *       "HCPCS/CPT Code", "&lt;setting&gt; Services MUE Values", "MUE Adjudication Indicator", "MUE
 *       Rationale"; the setting (practitioner, outpatient hospital, DME) is read from the header.
 *   <li>Add-on code edits (AOC*.txt tab-delimited, or AOC*.csv), the eight columns of the published
 *       workbook found by their header names: add-on code, AOC deletion date, primary code (CCCCC for
 *       none), primary code deletion date, AOC edit type (1, 2, 3), AOC edit effective date, AOC edit
 *       deletion date, special instruction notes. Dates YYYYDDD (as CMS writes them) or YYYYMMDD.
 *   <li>Our own CSV tables with a header line: modifier-requirements.csv, diagnosis-support.csv,
 *       prior-authorization.csv, age-sex-edits.csv (columns in src/main/resources/reference-data/README.md).
 * </ul>
 *
 * Every file is read whole before anything is stored; the first bad row stops the load with the
 * file name and line number.
 */
public final class ReferenceFiles {

  /** A file to read: its name decides its kind. */
  public record SourceFile(String name, byte[] content) {}

  /** What was read from one file. */
  public record FileInfo(String name, String table, String version, String sha256, int rows) {}

  public record Parsed(ReferenceData.Tables tables, List<FileInfo> files) {}

  private static final Pattern CODE = Pattern.compile("[A-Z0-9]{5}");
  private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

  public enum Kind {
    PTP_PRACTITIONER(ReferenceData.PTP),
    PTP_HOSPITAL(ReferenceData.PTP),
    MUE(ReferenceData.MUE),
    ADD_ON(ReferenceData.ADD_ON),
    MODIFIER(ReferenceData.MODIFIER),
    DIAGNOSIS_SUPPORT(ReferenceData.DIAGNOSIS_SUPPORT),
    PRIOR_AUTH(ReferenceData.PRIOR_AUTH),
    AGE_SEX(ReferenceData.AGE_SEX);

    final String table;

    Kind(String table) {
      this.table = table;
    }

    public String table() {
      return table;
    }
  }

  private ReferenceFiles() {}

  /** The kind of reference file by its name, or null for a file that is none (a README, a PDF). */
  public static Kind kindOf(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".txt") && (n.startsWith("ccipra") || n.contains("ptp") && n.contains("practitioner"))) {
      return Kind.PTP_PRACTITIONER;
    }
    if (n.endsWith(".txt") && (n.startsWith("ccioph") || n.contains("ptp") && n.contains("hospital"))) {
      return Kind.PTP_HOSPITAL;
    }
    if (n.endsWith(".csv") && n.contains("mue")) {
      return Kind.MUE;
    }
    if ((n.endsWith(".txt") || n.endsWith(".csv")) && n.startsWith("aoc")) {
      return Kind.ADD_ON;
    }
    return switch (n) {
      case "modifier-requirements.csv" -> Kind.MODIFIER;
      case "diagnosis-support.csv" -> Kind.DIAGNOSIS_SUPPORT;
      case "prior-authorization.csv" -> Kind.PRIOR_AUTH;
      case "age-sex-edits.csv" -> Kind.AGE_SEX;
      default -> null;
    };
  }

  /** Reads every file (all of them, before any is stored); throws on the first bad row. */
  public static Parsed parse(List<SourceFile> files) {
    List<PtpEdit> ptp = new ArrayList<>();
    List<MueLimit> mue = new ArrayList<>();
    List<AddOnEdit> addOns = new ArrayList<>();
    List<ModifierRequirement> modifiers = new ArrayList<>();
    List<DiagnosisSupport> support = new ArrayList<>();
    List<PriorAuthRule> auth = new ArrayList<>();
    List<AgeSexEdit> ageSex = new ArrayList<>();
    List<FileInfo> infos = new ArrayList<>();
    for (SourceFile file : files) {
      Kind kind = kindOf(file.name());
      if (kind == null) {
        continue;
      }
      String version = version(file.name());
      int rows = switch (kind) {
        case PTP_PRACTITIONER -> addAll(ptp, ptp(file, PtpSetting.PRACTITIONER, version));
        case PTP_HOSPITAL -> addAll(ptp, ptp(file, PtpSetting.HOSPITAL, version));
        case MUE -> addAll(mue, mue(file, version));
        case ADD_ON -> addAll(addOns, addOns(file, version));
        case MODIFIER -> addAll(modifiers, modifiers(file, version));
        case DIAGNOSIS_SUPPORT -> addAll(support, diagnosisSupport(file, version));
        case PRIOR_AUTH -> addAll(auth, priorAuth(file, version));
        case AGE_SEX -> addAll(ageSex, ageSex(file, version));
      };
      infos.add(new FileInfo(file.name(), kind.table(), version, sha256(file.content()), rows));
    }
    return new Parsed(new ReferenceData.Tables(ptp, mue, addOns, modifiers, support, auth, ageSex), infos);
  }

  private static <T> int addAll(List<T> all, List<T> some) {
    all.addAll(some);
    return some.size();
  }

  static String version(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  // ---- NCCI PTP ----

  static List<PtpEdit> ptp(SourceFile file, PtpSetting setting, String version) {
    List<PtpEdit> rows = new ArrayList<>();
    boolean header = false;
    String[] lines = text(file).split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      long lineNo = i + 1;
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      String first = unquote(f[0]).trim();
      if (!header) {
        header = first.toLowerCase(Locale.ROOT).replace(" ", "").startsWith("column1");
        continue;
      }
      if (rows.isEmpty() && !CODE.matcher(first).matches() && !first.matches("[A-Za-z0-9]{5}")) {
        continue; // the rest of a header spread over several lines
      }
      Row r = new Row(file.name(), lineNo, f);
      String column1 = r.code(0, "Column 1");
      String column2 = r.code(1, "Column 2");
      String before1996 = r.text(2);
      LocalDate effective = r.date(3, "effective date", false);
      LocalDate deletion = r.date(4, "deletion date", true);
      String indicator = r.required(5, "modifier indicator");
      if (!indicator.matches("[019]")) {
        throw r.fail("modifier indicator '" + indicator + "' is not 0, 1 or 9");
      }
      rows.add(new PtpEdit(setting, column1, column2, "*".equals(before1996), effective, deletion, indicator.charAt(0),
          r.text(6), new Ref(ReferenceData.PTP, lineNo, version)));
    }
    if (!header) {
      throw new ReferenceDataException(file.name(), 0, "no header line starting with 'Column 1': not an NCCI PTP file");
    }
    return rows;
  }

  // ---- MUE ----

  static List<MueLimit> mue(SourceFile file, String version) {
    List<MueLimit> rows = new ArrayList<>();
    MueSetting setting = null;
    for (CsvRecord rec : csv(file, ',')) {
      String[] f = rec.fields();
      String first = f[0].trim();
      if (setting == null) {
        if (first.toUpperCase(Locale.ROOT).startsWith("HCPCS") && f.length >= 3) {
          String values = f[1].toLowerCase(Locale.ROOT);
          setting = values.contains("practitioner") ? MueSetting.PRACTITIONER
              : values.contains("outpatient") || values.contains("hospital") ? MueSetting.OUTPATIENT_HOSPITAL
              : values.contains("dme") ? MueSetting.DME : null;
          if (setting == null) {
            throw new ReferenceDataException(file.name(), rec.line(),
                "the MUE values column '" + f[1] + "' names no setting (practitioner, outpatient hospital, DME)");
          }
        }
        continue;
      }
      if (first.isEmpty() && Arrays.stream(f).allMatch(String::isBlank)) {
        continue;
      }
      Row r = new Row(file.name(), rec.line(), f);
      String code = r.code(0, "HCPCS/CPT code");
      int max = r.integer(1, "MUE value");
      String mai = r.required(2, "MUE adjudication indicator");
      if (!mai.matches("[123].*")) {
        throw r.fail("MUE adjudication indicator '" + mai + "' does not start with 1, 2 or 3");
      }
      rows.add(new MueLimit(setting, code, max, mai.charAt(0) - '0', mai, r.text(3),
          new Ref(ReferenceData.MUE, rec.line(), version)));
    }
    if (setting == null) {
      throw new ReferenceDataException(file.name(), 0, "no header line starting with 'HCPCS/CPT Code': not an MUE file");
    }
    return rows;
  }

  // ---- add-on codes ----

  static List<AddOnEdit> addOns(SourceFile file, String version) {
    char separator = file.name().toLowerCase(Locale.ROOT).endsWith(".csv") ? ',' : '\t';
    List<AddOnEdit> rows = new ArrayList<>();
    int[] col = null;
    for (CsvRecord rec : csv(file, separator)) {
      String[] f = rec.fields();
      if (col == null) {
        String first = norm(f[0]);
        if (first.equals("addoncode") || first.equals("aoc") || first.equals("addoncodes")) {
          col = addOnColumns(file.name(), rec.line(), f);
        }
        continue;
      }
      if (Arrays.stream(f).allMatch(String::isBlank)) {
        continue;
      }
      Row r = new Row(file.name(), rec.line(), f);
      String addOn = r.code(col[0], "add-on code");
      String primary = r.required(col[2], "primary code");
      if (!"CCCCC".equals(primary) && !CODE.matcher(primary).matches()) {
        throw r.fail("primary code '" + primary + "' is not a five-character HCPCS/CPT code or CCCCC");
      }
      int type = r.integer(col[4], "AOC edit type");
      if (type < 1 || type > 3) {
        throw r.fail("AOC edit type " + type + " is not 1, 2 or 3");
      }
      rows.add(new AddOnEdit(addOn, r.cmsDate(col[1], "AOC deletion date", true),
          "CCCCC".equals(primary) ? null : primary, r.cmsDate(col[3], "primary code deletion date", true), type,
          r.cmsDate(col[5], "AOC edit effective date", false), r.cmsDate(col[6], "AOC edit deletion date", true),
          col[7] < 0 ? "" : r.text(col[7]), new Ref(ReferenceData.ADD_ON, rec.line(), version)));
    }
    if (col == null) {
      throw new ReferenceDataException(file.name(), 0, "no header line starting with 'Add-on Code': not an add-on code file");
    }
    return rows;
  }

  /** Positions of: add-on, AOC deletion, primary, primary deletion, type, effective, edit deletion, notes. */
  private static int[] addOnColumns(String file, long line, String[] header) {
    int[] col = {0, -1, -1, -1, -1, -1, -1, -1};
    for (int i = 1; i < header.length; i++) {
      String h = norm(header[i]);
      if (h.contains("primary") && h.contains("del")) {
        col[3] = i;
      } else if (h.contains("primary")) {
        col[2] = i;
      } else if (h.contains("type")) {
        col[4] = i;
      } else if (h.contains("edit") && h.contains("eff")) {
        col[5] = i;
      } else if (h.contains("edit") && h.contains("del")) {
        col[6] = i;
      } else if (h.contains("del")) {
        col[1] = i;
      } else if (h.contains("note") || h.contains("instruction")) {
        col[7] = i;
      }
    }
    for (int i = 1; i < 7; i++) {
      if (col[i] < 0) {
        throw new ReferenceDataException(file, line,
            "the add-on code header lacks a column (primary code, its deletion date, edit type, effective date, deletion dates)");
      }
    }
    return col;
  }

  // ---- our own tables ----

  static List<ModifierRequirement> modifiers(SourceFile file, String version) {
    List<ModifierRequirement> rows = new ArrayList<>();
    for (Row r : localRows(file, "code,payer_class,claim_type,required_any_of,reason,fix")) {
      List<String> anyOf = List.of(r.required(3, "required_any_of").split("\\s+"));
      for (String m : anyOf) {
        if (!m.matches("[A-Z0-9]{2}")) {
          throw r.fail("modifier '" + m + "' is not two letters or digits");
        }
      }
      rows.add(new ModifierRequirement(r.code(0, "code"), any(r.required(1, "payer_class")),
          any(r.required(2, "claim_type")), anyOf, r.required(4, "reason"), r.required(5, "fix"),
          new Ref(ReferenceData.MODIFIER, r.line, version)));
    }
    return rows;
  }

  static List<DiagnosisSupport> diagnosisSupport(SourceFile file, String version) {
    List<DiagnosisSupport> rows = new ArrayList<>();
    for (Row r : localRows(file, "procedure_code,diagnosis_prefix,policy")) {
      String prefix = r.required(1, "diagnosis_prefix").replace(".", "");
      if (!prefix.matches("[A-Z][0-9A-Z]{0,6}")) {
        throw r.fail("diagnosis prefix '" + prefix + "' is not an ICD-10-CM code or category");
      }
      rows.add(new DiagnosisSupport(r.code(0, "procedure_code"), prefix, r.required(2, "policy"),
          new Ref(ReferenceData.DIAGNOSIS_SUPPORT, r.line, version)));
    }
    return rows;
  }

  static List<PriorAuthRule> priorAuth(SourceFile file, String version) {
    List<PriorAuthRule> rows = new ArrayList<>();
    for (Row r : localRows(file, "payer_id,code_type,code,effective_date,end_date,note")) {
      String type = r.required(1, "code_type");
      String code;
      if ("HCPCS".equals(type)) {
        code = r.code(2, "code");
      } else if ("REVENUE".equals(type)) {
        code = r.required(2, "code");
        if (!code.matches("[0-9]{4}")) {
          throw r.fail("revenue code '" + code + "' is not four digits");
        }
      } else {
        throw r.fail("code_type '" + type + "' is not HCPCS or REVENUE");
      }
      rows.add(new PriorAuthRule(r.required(0, "payer_id"), type, code, r.isoDate(3, "effective_date", false),
          r.isoDate(4, "end_date", true), r.text(5), new Ref(ReferenceData.PRIOR_AUTH, r.line, version)));
    }
    return rows;
  }

  static List<AgeSexEdit> ageSex(SourceFile file, String version) {
    List<AgeSexEdit> rows = new ArrayList<>();
    for (Row r : localRows(file, "code_system,code,sex,min_age,max_age,description")) {
      String system = r.required(0, "code_system");
      String code;
      if ("HCPCS".equals(system)) {
        code = r.code(1, "code");
      } else if ("ICD10".equals(system)) {
        code = r.required(1, "code").replace(".", "");
        if (!code.matches("[A-Z][0-9A-Z]{0,6}")) {
          throw r.fail("'" + code + "' is not an ICD-10-CM code or category");
        }
      } else {
        throw r.fail("code_system '" + system + "' is not HCPCS or ICD10");
      }
      String sex = r.text(2);
      if (!sex.isEmpty() && !sex.equals("F") && !sex.equals("M")) {
        throw r.fail("sex '" + sex + "' is not F, M or empty");
      }
      Integer min = r.text(3).isEmpty() ? null : r.integer(3, "min_age");
      Integer max = r.text(4).isEmpty() ? null : r.integer(4, "max_age");
      if (sex.isEmpty() && min == null && max == null) {
        throw r.fail("the row limits neither sex nor age");
      }
      rows.add(new AgeSexEdit(system, code, sex.isEmpty() ? null : sex, min, max, r.required(5, "description"),
          new Ref(ReferenceData.AGE_SEX, r.line, version)));
    }
    return rows;
  }

  private static String any(String value) {
    return "*".equals(value) ? null : value;
  }

  /** Rows of one of our CSV tables: the first line must be exactly the header. */
  private static List<Row> localRows(SourceFile file, String header) {
    List<CsvRecord> records = csv(file, ',');
    if (records.isEmpty() || !String.join(",", records.get(0).fields()).trim().equals(header)) {
      throw new ReferenceDataException(file.name(), 1, "the header must be: " + header);
    }
    int columns = header.split(",").length;
    List<Row> rows = new ArrayList<>();
    for (CsvRecord rec : records.subList(1, records.size())) {
      if (Arrays.stream(rec.fields()).allMatch(String::isBlank) || rec.fields()[0].startsWith("#")) {
        continue;
      }
      if (rec.fields().length != columns) {
        throw new ReferenceDataException(file.name(), rec.line(),
            rec.fields().length + " columns where the header has " + columns);
      }
      rows.add(new Row(file.name(), rec.line(), rec.fields()));
    }
    return rows;
  }

  // ---- fields ----

  private static final class Row {
    final String file;
    final long line;
    final String[] f;

    Row(String file, long line, String[] f) {
      this.file = file;
      this.line = line;
      this.f = f;
    }

    ReferenceDataException fail(String problem) {
      return new ReferenceDataException(file, line, problem);
    }

    String text(int i) {
      return i < f.length ? unquote(f[i]).trim() : "";
    }

    String required(int i, String name) {
      String v = text(i);
      if (v.isEmpty()) {
        throw fail(name + " is missing");
      }
      return v;
    }

    String code(int i, String name) {
      String v = required(i, name);
      if (!CODE.matcher(v).matches()) {
        throw fail(name + " '" + v + "' is not a five-character HCPCS/CPT code");
      }
      return v;
    }

    int integer(int i, String name) {
      String v = required(i, name);
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw fail(name + " '" + v + "' is not a whole number");
      }
    }

    /** YYYYMMDD, or "*" or blank when optional. */
    LocalDate date(int i, String name, boolean optional) {
      String v = text(i);
      if (optional && (v.isEmpty() || "*".equals(v))) {
        return null;
      }
      try {
        return LocalDate.parse(v, YYYYMMDD);
      } catch (DateTimeParseException e) {
        throw fail(name + " '" + v + "' is not a date (YYYYMMDD)");
      }
    }

    /** The add-on file's dates: YYYYDDD (year and day of year) or YYYYMMDD; "*", blank or all nines for none. */
    LocalDate cmsDate(int i, String name, boolean optional) {
      String v = text(i);
      if (optional && (v.isEmpty() || "*".equals(v) || v.matches("9+"))) {
        return null;
      }
      try {
        if (v.matches("[0-9]{7}")) {
          return LocalDate.ofYearDay(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(4)));
        }
        return LocalDate.parse(v, YYYYMMDD);
      } catch (RuntimeException e) {
        throw fail(name + " '" + v + "' is not a date (YYYYDDD or YYYYMMDD)");
      }
    }

    LocalDate isoDate(int i, String name, boolean optional) {
      String v = text(i);
      if (optional && v.isEmpty()) {
        return null;
      }
      try {
        return LocalDate.parse(v);
      } catch (DateTimeParseException e) {
        throw fail(name + " '" + v + "' is not a date (YYYY-MM-DD)");
      }
    }
  }

  private static String unquote(String s) {
    String t = s.trim();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : s;
  }

  private static String norm(String header) {
    return unquote(header).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static String text(SourceFile file) {
    String s = new String(file.content(), StandardCharsets.UTF_8);
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  // ---- CSV (RFC 4180: quoted fields may hold separators, quotes and line breaks) ----

  record CsvRecord(long line, String[] fields) {}

  static List<CsvRecord> csv(SourceFile file, char separator) {
    String s = text(file);
    List<CsvRecord> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    long line = 1;
    long recordLine = 1;
    boolean quoted = false;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && s.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        field.setLength(0);
        quoted = true;
      } else if (c == separator) {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        records.add(new CsvRecord(recordLine, fields.toArray(String[]::new)));
        fields.clear();
        line++;
        recordLine = line;
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new ReferenceDataException(file.name(), recordLine, "a quoted field is not closed");
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      records.add(new CsvRecord(recordLine, fields.toArray(String[]::new)));
    }
    return records;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
