package com.feedbacksync.domain.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.intercom.ConversationId;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoryCoverageTest {

  private static HistoryCoverage coverage(String name) {
    return switch (name) {
      case "not yet" -> new HistoryCoverage.NotYet();
      case "down to" ->
          new HistoryCoverage.DownTo(
              new HistoryPosition(Instant.ofEpochSecond(1_700_000_000L), new ConversationId("7")));
      case "complete" -> new HistoryCoverage.Complete();
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** The scheduler's rule, from the product's promise: the Start plan keeps its recent history. */
  @ParameterizedTest(name = "{0} on {1}: history owed {2}, backfill owed {3}")
  @CsvSource({
    "not yet,  START, true,  false",
    "not yet,  PAID,  true,  false",
    "down to,  START, false, false",
    "down to,  PAID,  true,  true",
    "complete, START, false, false",
    "complete, PAID,  false, false",
  })
  void owes_history_by_coverage_and_plan(
      String coverage, Plan plan, boolean historyOwed, boolean backfillOwed) {
    assertEquals(historyOwed, coverage(coverage).owesHistory(plan));
    assertEquals(backfillOwed, coverage(coverage).owesBackfill(plan));
  }
}
