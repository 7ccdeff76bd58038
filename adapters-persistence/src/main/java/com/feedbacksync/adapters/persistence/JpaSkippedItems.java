package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.model.ItemKind;
import com.feedbacksync.application.model.SkipReason;
import com.feedbacksync.application.model.SkippedItem;
import com.feedbacksync.application.model.Slice;
import com.feedbacksync.application.model.SliceCursor;
import com.feedbacksync.application.port.out.SkippedItems;
import com.feedbacksync.domain.account.AccountId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link SkippedItems} port on MariaDB: the {@code skipped_item} rows {@link JpaSyncStore}
 * writes with its batches, newest first by first sighting, keyset-paged.
 */
@ApplicationScoped
@Transactional
public class JpaSkippedItems implements SkippedItems {

  static final String COLUMNS =
      "SELECT kind, intercom_id, reason, detail, attempts, first_seen, last_seen FROM skipped_item";

  @PersistenceContext(unitName = "feedbacksync")
  EntityManager em;

  @Override
  public Slice<SkippedItem> skipped(AccountId account, Optional<SliceCursor> after, int limit) {
    StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE account_id = :account");
    Optional<String[]> key = after.map(c -> c.id().split(":", 2));
    if (key.isPresent()) {
      if (key.get().length != 2) {
        throw new IllegalArgumentException(
            "The cursor is not one this service handed out; start again without it.");
      }
      sql.append(
          " AND (first_seen < :at OR (first_seen = :at AND (kind < :kind"
              + " OR (kind = :kind AND intercom_id < :id))))");
    }
    sql.append(" ORDER BY first_seen DESC, kind DESC, intercom_id DESC LIMIT :limit");
    Query query =
        em.createNativeQuery(sql.toString())
            .setParameter("account", account.value())
            .setParameter("limit", limit + 1);
    if (key.isPresent()) {
      query
          .setParameter("at", after.get().at())
          .setParameter("kind", key.get()[0])
          .setParameter("id", key.get()[1]);
    }
    List<SkippedItem> rows = items(query.getResultList());
    Optional<SliceCursor> next =
        rows.size() > limit
            ? Optional.of(
                new SliceCursor(
                    rows.get(limit - 1).firstSeen(),
                    rows.get(limit - 1).kind() + ":" + rows.get(limit - 1).intercomId()))
            : Optional.empty();
    return new Slice<>(rows.subList(0, Math.min(limit, rows.size())), next);
  }

  /** Rows of {@link #COLUMNS} as items. */
  static List<SkippedItem> items(List<?> rows) {
    List<SkippedItem> items = new ArrayList<>();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      items.add(
          new SkippedItem(
              ItemKind.valueOf((String) r[0]),
              (String) r[1],
              SkipReason.valueOf((String) r[2]),
              (String) r[3],
              ((Number) r[4]).intValue(),
              JpaSyncRuns.instant(r[5]),
              JpaSyncRuns.instant(r[6])));
    }
    return items;
  }
}
