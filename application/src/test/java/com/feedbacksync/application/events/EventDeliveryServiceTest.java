package com.feedbacksync.application.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.fakes.FollowingClock;
import com.feedbacksync.application.fakes.InMemoryEventOutbox;
import com.feedbacksync.application.fakes.RecordingTransactions;
import com.feedbacksync.application.model.DeliveryResult;
import com.feedbacksync.application.model.EventType;
import com.feedbacksync.application.model.OutboundEvent;
import com.feedbacksync.domain.account.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outbox's delivery: retried with backoff on trouble, delivered once, given up in bounds. */
class EventDeliveryServiceTest {

  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  private static final DeliveryBackoff BACKOFF =
      new DeliveryBackoff(Duration.ofSeconds(10), Duration.ofHours(1));

  private Instant now = T0;
  private final FollowingClock clock = new FollowingClock(() -> now);
  private final InMemoryEventOutbox outbox =
      new InMemoryEventOutbox(clock, new RecordingTransactions());
  private final Deque<DeliveryResult> answers = new ArrayDeque<>();
  private final List<String> sent = new ArrayList<>();

  /** Held here: JUL keeps only weak references to its loggers. */
  private final Logger logger = Logger.getLogger(EventDeliveryService.class.getName());

  private final List<LogRecord> lines = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    logger.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(capture);
  }

  private EventDeliveryService service(int maxAttempts, Duration maxAge) {
    return new EventDeliveryService(
        outbox,
        event -> {
          sent.add(event.id());
          return answers.isEmpty() ? new DeliveryResult.Delivered(200) : answers.poll();
        },
        clock,
        new DeliveryPolicy(
            10,
            Duration.ofMinutes(5),
            maxAttempts,
            maxAge,
            Duration.ofDays(7),
            Duration.ofDays(30),
            BACKOFF),
        () -> 0.0);
  }

  private void event(String id) {
    outbox.record(
        new OutboundEvent(
            id, EventType.CONNECTION_CONNECTED, now, new AccountId("acme"), Map.of("w", "1")));
  }

  /** Ticks every second for {@code seconds}, as the timer would. */
  private void run(EventDeliveryService service, int seconds) {
    for (int i = 0; i < seconds; i++) {
      service.deliverDue();
      now = now.plusSeconds(1);
    }
  }

  private List<LogRecord> warnings() {
    return lines.stream().filter(l -> l.getLevel() == Level.WARNING).toList();
  }

  @ParameterizedTest(name = "attempt {0}, jitter {1}: wait {2} ms")
  @CsvSource({
    "1, 0.0, 10000",
    "2, 0.0, 20000",
    "3, 0.0, 40000",
    "9, 0.0, 2560000",
    "10, 0.0, 3600000",
    "40, 0.0, 3600000",
    "1, 0.5, 8750",
    "3, 0.999, 30010",
    "10, 0.999, 2700900",
  })
  void the_wait_doubles_per_attempt_up_to_the_cap_and_jitter_takes_at_most_a_quarter(
      int attempts, double jitter, long millis) {
    assertEquals(Duration.ofMillis(millis), BACKOFF.delay(attempts, jitter));
  }

  @Test
  void a_jitter_or_an_attempt_out_of_range_is_refused() {
    assertThrows(IllegalArgumentException.class, () -> BACKOFF.delay(0, 0));
    assertThrows(IllegalArgumentException.class, () -> BACKOFF.delay(1, 1.0));
    assertThrows(IllegalArgumentException.class, () -> BACKOFF.delay(1, -0.1));
  }

  @Test
  void two_500s_then_a_200_deliver_the_event_once_after_two_backed_off_retries() {
    event("e1");
    answers.add(new DeliveryResult.Retry("answered 500"));
    answers.add(new DeliveryResult.Retry("answered 500"));

    run(service(10, Duration.ofDays(1)), 60);

    InMemoryEventOutbox.Row row = outbox.rows.get("e1");
    assertEquals(List.of("e1", "e1", "e1"), sent);
    assertEquals("DELIVERED", row.state);
    assertEquals(3, row.attempts);
    assertEquals(List.of(Duration.ofSeconds(10), Duration.ofSeconds(20)), row.delays);
    assertEquals(T0.plusSeconds(30), row.deliveredAt, "sent again exactly when due");
    assertEquals(List.of(), warnings());
  }

  @Test
  void a_receiver_that_keeps_failing_is_given_up_after_the_attempts_with_one_warning() {
    event("e1");
    for (int i = 0; i < 10; i++) {
      answers.add(new DeliveryResult.Retry("answered 503"));
    }

    run(service(4, Duration.ofDays(1)), 600);

    InMemoryEventOutbox.Row row = outbox.rows.get("e1");
    assertEquals(4, sent.size());
    assertEquals("GAVE_UP", row.state);
    assertEquals("answered 503", row.lastError);
    assertEquals(1, warnings().size(), lines.toString());
    String warning = warnings().get(0).getMessage();
    assertTrue(
        warning.contains("id=e1") && warning.contains("attempts=4") && warning.contains("503"),
        warning);
  }

  @Test
  void an_event_whose_next_attempt_would_pass_the_maximum_age_is_given_up() {
    event("e1");
    for (int i = 0; i < 10; i++) {
      answers.add(new DeliveryResult.Retry("connection refused"));
    }

    run(service(100, Duration.ofSeconds(60)), 600);

    // Waits 10, 20: at 30 s the next wait (40 s) would end past 60 s.
    assertEquals(3, sent.size());
    assertEquals("GAVE_UP", outbox.rows.get("e1").state);
    assertEquals(1, warnings().size());
  }

  @Test
  void a_refusal_is_given_up_at_once_and_a_throwing_receiver_is_retried() {
    event("refused");
    event("thrown");
    answers.add(new DeliveryResult.Refused("answered 400"));
    EventDeliveryService service =
        new EventDeliveryService(
            outbox,
            event -> {
              sent.add(event.id());
              if (event.id().equals("thrown") && sent.size() == 2) {
                throw new IllegalStateException("bug");
              }
              return answers.isEmpty() ? new DeliveryResult.Delivered(204) : answers.poll();
            },
            clock,
            new DeliveryPolicy(
                10,
                Duration.ofMinutes(5),
                10,
                Duration.ofDays(1),
                Duration.ofDays(7),
                Duration.ofDays(30),
                BACKOFF),
            () -> 0.0);

    run(service, 30);

    assertEquals(List.of("refused", "thrown", "thrown"), sent);
    assertEquals("GAVE_UP", outbox.rows.get("refused").state);
    assertEquals("DELIVERED", outbox.rows.get("thrown").state);
  }

  @Test
  void a_pass_takes_at_most_a_batch_and_delivered_events_are_pruned_after_the_retention() {
    for (int i = 0; i < 25; i++) {
      event("e" + i);
    }
    EventDeliveryService service = service(10, Duration.ofDays(1));
    assertEquals(10, service.deliverDue());
    assertEquals(10, service.deliverDue());
    assertEquals(5, service.deliverDue());
    assertEquals(0, service.prune());
    now = now.plus(Duration.ofDays(7)).plusSeconds(1);
    assertEquals(25, service.prune());
  }

  @Test
  void given_up_events_are_kept_thirty_days_from_when_they_were_given_up_then_pruned() {
    EventDeliveryService service = service(10, Duration.ofDays(100));
    event("refused");
    // Nothing was sent for 20 days (say the receiver's settings were wrong), then it was refused.
    now = now.plus(Duration.ofDays(20));
    answers.add(new DeliveryResult.Refused("answered 410"));
    service.deliverDue();
    event("delivered");
    service.deliverDue();
    assertEquals("GAVE_UP", outbox.rows.get("refused").state);
    assertEquals("DELIVERED", outbox.rows.get("delivered").state);

    now = now.plus(Duration.ofDays(8));
    assertEquals(1, service.prune(), "the delivered one, after its 7 days");
    assertEquals(
        "GAVE_UP",
        outbox.rows.get("refused").state,
        "kept: given up 8 days ago, though it happened 28 days ago");
    now = now.plus(Duration.ofDays(22)).plusSeconds(1);
    assertEquals(1, service.prune());
    assertTrue(outbox.rows.isEmpty());
  }
}
