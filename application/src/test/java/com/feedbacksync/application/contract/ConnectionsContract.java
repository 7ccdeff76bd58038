package com.feedbacksync.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.HistoryPosition;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link Connections} promises, against the fake and against MariaDB. */
public abstract class ConnectionsContract {

  private static final Instant T = Instant.parse("2026-07-01T10:00:00.123456Z");

  protected abstract Connections connections();

  protected abstract AccountId newAccount();

  private static Connection connection(
      AccountId account, String workspace, ConnectionState state, HistoryCoverage coverage) {
    return new Connection(
        account,
        new Workspace(new WorkspaceId(workspace), "Acme SaaS", Region.EU),
        new AccessToken("dG9rOj-secret-" + account.value()),
        state,
        "ada",
        T,
        coverage,
        Optional.empty());
  }

  @Test
  void a_connection_comes_back_as_it_was_saved_token_included() {
    AccountId account = newAccount();
    Connection saved =
        connection(
            account,
            "ws-" + account.value(),
            ConnectionState.CONNECTED,
            new HistoryCoverage.DownTo(
                new HistoryPosition(T, new ConversationId("215474154263922"))));
    connections().save(saved);
    Connection found = connections().find(account).orElseThrow();
    assertEquals(saved.token().value(), found.token().value());
    assertEquals(saved.workspace(), found.workspace());
    assertEquals(saved.coverage(), found.coverage());
    assertEquals(saved.connectedAt(), found.connectedAt());
    assertEquals(saved.state(), found.state());
  }

  @Test
  void saving_again_replaces_state_coverage_and_error() {
    AccountId account = newAccount();
    connections()
        .save(
            connection(
                account,
                "ws-" + account.value(),
                ConnectionState.CONNECTED,
                new HistoryCoverage.NotYet()));
    connections()
        .save(
            connection(
                    account,
                    "ws-" + account.value(),
                    ConnectionState.NEEDS_REAUTH,
                    new HistoryCoverage.Complete())
                .withState(ConnectionState.NEEDS_REAUTH, Optional.of("Reconnect Intercom.")));
    Connection found = connections().find(account).orElseThrow();
    assertEquals(ConnectionState.NEEDS_REAUTH, found.state());
    assertEquals(new HistoryCoverage.Complete(), found.coverage());
    assertEquals(Optional.of("Reconnect Intercom."), found.lastError());
  }

  @Test
  void lists_the_live_connections_with_history_still_to_take() {
    AccountId notYet = newAccount();
    AccountId downTo = newAccount();
    AccountId complete = newAccount();
    AccountId stale = newAccount();
    connections()
        .save(connection(notYet, "ws-a", ConnectionState.CONNECTED, new HistoryCoverage.NotYet()));
    connections()
        .save(
            connection(
                downTo,
                "ws-b",
                ConnectionState.CONNECTED,
                new HistoryCoverage.DownTo(
                    new HistoryPosition(T, new ConversationId("215474154263922")))));
    connections()
        .save(
            connection(
                complete, "ws-c", ConnectionState.CONNECTED, new HistoryCoverage.Complete()));
    connections()
        .save(
            connection(stale, "ws-d", ConnectionState.NEEDS_REAUTH, new HistoryCoverage.NotYet()));
    Map<AccountId, HistoryCoverage> owing = connections().connectedWithHistoryToTake();
    assertEquals(
        Arrays.asList(
            new HistoryCoverage.NotYet(),
            new HistoryCoverage.DownTo(
                new HistoryPosition(T, new ConversationId("215474154263922"))),
            null,
            null),
        Arrays.asList(owing.get(notYet), owing.get(downTo), owing.get(complete), owing.get(stale)),
        "not yet, down to (with where), complete, not connected");
  }

  @Test
  void lists_live_connections_and_those_of_a_workspace_and_forgets_a_removed_one() {
    AccountId live = newAccount();
    AccountId stale = newAccount();
    String workspace = "ws-" + live.value();
    connections()
        .save(connection(live, workspace, ConnectionState.CONNECTED, new HistoryCoverage.NotYet()));
    connections()
        .save(
            connection(
                stale, workspace, ConnectionState.NEEDS_REAUTH, new HistoryCoverage.NotYet()));
    assertTrue(connections().connected().contains(live));
    assertFalse(connections().connected().contains(stale));
    assertEquals(2, connections().ofWorkspace(new WorkspaceId(workspace)).size());
    connections().remove(live);
    assertTrue(connections().find(live).isEmpty());
    assertEquals(1, connections().ofWorkspace(new WorkspaceId(workspace)).size());
  }

  private static Connection granted(AccountId account, long grant) {
    Connection c =
        connection(
            account,
            "ws-" + account.value(),
            ConnectionState.CONNECTED,
            new HistoryCoverage.NotYet());
    return new Connection(
        c.account(),
        c.workspace(),
        c.token(),
        c.state(),
        c.connectedBy(),
        c.connectedAt(),
        c.coverage(),
        Optional.of("Intercom did not answer."),
        grant);
  }

  @Test
  void a_runs_writes_land_only_on_the_connection_it_started_with() {
    AccountId account = newAccount();
    Connection first = granted(account, 7L);
    connections().save(first);
    assertTrue(connections().recordCoverage(first.identity(), new HistoryCoverage.Complete()));
    assertTrue(connections().clearError(first.identity()));
    Connection found = connections().find(account).orElseThrow();
    assertEquals(new HistoryCoverage.Complete(), found.coverage());
    assertEquals(Optional.empty(), found.lastError());
    assertEquals(7L, found.grant());

    Connection newer = granted(account, 8L);
    connections().save(newer);
    assertFalse(connections().recordCoverage(first.identity(), new HistoryCoverage.Complete()));
    assertFalse(
        connections().recordFailure(first.identity(), ConnectionState.NEEDS_REAUTH, "revoked"));
    assertFalse(connections().clearError(first.identity()));
    Connection untouched = connections().find(account).orElseThrow();
    assertEquals(ConnectionState.CONNECTED, untouched.state());
    assertEquals(new HistoryCoverage.NotYet(), untouched.coverage());
    assertEquals(Optional.of("Intercom did not answer."), untouched.lastError());
  }

  @Test
  void a_removed_connection_stays_gone_whatever_its_run_writes() {
    AccountId account = newAccount();
    Connection c = granted(account, 3L);
    connections().save(c);
    connections().remove(account);
    assertFalse(connections().recordFailure(c.identity(), ConnectionState.CONNECTED, "x"));
    assertFalse(connections().recordCoverage(c.identity(), new HistoryCoverage.Complete()));
    assertTrue(connections().find(account).isEmpty());
  }
}
