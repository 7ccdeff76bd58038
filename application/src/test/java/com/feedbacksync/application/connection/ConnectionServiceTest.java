package com.feedbacksync.application.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.fakes.InMemoryOAuthStates;
import com.feedbacksync.application.fakes.InMemorySyncStore;
import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.SyncBatch;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.application.port.in.ConnectIntercomUseCase;
import com.feedbacksync.application.port.in.ConnectIntercomUseCase.ConnectOutcome;
import com.feedbacksync.application.port.in.ScheduleSyncsUseCase;
import com.feedbacksync.application.port.out.IntercomAuthorization;
import com.feedbacksync.application.port.out.IntercomFailure;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.AccessProbe;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.HistoryPosition;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionServiceTest {

  private static final AccountId ACME = new AccountId("acme");
  private static final Workspace WORKSPACE =
      new Workspace(new WorkspaceId("abc12345"), "Acme SaaS", Region.EU);

  private Instant now = Instant.parse("2026-11-27T10:00:00Z");
  private boolean planRestricted;
  private Workspace identified = WORKSPACE;
  private RuntimeException meFails;
  private final List<AccountId> syncsStarted = new ArrayList<>();
  private final InMemoryConnections connections = new InMemoryConnections();
  private final InMemorySyncStore store = new InMemorySyncStore();

  private final IntercomAuthorization intercom =
      new IntercomAuthorization() {
        @Override
        public String authorizeUrl(String state) {
          return "https://app.intercom.com/oauth?client_id=app&state=" + state;
        }

        @Override
        public AccessToken exchange(String code) {
          if (!code.endsWith("=")) {
            throw new IntercomFailure.Rejected("Unauthorized Code");
          }
          return new AccessToken("token-for-" + code);
        }

        @Override
        public Workspace identify(AccessToken token) {
          if (meFails != null) {
            throw meFails;
          }
          return identified;
        }

        @Override
        public AccessProbe probe(AccessToken token, Workspace workspace) {
          return planRestricted
              ? new AccessProbe.PlanRestricted(workspace, "Active subscription needed.")
              : new AccessProbe.Granted(workspace);
        }
      };

  private final ScheduleSyncsUseCase scheduler =
      new ScheduleSyncsUseCase() {
        @Override
        public void renewLeases() {
          throw new UnsupportedOperationException("no runs held here");
        }

        @Override
        public List<String> tick() {
          return List.of();
        }

        @Override
        public Optional<String> syncNow(AccountId account) {
          syncsStarted.add(account);
          return Optional.of("run-1");
        }

        @Override
        public void resyncWebhooksSoon() {
          throw new UnsupportedOperationException("no webhook arrives in these tests");
        }
      };

  private final ConnectionService connecting =
      new ConnectionService(
          intercom,
          new InMemoryOAuthStates(),
          connections,
          store,
          scheduler,
          new com.feedbacksync.application.fakes.FollowingClock(() -> now));

  /** The state the consent page's URL carries back: the one the use case says it is. */
  private String state(ConnectIntercomUseCase.Authorization started) {
    String fromUrl = URI.create(started.url()).getQuery().replaceAll(".*state=", "");
    assertEquals(started.state(), fromUrl);
    return fromUrl;
  }

  @Test
  void a_browsers_redirect_without_a_token_is_credited_to_the_admin_who_started() {
    String state = state(connecting.begin(ACME, "ada"));

    ConnectOutcome outcome = connecting.finish(state, "code123=", Optional.empty());

    ConnectOutcome.Connected connected = (ConnectOutcome.Connected) outcome;
    assertEquals(ACME, connected.account());
    assertEquals("ada", connected.admin(), "the audit trail and connectedBy name the starter");
  }

  @Test
  void connects_stores_the_token_and_starts_the_first_sync() {
    String state = state(connecting.begin(ACME, "ada"));
    ConnectOutcome outcome = connecting.finish(state, "code123=", Optional.of("ada"));

    assertEquals(
        new ConnectOutcome.Connected(ACME, "ada", WORKSPACE, Optional.of("run-1")), outcome);
    Connection connection = connections.find(ACME).orElseThrow();
    assertEquals(ConnectionState.CONNECTED, connection.state());
    assertEquals(
        "token-for-code123=", connection.token().value(), "the code is passed on with its '='");
    assertEquals("ada", connection.connectedBy());
    assertInstanceOf(HistoryCoverage.NotYet.class, connection.coverage());
    assertEquals(List.of(ACME), syncsStarted);
  }

  @Test
  void a_state_works_once_only_for_its_admin_and_only_for_ten_minutes() {
    String state = state(connecting.begin(ACME, "ada"));
    assertInstanceOf(
        ConnectOutcome.InvalidState.class, connecting.finish(state, "c=", Optional.of("mallory")));
    assertInstanceOf(
        ConnectOutcome.InvalidState.class,
        connecting.finish(state, "c=", Optional.of("ada")),
        "used up by the attempt");

    String late = state(connecting.begin(ACME, "ada"));
    now = now.plus(Duration.ofMinutes(11));
    assertInstanceOf(
        ConnectOutcome.InvalidState.class, connecting.finish(late, "c=", Optional.of("ada")));

    String replayed = state(connecting.begin(ACME, "ada"));
    assertInstanceOf(
        ConnectOutcome.Connected.class, connecting.finish(replayed, "c=", Optional.of("ada")));
    assertInstanceOf(
        ConnectOutcome.InvalidState.class, connecting.finish(replayed, "c=", Optional.of("ada")));
    assertInstanceOf(
        ConnectOutcome.InvalidState.class, connecting.finish("forged", "c=", Optional.of("ada")));
    assertInstanceOf(
        ConnectOutcome.InvalidState.class, connecting.finish(null, "c=", Optional.of("ada")));
  }

  @Test
  void refuses_a_workspace_without_api_access_at_connect_time_and_stores_nothing() {
    planRestricted = true;
    ConnectOutcome outcome =
        connecting.finish(state(connecting.begin(ACME, "ada")), "c=", Optional.of("ada"));
    assertTrue(((ConnectOutcome.Refused) outcome).reason().contains("without API access"));
    assertTrue(connections.find(ACME).isEmpty());
    assertTrue(syncsStarted.isEmpty());
  }

  @Test
  void a_code_intercom_refuses_is_a_refusal_not_an_error() {
    ConnectOutcome outcome =
        connecting.finish(state(connecting.begin(ACME, "ada")), "no-padding", Optional.of("ada"));
    assertInstanceOf(ConnectOutcome.Refused.class, outcome);
  }

  @Test
  void reconnecting_the_same_workspace_keeps_what_was_synced() {
    store.commit(ACME, historyDone(STARTED));
    connections.save(
        new Connection(
            ACME,
            WORKSPACE,
            new AccessToken("old"),
            ConnectionState.NEEDS_REAUTH,
            "bo",
            now.minusSeconds(86_400),
            new HistoryCoverage.Complete(),
            Optional.of("revoked")));
    connecting.finish(state(connecting.begin(ACME, "ada")), "c=", Optional.of("ada"));
    Connection c = connections.find(ACME).orElseThrow();
    assertEquals(ConnectionState.CONNECTED, c.state());
    assertInstanceOf(HistoryCoverage.Complete.class, c.coverage());
    assertEquals(now.minusSeconds(86_400), c.connectedAt());
    assertEquals(Optional.empty(), c.lastError());
  }

  @Test
  void disconnecting_keeps_or_purges_the_data_as_the_admin_chose() {
    connecting.finish(state(connecting.begin(ACME, "ada")), "c=", Optional.of("ada"));
    store.commit(
        ACME,
        new SyncBatch(
            SyncStream.HISTORY,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Checkpoint.START,
            RunCounts.NONE));
    connecting.disconnect(ACME, false);
    assertTrue(connections.find(ACME).isEmpty());
    assertEquals(
        Map.of(SyncStream.HISTORY, Checkpoint.START), store.data(ACME).checkpoints, "data kept");
    connecting.disconnect(ACME, true);
    assertTrue(store.data(ACME).checkpoints.isEmpty(), "data purged");
  }

  private static final HistoryPosition STARTED =
      new HistoryPosition(Instant.parse("2026-01-01T00:00:00Z"), new ConversationId("7"));

  private static SyncBatch historyDone(HistoryPosition oldest) {
    return new SyncBatch(
        SyncStream.HISTORY,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Checkpoint.history(
            Optional.empty(), Optional.empty(), 1, Optional.of(oldest), true, Optional.empty()),
        RunCounts.NONE);
  }

  @Test
  void the_browser_redirect_needs_no_token_the_state_names_the_admin_and_the_account() {
    String state = state(connecting.begin(ACME, "ada"));
    ConnectOutcome outcome = connecting.finish(state, "c=", Optional.empty());
    assertInstanceOf(ConnectOutcome.Connected.class, outcome);
    assertEquals("connected", outcome.code());
    assertEquals("ada", connections.find(ACME).orElseThrow().connectedBy());
  }

  @Test
  void reconnecting_after_a_disconnect_reads_coverage_from_the_finished_history_walk() {
    connecting.finish(state(connecting.begin(ACME, "ada")), "c=", Optional.empty());
    store.commit(ACME, historyDone(STARTED));
    connecting.disconnect(ACME, false);

    connecting.finish(state(connecting.begin(ACME, "ada")), "c=", Optional.empty());

    assertEquals(
        new HistoryCoverage.DownTo(STARTED),
        connections.find(ACME).orElseThrow().coverage(),
        "not 'not yet' behind a done checkpoint: the hourly sync runs again");
  }

  @Test
  void every_connect_draws_a_new_grant_so_runs_of_the_old_connection_cannot_write() {
    connecting.finish(state(connecting.begin(ACME, "ada")), "c=", Optional.empty());
    var first = connections.find(ACME).orElseThrow().identity();
    connecting.finish(state(connecting.begin(ACME, "ada")), "c=", Optional.empty());
    assertNotEquals(first, connections.find(ACME).orElseThrow().identity());
    assertFalse(connections.clearError(first));
  }

  @Test
  void another_workspace_starts_from_fresh_checkpoints_and_leaves_the_old_documents() {
    connecting.finish(state(connecting.begin(ACME, "ada")), "c=", Optional.empty());
    store.commit(
        ACME, historyDone(STARTED).guardedBy(connections.find(ACME).orElseThrow().identity()));
    connecting.disconnect(ACME, false);

    identified = new Workspace(new WorkspaceId("other999"), "Other", Region.US);
    connecting.finish(state(connecting.begin(ACME, "ada")), "c=", Optional.empty());

    assertInstanceOf(HistoryCoverage.NotYet.class, connections.find(ACME).orElseThrow().coverage());
    assertEquals(Checkpoint.START, store.checkpoint(ACME, SyncStream.HISTORY));
  }

  @Test
  void intercom_failing_at_connect_time_is_its_own_outcome_not_an_error() {
    meFails = new IntercomFailure.Unavailable("/me answered 503", null);
    assertInstanceOf(
        ConnectOutcome.IntercomUnavailable.class,
        connecting.finish(state(connecting.begin(ACME, "ada")), "c=", Optional.empty()));
    meFails = new IntercomFailure.MissingPermission("/me answered 403");
    ConnectOutcome missing =
        connecting.finish(state(connecting.begin(ACME, "ada")), "c=", Optional.empty());
    assertInstanceOf(ConnectOutcome.MissingPermission.class, missing);
    assertTrue(((ConnectOutcome.MissingPermission) missing).reason().contains("permission"));
    assertTrue(connections.find(ACME).isEmpty());
  }
}
