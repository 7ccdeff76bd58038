package com.feedbacksync.application.events;

import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.EventOutbox;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.application.port.out.SyncRuns.FailureStreak;
import com.feedbacksync.application.port.out.Transactions;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Where events are born: wraps the ports whose writes are the state changes the research repository
 * hears about, so that each change and its event commit in one transaction. When events are off (no
 * receiver configured) the ports are handed back as they are: nothing is written.
 */
public final class RepositoryEvents {

  private final EventWriter writer;
  private final Transactions transactions;
  private final int failingAfter;

  /**
   * @param failingAfter how many failed runs in a row make {@code sync.failing} (1 to {@link
   *     FailureStreak#COUNTED})
   */
  public RepositoryEvents(
      EventOutbox outbox,
      Transactions transactions,
      Clock clock,
      int failingAfter,
      Supplier<String> ids) {
    if (failingAfter < 1 || failingAfter > FailureStreak.COUNTED) {
      throw new IllegalArgumentException(
          "sync.failing comes after 1 to " + FailureStreak.COUNTED + " failed runs in a row");
    }
    this.writer = new EventWriter(outbox, clock, ids);
    this.transactions = Objects.requireNonNull(transactions);
    this.failingAfter = failingAfter;
  }

  public RepositoryEvents(
      EventOutbox outbox, Transactions transactions, Clock clock, int failingAfter) {
    this(outbox, transactions, clock, failingAfter, () -> UUID.randomUUID().toString());
  }

  /** Connect, the 401's NEEDS_REAUTH and disconnect emit their events. */
  public Connections connections(Connections connections) {
    return new EventfulConnections(connections, transactions, writer);
  }

  /** A first sync's completion and the Nth failed run in a row emit theirs. */
  public SyncRuns runs(SyncRuns runs) {
    return new EventfulSyncRuns(runs, transactions, writer, failingAfter);
  }
}
