package com.feedbacksync.application.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.fakes.FollowingClock;
import com.feedbacksync.application.model.ConnectionCounts;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.SyncRecency;
import com.feedbacksync.application.port.out.ConnectionCensus;
import com.feedbacksync.domain.sync.SyncLag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountCensusServiceTest {

  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

  private Instant now = NOW;

  /** The database's answers; null while it is down. */
  private Map<ConnectionState, Long> byState =
      Map.of(ConnectionState.CONNECTED, 3L, ConnectionState.NEEDS_REAUTH, 1L);

  private List<SyncRecency> recency =
      List.of(
          // connected three hours ago, synced ten minutes ago
          new SyncRecency(NOW.minusSeconds(3 * 3600), Optional.of(NOW.minusSeconds(600))),
          // connected three hours ago, never synced
          new SyncRecency(NOW.minusSeconds(3 * 3600), Optional.empty()),
          // connected a day ago, last synced three hours ago
          new SyncRecency(NOW.minusSeconds(86_400), Optional.of(NOW.minusSeconds(3 * 3600))));

  private int queries;

  private final ConnectionCensus census =
      new ConnectionCensus() {
        @Override
        public Map<ConnectionState, Long> accountsByState() {
          queries++;
          if (byState == null) {
            throw new IllegalStateException("the database is down");
          }
          return byState;
        }

        @Override
        public List<SyncRecency> connectedRecency() {
          return recency;
        }
      };

  private final AccountCensusService service =
      new AccountCensusService(
          census, SyncLag.DEFAULT, new FollowingClock(() -> now), Duration.ofSeconds(60));

  @Test
  void counts_every_state_and_the_connected_accounts_that_lag() {
    ConnectionCounts counts = service.recount().orElseThrow();
    assertEquals(3, counts.accounts(ConnectionState.CONNECTED));
    assertEquals(1, counts.accounts(ConnectionState.NEEDS_REAUTH));
    assertEquals(0, counts.accounts(ConnectionState.DISCONNECTED), "a state nobody is in is 0");
    assertEquals(2, counts.lagging(), "never synced, and synced three hours ago");
    assertEquals(NOW, counts.takenAt());
  }

  @Test
  void a_failing_database_keeps_the_last_count_while_it_is_recent_then_shows_none() {
    ConnectionCounts before = service.recount().orElseThrow();
    byState = null;
    now = NOW.plusSeconds(30);
    assertEquals(Optional.of(before), service.recount(), "30 s old: still shown");
    now = NOW.plusSeconds(60);
    assertEquals(Optional.of(before), service.recount(), "exactly as old as allowed");
    now = NOW.plusSeconds(61);
    assertEquals(Optional.empty(), service.recount(), "older: none rather than a stale one");
    byState = Map.of(ConnectionState.DISCONNECTED, 5L);
    recency = List.of();
    ConnectionCounts back = service.recount().orElseThrow();
    assertEquals(5, back.accounts(ConnectionState.DISCONNECTED));
    assertEquals(0, back.lagging());
  }

  @Test
  void a_database_down_from_the_start_gives_no_count_and_no_failure() {
    byState = null;
    assertEquals(Optional.empty(), service.recount());
    assertTrue(queries > 0, "it did ask");
  }
}
