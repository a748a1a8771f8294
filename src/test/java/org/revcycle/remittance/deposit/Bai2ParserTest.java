package org.revcycle.remittance.deposit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.revcycle.platform.InvalidInputException;

class Bai2ParserTest {

  static String sample() throws IOException {
    try (InputStream in = Bai2ParserTest.class.getResourceAsStream("/bai2/deposits-2026-11-25.bai")) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void readsTheCreditsOfEveryAccountWithTheirTraceNumbers() throws IOException {
    Bai2Parser.Bai2File file = Bai2Parser.parse(sample().getBytes(StandardCharsets.US_ASCII));

    assertThat(file.senderId()).isEqualTo("REVBANK01");
    assertThat(file.fileId()).isEqualTo("1126001");
    // the 475 (check paid) is a debit: not a deposit
    assertThat(file.credits()).extracting(Bai2Parser.Credit::typeCode).containsExactly("165", "169", "301");
    Bai2Parser.Credit ach = file.credits().get(0);
    assertThat(ach.amount()).isEqualByComparingTo("12500.00");
    assertThat(ach.asOfDate()).isEqualTo(LocalDate.of(2026, 11, 25));
    assertThat(ach.accountNumber()).isEqualTo("000123456789");
    assertThat(ach.bankReference()).isEqualTo("B261125000001");
    assertThat(ach.text()).contains("TRN*1*EFT20261125A");  // joined from the 88 continuation
    assertThat(BankDeposits.traceNumber(file.credits().get(1))).isEqualTo("MCD9988776");
    assertThat(file.credits().get(1).amount()).isEqualByComparingTo("4300.75");
    Bai2Parser.Credit lockbox = file.credits().get(2);  // funds type S: three availability fields skipped
    assertThat(lockbox.amount()).isEqualByComparingTo("500.00");
    assertThat(lockbox.bankReference()).isEqualTo("B261125000004");
    assertThat(BankDeposits.traceNumber(lockbox)).isEqualTo("LBX77");
    assertThat(lockbox.text()).isEqualTo("LOCKBOX DEPOSIT, SEE DETAIL");
  }

  @Test
  void aWrongControlTotalNamesTheRecordAndField() throws IOException {
    String altered = sample().replace("49,32514575,6/", "49,32514576,6/");
    assertThatThrownBy(() -> Bai2Parser.parse(altered.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("record 8 (49), field 2 account control total");
          assertThat(e.detail()).contains("states 32514576 cents but the records sum to 32514575");
        });
  }

  @Test
  void badFieldsAndMissingRecordsAreNamed() throws IOException {
    assertThatThrownBy(() -> Bai2Parser.parse(sample().replace("16,165,1250000,", "16,165,12500.00,")
        .getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("record 4 (16), field 3 amount"));
    assertThatThrownBy(() -> Bai2Parser.parse(sample().replace("99,32564575,1,13/\n", "")
        .getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.detail()).contains("99 record is missing"));
    assertThatThrownBy(() -> Bai2Parser.parse(sample().replace("98,32564575,2,11/", "98,32564575,2,12/")
        .getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("record 12 (98), field 4 number of records"));
    assertThatThrownBy(() -> Bai2Parser.parse(sample().replace("02,STMARYSHOSP,021000021,1,261125", "02,STMARYSHOSP,021000021,1,261135")
        .getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("record 2 (02), field 5 as-of date"));
    assertThatThrownBy(() -> Bai2Parser.parse(sample().replace(",Z,B261125000001", ",X,B261125000001")
        .getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("record 4 (16), field 4 funds type"));
    assertThatThrownBy(() -> Bai2Parser.parse(new byte[0])).isInstanceOf(InvalidInputException.class);
  }
}
