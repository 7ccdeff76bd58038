package com.feedbacksync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The time line of calls the rate limiter decided on: times, endpoints, 429s, reset. */
class CallTimelineTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:03Z"));
  private IntercomSimulator sim;

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void records_each_call_at_the_time_that_put_it_in_its_window_with_its_verdict() {
    sim =
        IntercomSimulator.start(
            SimulatorConfig.defaults(11, 20).withRatePerMinute(60).withClock(clock));
    SimClient client = new SimClient(sim.baseUri(), "sim-token");
    long first = Instant.parse("2026-11-27T10:00:03Z").toEpochMilli();
    for (int i = 0; i < 12; i++) {
      client.get("/me"); // 10 a window: the 11th and 12th get a 429
    }
    clock.advance(Duration.ofSeconds(7));
    client.get("/tags");

    List<TimedCall> timeline = sim.callTimeline();
    assertEquals(13, timeline.size());
    for (int i = 0; i < 10; i++) {
      assertEquals(new TimedCall(first, "GET /me", false), timeline.get(i), "call " + i);
    }
    assertEquals(new TimedCall(first, "GET /me", true), timeline.get(10));
    assertEquals(new TimedCall(first, "GET /me", true), timeline.get(11));
    assertEquals(new TimedCall(first + 7_000, "GET /tags", false), timeline.get(12));

    sim.resetCounters();
    assertTrue(sim.callTimeline().isEmpty(), "a reset starts the time line over");
  }

  @Test
  void leaves_out_calls_refused_before_the_limit() {
    sim =
        IntercomSimulator.start(
            SimulatorConfig.defaults(11, 20).withRatePerMinute(60).withClock(clock));
    new SimClient(sim.baseUri(), "not-a-token").get("/me");
    assertEquals(1, sim.counters().apiCalls(), "counted as a call");
    assertFalse(
        sim.callTimeline().stream().anyMatch(c -> c.endpoint().equals("GET /me")),
        "a 401 uses no rate-limit budget");
  }
}
