package com.feedbacksync.adapters.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pacing's own waits are counted, each with its length; a 429's wait is not one of them. */
class PacerTest {

  /** 50 ms before the window that Intercom's Reset header names below begins. */
  private static final Instant NOW = Instant.ofEpochMilli(1_800_000_000_950L);

  private static final String NEXT_WINDOW = "1800000001";

  private final List<Duration> waits = new ArrayList<>();
  private final Pacer pacer = new Pacer(Clock.fixed(NOW, ZoneOffset.UTC), waits::add);

  private static Reply answer(int status, String remaining) {
    return new Reply(
        status,
        Map.of(
            "X-RateLimit-Remaining", List.of(remaining), "X-RateLimit-Reset", List.of(NEXT_WINDOW)),
        new byte[0]);
  }

  @Test
  void a_call_within_the_budget_waits_for_nothing() throws Exception {
    pacer.acquire();
    pacer.observe(answer(200, "1"));
    pacer.acquire();
    assertEquals(List.of(), waits);
  }

  @Test
  void a_call_after_the_budget_is_spent_waits_for_the_next_window_and_the_wait_is_counted()
      throws Exception {
    pacer.acquire();
    pacer.observe(answer(200, "0"));
    pacer.acquire();
    assertEquals(1, waits.size(), "one wait: " + waits);
    // The window opens 50 ms after NOW; the pacer adds 20 to 120 ms so clocks apart agree.
    long millis = waits.get(0).toMillis();
    assertTrue(millis >= 50 + 20 && millis < 50 + 120, millis + " ms");
  }

  @Test
  void a_429s_wait_is_no_pacing_wait() throws Exception {
    pacer.acquire();
    pacer.rateLimited(answer(429, "0"));
    assertEquals(List.of(), waits, "the 429s are counted by the call meter, not here");
  }
}
