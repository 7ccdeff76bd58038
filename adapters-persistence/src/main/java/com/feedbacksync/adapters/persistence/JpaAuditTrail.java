package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.model.AuditAction;
import com.feedbacksync.application.model.AuditActor;
import com.feedbacksync.application.model.AuditDetail;
import com.feedbacksync.application.model.AuditEntry;
import com.feedbacksync.application.model.AuditEvent;
import com.feedbacksync.application.model.AuditOutcome;
import com.feedbacksync.application.model.Slice;
import com.feedbacksync.application.model.SliceCursor;
import com.feedbacksync.application.port.out.AuditTrail;
import com.feedbacksync.domain.account.AccountId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@link AuditTrail} port on MariaDB: {@code audit_entry} rows, newest first by the time they
 * were recorded, keyset-paged. The detail is stored as {@code key=value;...}: its values are
 * id-like by construction, so neither separator can occur inside one.
 */
@ApplicationScoped
@Transactional
public class JpaAuditTrail implements AuditTrail {

  @PersistenceContext(unitName = "feedbacksync")
  EntityManager em;

  @Override
  public void append(AuditEntry entry) {
    AuditEvent e = entry.event();
    em.createNativeQuery(
            "INSERT INTO audit_entry (id, account_id, recorded_at, actor, actor_role, action,"
                + " detail, outcome, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, entry.id())
        .setParameter(2, e.account().value())
        .setParameter(3, entry.at())
        .setParameter(4, e.actor().subject())
        .setParameter(5, e.actor().role())
        .setParameter(6, e.action().name())
        .setParameter(7, encode(e.detail()))
        .setParameter(8, e.outcome().name())
        .setParameter(9, e.outcome().status())
        .executeUpdate();
  }

  @Override
  public Slice<AuditEntry> entries(AccountId account, Optional<SliceCursor> after, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, recorded_at, actor, actor_role, action, detail, status FROM audit_entry"
                + " WHERE account_id = :account");
    if (after.isPresent()) {
      sql.append(" AND (recorded_at < :at OR (recorded_at = :at AND id < :id))");
    }
    sql.append(" ORDER BY recorded_at DESC, id DESC LIMIT :limit");
    Query query =
        em.createNativeQuery(sql.toString())
            .setParameter("account", account.value())
            .setParameter("limit", limit + 1);
    after.ifPresent(c -> query.setParameter("at", c.at()).setParameter("id", c.id()));
    List<AuditEntry> rows = new ArrayList<>();
    for (Object o : query.getResultList()) {
      Object[] r = (Object[]) o;
      rows.add(
          new AuditEntry(
              (String) r[0],
              JpaSyncRuns.instant(r[1]),
              new AuditEvent(
                  account,
                  new AuditActor((String) r[2], (String) r[3]),
                  AuditAction.valueOf((String) r[4]),
                  decode((String) r[5]),
                  AuditOutcome.of(((Number) r[6]).intValue()))));
    }
    Optional<SliceCursor> next =
        rows.size() > limit
            ? Optional.of(new SliceCursor(rows.get(limit - 1).at(), rows.get(limit - 1).id()))
            : Optional.empty();
    return new Slice<>(rows.subList(0, Math.min(limit, rows.size())), next);
  }

  @Override
  public int prune(Instant recordedBefore) {
    return em.createNativeQuery("DELETE FROM audit_entry WHERE recorded_at < ? LIMIT 10000")
        .setParameter(1, recordedBefore)
        .executeUpdate();
  }

  static String encode(AuditDetail detail) {
    return detail.fields().entrySet().stream()
        .map(f -> f.getKey() + "=" + f.getValue())
        .collect(Collectors.joining(";"));
  }

  static AuditDetail decode(String stored) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (!stored.isEmpty()) {
      for (String pair : stored.split(";")) {
        String[] kv = pair.split("=", 2);
        fields.put(kv[0], kv[1]);
      }
    }
    return new AuditDetail(fields);
  }
}
