package com.feedbacksync.application.fakes;

import com.feedbacksync.application.model.ClaimedEvent;
import com.feedbacksync.application.model.OutboundEvent;
import com.feedbacksync.application.port.out.EventOutbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A fake of the {@link EventOutbox} port on a test's clock, noting its writes in a journal. */
public final class InMemoryEventOutbox implements EventOutbox {

  /** One kept event, as the table's row has it. */
  public static final class Row {
    public final OutboundEvent event;
    public String state = "PENDING";
    public int attempts;
    public Instant due;
    public Optional<String> claim = Optional.empty();
    public Instant claimedUntil = Instant.MIN;
    public String lastError;
    public Instant deliveredAt;
    public final List<Duration> delays = new ArrayList<>();

    Row(OutboundEvent event, Instant due) {
      this.event = event;
      this.due = due;
    }
  }

  private final Clock clock;
  private final RecordingTransactions transactions;
  public final Map<String, Row> rows = new LinkedHashMap<>();

  public InMemoryEventOutbox(Clock clock, RecordingTransactions transactions) {
    this.clock = clock;
    this.transactions = transactions;
  }

  @Override
  public synchronized void record(OutboundEvent event) {
    transactions.note("record " + event.type().wireName());
    rows.put(event.id(), new Row(event, clock.instant()));
  }

  /** The events recorded so far, oldest first. */
  public synchronized List<OutboundEvent> events() {
    return rows.values().stream().map(r -> r.event).toList();
  }

  @Override
  public synchronized List<ClaimedEvent> claimDue(int limit, Duration claimFor) {
    Instant now = clock.instant();
    List<ClaimedEvent> claimed = new ArrayList<>();
    for (Row row : rows.values()) {
      if (claimed.size() == limit) {
        break;
      }
      if (row.state.equals("PENDING") && !row.due.isAfter(now) && row.claimedUntil.isBefore(now)) {
        row.claim = Optional.of(UUID.randomUUID().toString());
        row.claimedUntil = now.plus(claimFor);
        claimed.add(new ClaimedEvent(row.event, row.attempts, row.claim.get()));
      }
    }
    return claimed;
  }

  private Optional<Row> held(ClaimedEvent event) {
    Row row = rows.get(event.event().id());
    return row != null && row.claim.equals(Optional.of(event.claim()))
        ? Optional.of(row)
        : Optional.empty();
  }

  @Override
  public synchronized boolean delivered(ClaimedEvent event, int attempts) {
    return held(event)
        .map(
            r -> {
              r.deliveredAt = clock.instant();
              return mark(r, "DELIVERED", attempts, null);
            })
        .isPresent();
  }

  @Override
  public synchronized boolean retryLater(
      ClaimedEvent event, int attempts, Duration delay, String lastError) {
    return held(event)
        .map(
            r -> {
              mark(r, "PENDING", attempts, lastError);
              r.due = clock.instant().plus(delay);
              r.delays.add(delay);
              return r;
            })
        .isPresent();
  }

  @Override
  public synchronized boolean gaveUp(ClaimedEvent event, int attempts, String lastError) {
    return held(event)
        .map(r -> mark(r, "GAVE_UP", attempts, lastError))
        .map(r -> r.due = clock.instant())
        .isPresent();
  }

  private static Row mark(Row row, String state, int attempts, String lastError) {
    row.state = state;
    row.attempts = attempts;
    row.lastError = lastError;
    row.claim = Optional.empty();
    row.claimedUntil = Instant.MIN;
    return row;
  }

  @Override
  public synchronized int pruneGivenUp(Duration age) {
    // A given-up row's due time is when it was given up, as in the database.
    return prune("GAVE_UP", row -> row.due, age);
  }

  @Override
  public synchronized int pruneDelivered(Duration age) {
    return prune("DELIVERED", row -> row.deliveredAt, age);
  }

  private int prune(String state, java.util.function.Function<Row, Instant> since, Duration age) {
    Instant before = clock.instant().minus(age);
    int size = rows.size();
    rows.values().removeIf(row -> row.state.equals(state) && since.apply(row).isBefore(before));
    return size - rows.size();
  }
}
