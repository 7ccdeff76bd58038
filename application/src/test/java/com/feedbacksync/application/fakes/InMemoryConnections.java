package com.feedbacksync.application.fakes;

import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionIdentity;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.HistoryCoverage;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** A fake of the {@link Connections} port; its guarded writes are atomic like the real ones. */
public final class InMemoryConnections implements Connections {

  private final Map<AccountId, Connection> byAccount = new ConcurrentHashMap<>();

  @Override
  public Optional<Connection> find(AccountId account) {
    return Optional.ofNullable(byAccount.get(account));
  }

  @Override
  public void save(Connection connection) {
    byAccount.put(connection.account(), connection);
  }

  @Override
  public void remove(AccountId account) {
    byAccount.remove(account);
  }

  @Override
  public List<Connection> ofWorkspace(WorkspaceId workspace) {
    return byAccount.values().stream().filter(c -> c.workspace().id().equals(workspace)).toList();
  }

  @Override
  public List<AccountId> connected() {
    return byAccount.values().stream()
        .filter(c -> c.state() == ConnectionState.CONNECTED)
        .map(Connection::account)
        .sorted(Comparator.comparing(AccountId::value))
        .toList();
  }

  @Override
  public Map<AccountId, HistoryCoverage> connectedWithHistoryToTake() {
    return byAccount.values().stream()
        .filter(c -> c.state() == ConnectionState.CONNECTED)
        .filter(c -> !(c.coverage() instanceof HistoryCoverage.Complete))
        .collect(Collectors.toMap(Connection::account, Connection::coverage));
  }

  @Override
  public boolean recordCoverage(ConnectionIdentity connection, HistoryCoverage coverage) {
    return update(connection, c -> c.withCoverage(coverage));
  }

  @Override
  public boolean recordFailure(ConnectionIdentity connection, ConnectionState state, String error) {
    return update(connection, c -> c.withState(state, Optional.of(error)));
  }

  @Override
  public boolean clearError(ConnectionIdentity connection) {
    return update(connection, c -> c.withState(c.state(), Optional.empty()));
  }

  /** Changes the account's connection only if it is still this one, in one step. */
  private boolean update(ConnectionIdentity identity, UnaryOperator<Connection> change) {
    boolean[] done = {false};
    byAccount.computeIfPresent(
        identity.account(),
        (account, c) -> {
          if (!c.identity().equals(identity)) {
            return c;
          }
          done[0] = true;
          return change.apply(c);
        });
    return done[0];
  }

  /** A connection of the account to workspace "w", by "ada", as the service tests need one. */
  public static Connection connection(
      AccountId account, ConnectionState state, Instant connectedAt, HistoryCoverage coverage) {
    return new Connection(
        account,
        new Workspace(new WorkspaceId("w"), "W", Region.US),
        new AccessToken("t"),
        state,
        "ada",
        connectedAt,
        coverage,
        Optional.empty());
  }
}
