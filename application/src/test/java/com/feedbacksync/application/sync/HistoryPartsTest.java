package com.feedbacksync.application.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoryPartsTest {

  private static final HistoryParts PARTS = new HistoryParts(8, 256, Duration.ofMillis(100));

  @ParameterizedTest(name = "{0} rows, {1} ms after the last commit: {2}")
  @CsvSource({
    "0, 5000, false", // nothing to commit
    "7, 5000, false", // too few rows, however long ago
    "8, 99, false", // enough rows, too soon
    "8, 100, true",
    "200, 10, false", // Intercom answers fast: the part grows
    "255, 0, false",
    "256, 0, true", // but not past the most rows
    "900, 0, true"
  })
  void a_part_is_committed_once_it_has_enough_rows_and_time_or_the_most_rows(
      int rows, long millis, boolean due) {
    assertEquals(due, PARTS.due(rows, Duration.ofMillis(millis)));
  }

  @ParameterizedTest
  @CsvSource({"0, 8, 0", "9, 8, 0", "8, 8, -1"})
  void refuses_parts_that_could_never_be_cut(int min, int max, long millis) {
    assertThrows(
        IllegalArgumentException.class,
        () -> new HistoryParts(min, max, Duration.ofMillis(millis)));
  }
}
