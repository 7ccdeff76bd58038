package com.feedbacksync.domain.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyncLagTest {

  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

  /** Times are given as they read on a clock at noon; an empty success means never. */
  @ParameterizedTest(name = "connected {0}, last success {1}: lagging {2}")
  @CsvSource({
    // never succeeded: the connection's age decides
    "09:00:00, , true",
    "09:59:59.999, , true",
    "10:00:00, , false",
    "10:00:00.001, , false",
    "11:59:00, , false",
    // succeeded since connecting: the success's age decides
    "06:00:00, 09:59:59, true",
    "06:00:00, 09:59:59.999, true",
    "06:00:00, 10:00:00, false",
    "06:00:00, 11:30:00, false",
    // a success from before a reconnect counts for nothing
    "10:30:00, 10:20:00, false",
    "09:30:00, 09:00:00, true",
    "09:30:00, 11:50:00, false",
    // a success at the very instant of connecting
    "09:00:00, 09:00:00, true",
    "10:00:00, 10:00:00, false"
  })
  void an_account_lags_when_more_than_two_hours_passed_without_a_success(
      String connected, String lastSuccess, boolean lagging) {
    assertEquals(
        lagging,
        SyncLag.DEFAULT.lagging(
            NOW, at(connected), Optional.ofNullable(lastSuccess).map(SyncLagTest::at)));
  }

  @Test
  void the_limit_is_positive() {
    assertThrows(IllegalArgumentException.class, () -> new SyncLag(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new SyncLag(Duration.ofMinutes(-1)));
  }

  private static Instant at(String time) {
    return Instant.parse("2026-12-02T" + time + "Z");
  }
}
