package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.SyncRecency;
import com.feedbacksync.application.port.out.ConnectionCensus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@link ConnectionCensus} port on MariaDB: a count by state over every account, and per
 * connected account its latest completed first and hourly run, each found by walking the runs'
 * (account, kind, started) index from the newest, so a count costs a few index reads per account
 * however many runs are kept.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JpaConnectionCensus implements ConnectionCensus {

  @PersistenceContext(unitName = "feedbacksync")
  EntityManager em;

  @Override
  public Map<ConnectionState, Long> accountsByState() {
    // Disconnecting deletes the connection row: an account without one is disconnected.
    List<?> rows =
        em.createNativeQuery(
                "SELECT COALESCE(c.state, 'DISCONNECTED') AS s, COUNT(*) FROM account a"
                    + " LEFT JOIN intercom_connection c ON c.account_id = a.id GROUP BY s")
            .getResultList();
    Map<ConnectionState, Long> counts = new EnumMap<>(ConnectionState.class);
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      counts.merge(ConnectionState.valueOf((String) r[0]), ((Number) r[1]).longValue(), Long::sum);
    }
    return counts;
  }

  @Override
  public List<SyncRecency> connectedRecency() {
    List<?> rows =
        em.createNativeQuery(
                "SELECT c.connected_at, "
                    + lastCompleted("HOURLY")
                    + ", "
                    + lastCompleted("FIRST")
                    + " FROM intercom_connection c WHERE c.state = 'CONNECTED'")
            .getResultList();
    return rows.stream()
        .map(row -> (Object[]) row)
        .map(
            r ->
                new SyncRecency(
                    JpaSyncRuns.instant(r[0]),
                    Stream.of(r[1], r[2])
                        .flatMap(v -> Optional.ofNullable(v).map(JpaSyncRuns::instant).stream())
                        .max(Instant::compareTo)))
        .toList();
  }

  /** The end of the account's newest completed run of this kind: one walk down the index. */
  private static String lastCompleted(String kind) {
    return "(SELECT r.finished_at FROM sync_run r WHERE r.account_id = c.account_id"
        + " AND r.kind = '"
        + kind
        + "' AND r.state = 'COMPLETED' ORDER BY r.started_at DESC LIMIT 1)";
  }
}
