package org.revcycle.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.revcycle.x12.CountingControlNumbers;
import org.revcycle.x12.X12Problem;
import org.springframework.transaction.PlatformTransactionManager;

/** Batching: a payer's waiting claims in files of at most max-claims, one set per claim; a claim our schema refuses stays home. */
class ClaimBatchesTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate DOS = LocalDate.of(2026, 11, 20);

  private final ClaimRepository claims = mock(ClaimRepository.class);
  private final ClaimBatchRepository repository = mock(ClaimBatchRepository.class);
  private final ClaimAcknowledgments acknowledgments = mock(ClaimAcknowledgments.class);

  private ClaimBatches batches(int maxClaims) {
    return new ClaimBatches(claims, repository, mock(ClearinghouseMailbox.class), new CountingControlNumbers(500),
        new ClaimBatchProperties(Duration.ofSeconds(5), maxClaims, "REVCYCLE", "REVCYCLE", "5555550100", "CLEARINGHOUSE",
            "CLEARINGHOUSE", 'T'), acknowledgments, CLOCK, mock(PlatformTransactionManager.class));
  }

  private ClaimBatchRepository.Item waiting(String pcn) {
    UUID claimId = UUID.randomUUID();
    when(claims.submission(claimId)).thenReturn(new ClaimSubmission(pcn, ClaimType.PROFESSIONAL, "1", null, "CMA",
        "LMH123456789", "SELF", null, null, "C07", "1234567893", null, LocalDate.of(1961, 5, 14), "F", DOS, null, null,
        List.of("I10"), List.of(new ClaimSubmission.Line(1, "99213", List.of(), null, BigDecimal.ONE,
            new BigDecimal("100.00"), DOS))));
    when(repository.parties(claimId)).thenReturn(new ClaimBatchRepository.Parties("Testperson", "Alex", "1 Test Lane",
        "Columbus", "OH", "43004", null, null, null, null, null, "Lakeshore Mutual", "COMMERCIAL", "Clinic Seven",
        "311234567", "Columbus", "OH", "11", null, null));
    return new ClaimBatchRepository.Item(UUID.randomUUID(), claimId, pcn, "CMA", ClaimType.PROFESSIONAL, "1", null, null,
        null, null);
  }

  @Test
  void waitingClaimsGoOutInFilesOfAtMostMaxClaimsWithOneSetPerClaim() {
    List<ClaimBatchRepository.Item> items = List.of(waiting("PCN-A"), waiting("PCN-B"), waiting("PCN-C"));
    when(repository.waiting()).thenReturn(List.of(new ClaimBatchRepository.Waiting("CMA", ClaimType.PROFESSIONAL, 3)));
    when(repository.takeWaiting("CMA", ClaimType.PROFESSIONAL, 2)).thenReturn(items.subList(0, 2), items.subList(2, 3));

    List<UUID> formed = batches(2).formBatches();

    assertThat(formed).hasSize(2);
    ArgumentCaptor<ClaimBatchRepository.Batch> written = ArgumentCaptor.forClass(ClaimBatchRepository.Batch.class);
    verify(repository, times(2)).insertBatch(written.capture(), anyString(), anyInt(), any());
    String first = new String(written.getAllValues().get(0).content(), StandardCharsets.US_ASCII);
    assertThat(first.split("ST\\*837\\*", -1)).hasSize(3);
    assertThat(first).contains("CLM*PCN-A*", "CLM*PCN-B*").doesNotContain("PCN-C");
    assertThat(written.getAllValues().get(0).fileName()).startsWith("837P-CMA-20261127100000-");
    assertThat(written.getAllValues().get(0).groupControlNumber()).isEqualTo("500");
    ArgumentCaptor<String> sets = ArgumentCaptor.forClass(String.class);
    verify(repository, times(3)).assign(any(), any(), sets.capture());
    assertThat(sets.getAllValues()).doesNotHaveDuplicates();
    assertThat(first).contains("ST*837*" + sets.getAllValues().get(0) + "*", "ST*837*" + sets.getAllValues().get(1) + "*");
    String second = new String(written.getAllValues().get(1).content(), StandardCharsets.US_ASCII);
    assertThat(second).contains("ST*837*" + sets.getAllValues().get(2) + "*", "CLM*PCN-C*");
  }

  @Test
  void aClaimOurOwnSchemaRefusesIsSentBackAndTheOthersGo() {
    ClaimBatchRepository.Item good = waiting("PCN-GOOD");
    ClaimBatchRepository.Item bad = waiting("PCN-" + "9".repeat(40)); // CLM01 holds at most 38 characters
    when(repository.waiting()).thenReturn(List.of(new ClaimBatchRepository.Waiting("CMA", ClaimType.PROFESSIONAL, 2)));
    when(repository.takeWaiting("CMA", ClaimType.PROFESSIONAL, 100)).thenReturn(List.of(good, bad));

    List<UUID> formed = batches(100).formBatches();

    assertThat(formed).hasSize(1);
    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<X12Problem>> problems = ArgumentCaptor.forClass(List.class);
    verify(acknowledgments).notSent(eq(bad), problems.capture());
    assertThat(problems.getValue()).anyMatch(p -> "CLM".equals(p.location().segmentTag()));
    verify(acknowledgments, never()).notSent(eq(good), any());
    ArgumentCaptor<ClaimBatchRepository.Batch> written = ArgumentCaptor.forClass(ClaimBatchRepository.Batch.class);
    verify(repository).insertBatch(written.capture(), anyString(), eq(1), any());
    assertThat(new String(written.getValue().content(), StandardCharsets.US_ASCII)).contains("CLM*PCN-GOOD*")
        .doesNotContain("9999999999");
  }

  @Test
  void aFullBatchDoesNotWaitForTheSchedule() {
    when(repository.waiting()).thenReturn(new ArrayList<>(List.of(
        new ClaimBatchRepository.Waiting("CMA", ClaimType.PROFESSIONAL, 1))));
    assertThat(batches(2).fullBatchWaiting()).isFalse();
    when(repository.waiting()).thenReturn(List.of(new ClaimBatchRepository.Waiting("CMA", ClaimType.PROFESSIONAL, 2)));
    assertThat(batches(2).fullBatchWaiting()).isTrue();
  }

  @Test
  void inboundFilesAreToldApartByTheirSetAndGuide() {
    String isa = "ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*REVCYCLE       *261127*1000*^*00501*000000001*0*T*:~";
    assertThat(ClearinghouseInbox.kind((isa + "GS*FA*A*B*20261127*1000*1*X*005010X231A1~ST*999*0001~").getBytes()))
        .isEqualTo("999");
    assertThat(ClearinghouseInbox.kind((isa + "GS*HN*A*B*20261127*1000*1*X*005010X214~ST*277*0001*005010X214~").getBytes()))
        .isEqualTo("277CA");
    assertThat(ClearinghouseInbox.kind((isa + "GS*HP*A*B*20261127*1000*1*X*005010X221A1~ST*835*0001~").getBytes()))
        .isEqualTo("835");
    assertThat(ClearinghouseInbox.kind("not x12".getBytes())).isEqualTo("unknown");
  }
}
