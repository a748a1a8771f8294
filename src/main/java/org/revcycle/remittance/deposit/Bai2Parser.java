package org.revcycle.remittance.deposit;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.revcycle.platform.InvalidInputException;

/**
 * Reads a BAI2 cash management file (BAI Version 2: 01 file, 02 group, 03 account, 16 transaction,
 * 88 continuation, 49/98/99 trailers) into the credits it reports. Control totals and record counts
 * are checked at every level, so a truncated or altered file is refused whole; an error names the
 * record number (1-based, physical records) and the field.
 *
 * <p>No maintained Java BAI2 library is published on Maven Central; the format is small.
 */
public final class Bai2Parser {

  /** One credit (a 16 record with a type code 100-399) on an account: a deposit. */
  public record Credit(int recordNumber, String accountNumber, LocalDate asOfDate, String typeCode, BigDecimal amount,
      String bankReference, String customerReference, String text) {}

  public record Bai2File(String senderId, String fileId, List<Credit> credits) {}

  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

  private Bai2Parser() {}

  public static Bai2File parse(byte[] content) {
    List<Record> records = records(new String(content, StandardCharsets.US_ASCII));
    if (records.isEmpty()) {
      throw new InvalidInputException("record 1", "The BAI2 file is empty.");
    }
    List<Credit> credits = new ArrayList<>();
    Record header = records.get(0);
    header.expect("01");
    String senderId = header.field(1, "sender identification");
    String fileId = header.field(5, "file identification number");
    String version = header.field(8, "version number");
    if (!"2".equals(version)) {
      throw header.error(8, "version number", "must be 2 (BAI Version 2), was '" + version + "'");
    }
    int i = 1;
    BigDecimal fileTotal = BigDecimal.ZERO;
    int groups = 0;
    while (i < records.size() && records.get(i).code().equals("02")) {
      Record group = records.get(i);
      int groupStart = i;
      LocalDate asOf = group.date(4, "as-of date");
      String currency = group.optional(6);
      if (currency != null && !currency.isEmpty() && !"USD".equals(currency)) {
        throw group.error(6, "currency code", "only USD is supported, was '" + currency + "'");
      }
      i++;
      BigDecimal groupTotal = BigDecimal.ZERO;
      int accounts = 0;
      while (i < records.size() && records.get(i).code().equals("03")) {
        Record account = records.get(i);
        int accountStart = i;
        String accountNumber = account.field(1, "customer account number");
        BigDecimal accountTotal = account.summaryAmounts();
        i++;
        while (i < records.size() && records.get(i).code().equals("16")) {
          Record detail = records.get(i);
          Transaction t = detail.transaction();
          accountTotal = accountTotal.add(t.amount());
          int type = Integer.parseInt(t.typeCode());
          if (type >= 100 && type <= 399) {
            credits.add(new Credit(detail.number(), accountNumber, asOf, t.typeCode(), t.amount().movePointLeft(2),
                t.bankReference(), t.customerReference(), t.text()));
          }
          i++;
        }
        Record trailer = at(records, i, "49");
        trailer.total(1, "account control total", accountTotal);
        trailer.count(2, "number of records", trailer.number() - records.get(accountStart).number() + 1);
        groupTotal = groupTotal.add(accountTotal);
        accounts++;
        i++;
      }
      Record trailer = at(records, i, "98");
      trailer.total(1, "group control total", groupTotal);
      trailer.count(2, "number of accounts", accounts);
      trailer.count(3, "number of records", trailer.number() - records.get(groupStart).number() + 1);
      fileTotal = fileTotal.add(groupTotal);
      groups++;
      i++;
    }
    Record trailer = at(records, i, "99");
    trailer.total(1, "file control total", fileTotal);
    trailer.count(2, "number of groups", groups);
    trailer.count(3, "number of records", trailer.number());
    if (i + 1 < records.size()) {
      throw records.get(i + 1).error(0, "record code", "nothing may follow the file trailer (99)");
    }
    return new Bai2File(senderId, fileId, credits);
  }

  private static Record at(List<Record> records, int i, String code) {
    if (i >= records.size()) {
      throw new InvalidInputException("record " + (i + 1), "The file ends early: a " + code + " record is missing.");
    }
    Record record = records.get(i);
    record.expect(code);
    return record;
  }

  /** Physical records, one per line, numbered as in the file; 88 continuations joined to the record they continue. */
  private static List<Record> records(String text) {
    List<Record> records = new ArrayList<>();
    int number = 0;
    for (String raw : text.split("\r?\n|\r")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      number++;
      if (line.endsWith("/")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.startsWith("88,")) {
        if (records.isEmpty()) {
          throw new InvalidInputException("record " + number, "A continuation (88) must follow the record it continues.");
        }
        Record last = records.remove(records.size() - 1);
        records.add(new Record(last.number(), last.text() + "," + line.substring(3)));
        continue;
      }
      records.add(new Record(number, line));
    }
    return records;
  }

  private record Transaction(String typeCode, BigDecimal amount, String bankReference, String customerReference,
      String text) {}

  private record Record(int number, String text) {

    String code() {
      int comma = text.indexOf(',');
      return comma < 0 ? text : text.substring(0, comma);
    }

    String[] fields() {
      return text.split(",", -1);
    }

    void expect(String code) {
      if (!code().equals(code)) {
        throw error(0, "record code", "expected " + code + ", found '" + code() + "'");
      }
    }

    String optional(int index) {
      String[] f = fields();
      return index < f.length ? f[index].strip() : null;
    }

    String field(int index, String name) {
      String value = optional(index);
      if (value == null || value.isEmpty()) {
        throw error(index, name, "is required");
      }
      return value;
    }

    LocalDate date(int index, String name) {
      String value = field(index, name);
      try {
        return LocalDate.parse(value, YYMMDD);
      } catch (DateTimeParseException e) {
        throw error(index, name, "must be a date YYMMDD, was '" + value + "'");
      }
    }

    BigDecimal amount(int index, String name, boolean signed) {
      String value = field(index, name);
      if (!(signed ? value.matches("[+-]?\\d{1,15}") : value.matches("\\d{1,15}"))) {
        throw error(index, name, "must be a whole number of cents" + (signed ? " (optionally signed)" : "")
            + ", was '" + value + "'");
      }
      return new BigDecimal(value.startsWith("+") ? value.substring(1) : value);
    }

    void total(int index, String name, BigDecimal expected) {
      BigDecimal stated = amount(index, name, true);
      if (stated.compareTo(expected) != 0) {
        throw error(index, name, "states " + stated + " cents but the records sum to " + expected);
      }
    }

    void count(int index, String name, int expected) {
      String value = field(index, name);
      if (!value.matches("\\d{1,9}") || Integer.parseInt(value) != expected) {
        throw error(index, name, "states '" + value + "' but the file has " + expected);
      }
    }

    /** 03: type code, amount, item count, funds type groups after the account and currency; amounts sum into the control total. */
    BigDecimal summaryAmounts() {
      String[] f = fields();
      BigDecimal sum = BigDecimal.ZERO;
      int i = 3;
      while (i < f.length && !f[i].isBlank()) {
        if (i + 1 < f.length && !f[i + 1].isBlank()) {
          sum = sum.add(amount(i + 1, "amount", true));
        }
        String funds = i + 3 < f.length ? f[i + 3].strip() : "";
        i += 4 + fundsExtras(funds, i + 3);
      }
      return sum;
    }

    /** 16: type, amount, funds type (with its extra fields), bank reference, customer reference, text (may hold commas). */
    Transaction transaction() {
      String typeCode = field(1, "type code");
      if (!typeCode.matches("\\d{3}")) {
        throw error(1, "type code", "must be three digits, was '" + typeCode + "'");
      }
      BigDecimal amount = amount(2, "amount", false);
      String funds = optional(3) == null ? "" : optional(3);
      int next = 4 + fundsExtras(funds, 3);
      String[] f = text.split(",", next + 3);
      if (f.length < next + 2) {
        throw error(next, "bank reference number", "is missing (the record has too few fields)");
      }
      String text = f.length > next + 2 ? f[next + 2].strip() : "";
      return new Transaction(typeCode, amount, blankToNull(f[next]), blankToNull(f[next + 1]), text);
    }

    /** How many fields follow a funds type code: S three, V two, D a count and that many pairs. */
    private int fundsExtras(String funds, int index) {
      return switch (funds) {
        case "", "Z", "0", "1", "2" -> 0;
        case "S" -> 3;
        case "V" -> 2;
        case "D" -> {
          String n = field(index + 1, "number of distributions");
          if (!n.matches("\\d{1,2}")) {
            throw error(index + 1, "number of distributions", "must be a number, was '" + n + "'");
          }
          yield 1 + 2 * Integer.parseInt(n);
        }
        default -> throw error(index, "funds type", "must be Z, 0, 1, 2, S, V or D, was '" + funds + "'");
      };
    }

    InvalidInputException error(int index, String name, String message) {
      String record = code().isEmpty() ? "" : " (" + code() + ")";
      return new InvalidInputException("record " + number + record + ", field " + (index + 1) + " " + name,
          "BAI2 record " + number + record + ", field " + (index + 1) + " (" + name + ") " + message + ".");
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }
  }
}
