package org.revcycle.x12;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A date or a date range as DTP carries it: DTP02 D8 (CCYYMMDD, from equals to) or RD8
 * (CCYYMMDD-CCYYMMDD). Other formats (DT, TM) are not dates of service and are refused.
 */
public record DatePeriod(LocalDate from, LocalDate to) {

  public static DatePeriod of(Segment dtp) {
    String format = dtp.text(2);
    String value = dtp.text(3);
    try {
      if ("D8".equals(format)) {
        LocalDate date = LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
        return new DatePeriod(date, date);
      }
      if ("RD8".equals(format)) {
        int dash = value.indexOf('-');
        if (dash > 0) {
          return new DatePeriod(LocalDate.parse(value.substring(0, dash), DateTimeFormatter.BASIC_ISO_DATE),
              LocalDate.parse(value.substring(dash + 1), DateTimeFormatter.BASIC_ISO_DATE));
        }
      }
    } catch (DateTimeParseException e) {
      // reported below with the segment and position
    }
    throw new X12Exception(List.of(new X12Problem("INVALID_DATE", dtp.location(3),
        "the value is not a " + (format.isEmpty() ? "date" : format) + " date"))); // not shown: it may be a birth date
  }
}
