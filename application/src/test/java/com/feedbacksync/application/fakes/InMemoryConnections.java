package com.feedbacksync.application.fakes;

import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.domain.account.AccountId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake of the {@link Connections} port. */
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
  public List<Connection> ofWorkspace(com.feedbacksync.domain.intercom.WorkspaceId workspace) {
    return byAccount.values().stream().filter(c -> c.workspace().id().equals(workspace)).toList();
  }

  @Override
  public List<AccountId> connected() {
    return byAccount.values().stream()
        .filter(c -> c.state() == com.feedbacksync.application.model.ConnectionState.CONNECTED)
        .map(Connection::account)
        .sorted(java.util.Comparator.comparing(AccountId::value))
        .toList();
  }

  /** A connection of the account to workspace "w", by "ada", as the service tests need one. */
  public static com.feedbacksync.application.model.Connection connection(
      AccountId account,
      com.feedbacksync.application.model.ConnectionState state,
      java.time.Instant connectedAt,
      com.feedbacksync.domain.sync.HistoryCoverage coverage) {
    return new com.feedbacksync.application.model.Connection(
        account,
        new com.feedbacksync.domain.intercom.Workspace(
            new com.feedbacksync.domain.intercom.WorkspaceId("w"),
            "W",
            com.feedbacksync.domain.intercom.Region.US),
        new com.feedbacksync.application.model.AccessToken("t"),
        state,
        "ada",
        connectedAt,
        coverage,
        java.util.Optional.empty());
  }
}
