package com.feedbacksync.application.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.fakes.FollowingClock;
import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.fakes.InMemoryEventOutbox;
import com.feedbacksync.application.fakes.InMemorySyncRuns;
import com.feedbacksync.application.fakes.RecordingTransactions;
import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionIdentity;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.EventType;
import com.feedbacksync.application.model.OutboundEvent;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.sync.HistoryCoverage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which state changes emit which event, each in the transaction of its change. */
class RepositoryEventsTest {

  private static final AccountId ACME = new AccountId("acme");
  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

  private final RecordingTransactions transactions = new RecordingTransactions();
  private final InMemoryEventOutbox outbox =
      new InMemoryEventOutbox(new FollowingClock(() -> NOW), transactions);
  private final InMemoryConnections storedConnections = new InMemoryConnections();
  private final InMemorySyncRuns storedRuns = new InMemorySyncRuns(storedConnections);
  private final AtomicInteger ids = new AtomicInteger();

  private RepositoryEvents events(int failingAfter) {
    return new RepositoryEvents(
        outbox,
        transactions,
        new FollowingClock(() -> NOW),
        failingAfter,
        () -> "evt-" + ids.incrementAndGet());
  }

  private Connections connections() {
    return events(3).connections(transactions.journaled(Connections.class, storedConnections));
  }

  private SyncRuns runs(int failingAfter) {
    return events(failingAfter).runs(transactions.journaled(SyncRuns.class, storedRuns));
  }

  private static Connection connected() {
    return InMemoryConnections.connection(
        ACME, ConnectionState.CONNECTED, NOW, new HistoryCoverage.NotYet());
  }

  private List<EventType> types() {
    return outbox.events().stream().map(OutboundEvent::type).toList();
  }

  /** The event and the write that caused it ran in one transaction, a real one. */
  private void sameTransaction(String write, EventType event) {
    int ofEvent = transactions.transactionOf("record " + event.wireName());
    assertTrue(ofEvent > 0, "the event was written outside a transaction: " + transactions.journal);
    assertTrue(
        transactions.journal.contains(new RecordingTransactions.Call(ofEvent, write)),
        "no " + write + " in the event's transaction: " + transactions.journal);
  }

  @Test
  void connecting_emits_connection_connected_with_the_workspace_in_the_saves_transaction() {
    connections().save(connected());

    assertEquals(List.of(EventType.CONNECTION_CONNECTED), types());
    OutboundEvent event = outbox.events().get(0);
    assertEquals(ACME, event.account());
    assertEquals(NOW, event.occurredAt());
    assertEquals("evt-1", event.id());
    assertEquals(
        Map.of("workspaceId", "w", "workspaceName", "W", "region", "US", "connectedBy", "ada"),
        event.data());
    sameTransaction("save", EventType.CONNECTION_CONNECTED);
  }

  @Test
  void disconnecting_emits_connection_disconnected_once_and_nothing_for_no_connection() {
    Connections connections = connections();
    storedConnections.save(connected());

    connections.remove(ACME);
    connections.remove(ACME);

    assertEquals(List.of(EventType.CONNECTION_DISCONNECTED), types());
    assertEquals(Map.of("workspaceId", "w"), outbox.events().get(0).data());
    sameTransaction("remove", EventType.CONNECTION_DISCONNECTED);
  }

  @Test
  void a_refused_token_emits_needs_reauth_once_in_the_transition_s_transaction() {
    Connections connections = connections();
    storedConnections.save(connected());
    ConnectionIdentity identity = connected().identity();

    assertTrue(connections.recordFailure(identity, ConnectionState.NEEDS_REAUTH, "revoked"));
    assertTrue(connections.recordFailure(identity, ConnectionState.NEEDS_REAUTH, "again"));

    assertEquals(List.of(EventType.CONNECTION_NEEDS_REAUTH), types());
    assertEquals(Map.of("workspaceId", "w", "reason", "revoked"), outbox.events().get(0).data());
    sameTransaction("recordFailure", EventType.CONNECTION_NEEDS_REAUTH);
  }

  @Test
  void an_ordinary_failure_or_a_connection_that_no_longer_stands_emits_nothing() {
    Connections connections = connections();
    storedConnections.save(connected());
    ConnectionIdentity identity = connected().identity();
    ConnectionIdentity older =
        new ConnectionIdentity(identity.account(), identity.workspace(), identity.grant() + 1);

    assertTrue(connections.recordFailure(identity, ConnectionState.CONNECTED, "Intercom 500"));
    assertEquals(false, connections.recordFailure(older, ConnectionState.NEEDS_REAUTH, "old"));

    assertEquals(List.of(), types());
  }

  @Test
  void a_completed_first_sync_emits_first_completed_with_its_counts_and_nothing_else_does() {
    SyncRuns runs = runs(3);
    RunCounts counts = new RunCounts(120, 100, 20, 0, 0, 0, 60, 130, 0, 2, 0);
    String cancelled = runs.start(ACME, SyncKind.FIRST, NOW, "s");
    runs.finish(cancelled, new SyncOutcome.Cancelled("disconnected", RunCounts.NONE), NOW);
    String first = runs.start(ACME, SyncKind.FIRST, NOW, "s");
    runs.finish(first, new SyncOutcome.Completed(counts), NOW);
    String hourly = runs.start(ACME, SyncKind.HOURLY, NOW, "s");
    runs.finish(hourly, new SyncOutcome.Completed(counts), NOW);

    assertEquals(List.of(EventType.SYNC_FIRST_COMPLETED), types());
    assertEquals(
        Map.of(
            "runId", first,
            "kept", 100L,
            "skippedWithoutReply", 20L,
            "profiles", 60L,
            "unreadable", 2L),
        outbox.events().get(0).data());
    sameTransaction("finish", EventType.SYNC_FIRST_COMPLETED);
  }

  /**
   * Runs end in order (F failed, W a failed webhook re-sync, C completed, I closed as interrupted;
   * N: Intercom connected anew, another workspace or after a disconnect); the event comes after the
   * run whose 1-based position is listed, once per failing streak.
   */
  @ParameterizedTest(name = "after {0} failures: {1} -> events after runs {2}")
  @CsvSource({
    "3, F F F F F, 3",
    "3, F F C F F F F, 6",
    "3, F F F C F F F, 3 7",
    "3, F W F W F, 5",
    "1, F F C F, 1 4",
    "3, F F I, 3",
    "5, F F F F, ''",
    "3, F F N F F F, 6",
    "3, F F F N F F F, 3 7",
  })
  void sync_failing_comes_once_per_streak_when_it_reaches_its_length(
      int failingAfter, String ends, String expected) {
    SyncRuns runs = runs(failingAfter);
    List<String> sequence = List.of(ends.split(" "));
    StringBuilder after = new StringBuilder();
    for (int i = 0; i < sequence.size(); i++) {
      int before = outbox.events().size();
      String end = sequence.get(i);
      if (end.equals("N")) {
        storedConnections.save(
            InMemoryConnections.connection(
                ACME, ConnectionState.CONNECTED, NOW.plusSeconds(i), new HistoryCoverage.NotYet()));
      } else if (end.equals("I")) {
        runs.start(ACME, SyncKind.HOURLY, NOW, "a server that died");
        // A fresh decorator: the interrupted run was another server's.
        runs(failingAfter).interrupted(ACME, NOW.plusSeconds(i), "interrupted");
      } else {
        SyncKind kind = end.equals("W") ? SyncKind.WEBHOOK : SyncKind.HOURLY;
        String run = runs.start(ACME, kind, NOW.plusSeconds(i), "s");
        runs.finish(
            run,
            end.equals("C")
                ? new SyncOutcome.Completed(RunCounts.NONE)
                : new SyncOutcome.Failed("Intercom answered 503", RunCounts.NONE),
            NOW.plusSeconds(i));
      }
      if (outbox.events().size() > before) {
        after.append(after.isEmpty() ? "" : " ").append(i + 1);
      }
    }
    assertEquals(expected, after.toString());
    assertTrue(types().stream().allMatch(t -> t == EventType.SYNC_FAILING), types().toString());
    if (!outbox.events().isEmpty()) {
      Map<String, Object> data = outbox.events().get(0).data();
      assertEquals((long) failingAfter, data.get("failures"));
      assertEquals("HOURLY", data.get("kind"));
    }
  }

  @Test
  void sync_failing_is_written_in_the_failed_runs_transaction_with_its_reason() {
    SyncRuns runs = runs(2);
    for (int i = 0; i < 2; i++) {
      String run = runs.start(ACME, SyncKind.HOURLY, NOW, "s");
      runs.finish(run, new SyncOutcome.Failed("Intercom answered 503", RunCounts.NONE), NOW);
    }
    assertEquals(List.of(EventType.SYNC_FAILING), types());
    assertEquals("Intercom answered 503", outbox.events().get(0).data().get("reason"));
    assertEquals("run-2", outbox.events().get(0).data().get("runId"));
    sameTransaction("finish", EventType.SYNC_FAILING);
    long transactionsOfFinishes =
        transactions.journal.stream()
            .filter(c -> c.what().equals("finish"))
            .map(RecordingTransactions.Call::transaction)
            .distinct()
            .count();
    assertEquals(2, transactionsOfFinishes, "each finish its own: " + transactions.journal);
  }

  @Test
  void a_streak_length_the_runs_do_not_count_is_refused() {
    assertThrows(IllegalArgumentException.class, () -> events(0));
    assertThrows(IllegalArgumentException.class, () -> events(SyncRuns.FailureStreak.COUNTED + 1));
  }
}
