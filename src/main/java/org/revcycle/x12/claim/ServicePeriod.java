package org.revcycle.x12.claim;

import java.time.LocalDate;

/** A DTP date (D8: {@code through} is null) or period (RD8: from-through). */
public record ServicePeriod(LocalDate from, LocalDate through) {

  public static ServicePeriod on(LocalDate date) {
    return new ServicePeriod(date, null);
  }

  public static ServicePeriod between(LocalDate from, LocalDate through) {
    return new ServicePeriod(from, through);
  }

  public boolean isRange() {
    return through != null;
  }
}
