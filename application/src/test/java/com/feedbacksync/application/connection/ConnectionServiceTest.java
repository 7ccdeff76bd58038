package com.feedbacksync.application.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import com.feedbacksync.application.port.in.ConnectIntercomUseCase.ConnectOutcome;
import com.feedbacksync.application.port.in.ScheduleSyncsUseCase;
import com.feedbacksync.application.port.out.IntercomAuthorization;
import com.feedbacksync.application.port.out.IntercomFailure;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.AccessProbe;
import com.feedbacksync.domain.sync.HistoryCoverage;
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
          return WORKSPACE;
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
        public List<String> tick() {
          return List.of();
        }

        @Override
        public Optional<String> syncNow(AccountId account) {
          syncsStarted.add(account);
          return Optional.of("run-1");
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

  private String state(String authorizeUrl) {
    return URI.create(authorizeUrl).getQuery().replaceAll(".*state=", "");
  }

  @Test
  void connects_stores_the_token_and_starts_the_first_sync() {
    String state = state(connecting.begin(ACME, "ada"));
    ConnectOutcome outcome = connecting.finish(state, "code123=", "ada");

    assertEquals(new ConnectOutcome.Connected(WORKSPACE, Optional.of("run-1")), outcome);
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
    assertInstanceOf(ConnectOutcome.InvalidState.class, connecting.finish(state, "c=", "mallory"));
    assertInstanceOf(
        ConnectOutcome.InvalidState.class,
        connecting.finish(state, "c=", "ada"),
        "used up by the attempt");

    String late = state(connecting.begin(ACME, "ada"));
    now = now.plus(Duration.ofMinutes(11));
    assertInstanceOf(ConnectOutcome.InvalidState.class, connecting.finish(late, "c=", "ada"));

    String replayed = state(connecting.begin(ACME, "ada"));
    assertInstanceOf(ConnectOutcome.Connected.class, connecting.finish(replayed, "c=", "ada"));
    assertInstanceOf(ConnectOutcome.InvalidState.class, connecting.finish(replayed, "c=", "ada"));
    assertInstanceOf(ConnectOutcome.InvalidState.class, connecting.finish("forged", "c=", "ada"));
    assertInstanceOf(ConnectOutcome.InvalidState.class, connecting.finish(null, "c=", "ada"));
  }

  @Test
  void refuses_a_workspace_without_api_access_at_connect_time_and_stores_nothing() {
    planRestricted = true;
    ConnectOutcome outcome = connecting.finish(state(connecting.begin(ACME, "ada")), "c=", "ada");
    assertTrue(((ConnectOutcome.Refused) outcome).reason().contains("without API access"));
    assertTrue(connections.find(ACME).isEmpty());
    assertTrue(syncsStarted.isEmpty());
  }

  @Test
  void a_code_intercom_refuses_is_a_refusal_not_an_error() {
    ConnectOutcome outcome =
        connecting.finish(state(connecting.begin(ACME, "ada")), "no-padding", "ada");
    assertInstanceOf(ConnectOutcome.Refused.class, outcome);
  }

  @Test
  void reconnecting_the_same_workspace_keeps_what_was_synced() {
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
    connecting.finish(state(connecting.begin(ACME, "ada")), "c=", "ada");
    Connection c = connections.find(ACME).orElseThrow();
    assertEquals(ConnectionState.CONNECTED, c.state());
    assertInstanceOf(HistoryCoverage.Complete.class, c.coverage());
    assertEquals(now.minusSeconds(86_400), c.connectedAt());
    assertEquals(Optional.empty(), c.lastError());
  }

  @Test
  void disconnecting_keeps_or_purges_the_data_as_the_admin_chose() {
    connecting.finish(state(connecting.begin(ACME, "ada")), "c=", "ada");
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
}
