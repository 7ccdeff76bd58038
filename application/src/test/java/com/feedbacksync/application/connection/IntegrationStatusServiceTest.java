package com.feedbacksync.application.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.fakes.InMemorySyncRuns;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.port.in.ViewIntegrationUseCase.IntegrationStatus;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.Schedules;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntegrationStatusServiceTest {

  private static final AccountId ACME = new AccountId("acme");
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  private final InMemoryConnections connections = new InMemoryConnections();
  private final InMemorySyncRuns runs = new InMemorySyncRuns();
  private final IntegrationStatusService service =
      new IntegrationStatusService(
          connections,
          runs,
          Schedules.DEFAULT,
          Clock.fixed(NOW, ZoneOffset.UTC),
          com.feedbacksync.application.schedule.FailureBackoff.DEFAULT);

  private void connect(ConnectionState state, HistoryCoverage coverage) {
    connections.save(
        InMemoryConnections.connection(ACME, state, NOW.minusSeconds(86_400), coverage));
  }

  private void ran(SyncKind kind, Instant at) {
    runs.finish(runs.start(ACME, kind, at, "test"), new SyncOutcome.Completed(RunCounts.NONE), at);
  }

  @Test
  void the_next_sync_is_an_hour_after_the_last_hourly_one() {
    connect(ConnectionState.CONNECTED, new HistoryCoverage.Complete());
    ran(SyncKind.FIRST, NOW.minusSeconds(7200));
    ran(SyncKind.HOURLY, NOW.minusSeconds(600));
    IntegrationStatus status = service.status(ACME);
    assertEquals(Optional.of(NOW.minusSeconds(600)), status.lastSync());
    assertEquals(Optional.of(NOW.plusSeconds(3000)), status.nextSync());
  }

  @Test
  void until_the_first_sync_finishes_it_is_due_now() {
    connect(ConnectionState.CONNECTED, new HistoryCoverage.NotYet());
    ran(SyncKind.FIRST, NOW.minusSeconds(60));
    IntegrationStatus status = service.status(ACME);
    assertEquals(Optional.of(NOW.minusSeconds(60)), status.lastSync());
    assertEquals(Optional.of(NOW), status.nextSync());
  }

  @Test
  void a_connection_needing_reconnection_has_no_next_sync() {
    connect(ConnectionState.NEEDS_REAUTH, new HistoryCoverage.Complete());
    assertEquals(Optional.empty(), service.status(ACME).nextSync());
    assertEquals(Optional.empty(), service.status(new AccountId("nobody")).nextSync());
  }

  @Test
  void runs_are_found_only_in_their_account_and_listed_within_bounds() {
    ran(SyncKind.FIRST, NOW);
    String id = runs.recent(ACME, 1).get(0).id();
    assertEquals(id, service.run(ACME, id).orElseThrow().id());
    assertEquals(Optional.empty(), service.run(new AccountId("other"), id));
    assertEquals(1, service.runs(ACME, 100).size());
    assertThrows(IllegalArgumentException.class, () -> service.runs(ACME, 0));
  }
}
