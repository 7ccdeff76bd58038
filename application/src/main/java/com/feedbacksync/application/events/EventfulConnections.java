package com.feedbacksync.application.events;

import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionIdentity;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.EventType;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.Transactions;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.HistoryCoverage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Connections} whose state changes write their events in the same transaction: a stored
 * connection is {@code connection.connected}, a refused token's NEEDS_REAUTH (only when it is new)
 * {@code connection.needs_reauth}, a removed one {@code connection.disconnected}.
 */
final class EventfulConnections implements Connections {

  private final Connections connections;
  private final Transactions transactions;
  private final EventWriter events;

  EventfulConnections(Connections connections, Transactions transactions, EventWriter events) {
    this.connections = connections;
    this.transactions = transactions;
    this.events = events;
  }

  @Override
  public void save(Connection connection) {
    transactions.inOne(
        () -> {
          connections.save(connection);
          if (connection.state() == ConnectionState.CONNECTED) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("workspaceId", connection.workspace().id().value());
            data.put("workspaceName", connection.workspace().name());
            data.put("region", connection.workspace().region().name());
            data.put("connectedBy", connection.connectedBy());
            events.record(EventType.CONNECTION_CONNECTED, connection.account(), data);
          }
          return null;
        });
  }

  @Override
  public void remove(AccountId account) {
    transactions.inOne(
        () -> {
          Optional<Connection> was = connections.find(account);
          connections.remove(account);
          was.ifPresent(
              c ->
                  events.record(
                      EventType.CONNECTION_DISCONNECTED,
                      account,
                      Map.of("workspaceId", c.workspace().id().value())));
          return null;
        });
  }

  @Override
  public boolean recordFailure(ConnectionIdentity connection, ConnectionState state, String error) {
    if (state != ConnectionState.NEEDS_REAUTH) {
      return connections.recordFailure(connection, state, error);
    }
    return transactions.inOne(
        () -> {
          boolean already =
              connections
                  .find(connection.account())
                  .filter(c -> c.identity().equals(connection))
                  .map(c -> c.state() == ConnectionState.NEEDS_REAUTH)
                  .orElse(false);
          boolean stands = connections.recordFailure(connection, state, error);
          if (stands && !already) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("workspaceId", connection.workspace().value());
            data.put("reason", error);
            events.record(EventType.CONNECTION_NEEDS_REAUTH, connection.account(), data);
          }
          return stands;
        });
  }

  @Override
  public Optional<Connection> find(AccountId account) {
    return connections.find(account);
  }

  @Override
  public List<Connection> ofWorkspace(WorkspaceId workspace) {
    return connections.ofWorkspace(workspace);
  }

  @Override
  public List<AccountId> connected() {
    return connections.connected();
  }

  @Override
  public Map<AccountId, HistoryCoverage> connectedWithHistoryToTake() {
    return connections.connectedWithHistoryToTake();
  }

  @Override
  public boolean recordCoverage(ConnectionIdentity connection, HistoryCoverage coverage) {
    return connections.recordCoverage(connection, coverage);
  }

  @Override
  public boolean clearError(ConnectionIdentity connection) {
    return connections.clearError(connection);
  }
}
