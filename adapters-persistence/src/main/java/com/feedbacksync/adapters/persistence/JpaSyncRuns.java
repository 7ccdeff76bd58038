package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.RunState;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.model.SyncRunView;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.application.port.out.SyncRuns.FailureStreak;
import com.feedbacksync.domain.account.AccountId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The {@link SyncRuns} port on MariaDB. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JpaSyncRuns implements SyncRuns {

  /** Accounts per statement of {@link #mayBeDue}: a bounded IN list, whatever the accounts. */
  static final int MAY_BE_DUE_CHUNK = 500;

  @PersistenceContext(unitName = "feedbacksync")
  EntityManager em;

  @Override
  public String start(AccountId account, SyncKind kind, Instant startedAt, String runner) {
    String id = UUID.randomUUID().toString();
    em.createNativeQuery(
            "INSERT INTO sync_run (id, account_id, kind, state, started_at, runner)"
                + " VALUES (?, ?, ?, 'RUNNING', ?, ?)")
        .setParameter(1, id)
        .setParameter(2, account.value())
        .setParameter(3, kind.name())
        .setParameter(4, startedAt)
        .setParameter(5, runner.length() <= 200 ? runner : runner.substring(0, 200))
        .executeUpdate();
    return id;
  }

  // Finishing, closing interrupted runs and reading the streak join a caller's transaction (the
  // events' decorator writes the event a run's end causes in the same one); alone, each is its own.

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public void interrupted(AccountId account, Instant at, String reason) {
    em.createNativeQuery(
            "UPDATE sync_run SET state = 'FAILED', finished_at = ?, error = ?"
                + " WHERE account_id = ? AND state = 'RUNNING'")
        .setParameter(1, at)
        .setParameter(2, reason)
        .setParameter(3, account.value())
        .executeUpdate();
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public void finish(String runId, SyncOutcome outcome, Instant finishedAt) {
    String error = null;
    if (outcome instanceof SyncOutcome.Skipped skipped) {
      error = skipped.reason();
    } else if (outcome instanceof SyncOutcome.NeedsReauth) {
      error = "Intercom no longer accepts this connection's authorization. Reconnect Intercom.";
    } else if (outcome instanceof SyncOutcome.Failed failed) {
      error = failed.reason();
    } else if (outcome instanceof SyncOutcome.Cancelled cancelled) {
      error = cancelled.reason();
    }
    RunCounts c = outcome.counts();
    em.createNativeQuery(
            "UPDATE sync_run SET state = ?, finished_at = ?, fetched = ?, kept = ?,"
                + " skipped_without_reply = ?, resynced = ?, unchanged = ?, deleted = ?, profiles = ?,"
                + " api_calls = ?, rate_limit_waits = ?, unreadable = ?, truncated_by_intercom = ?, error = ?"
                + " WHERE id = ?")
        .setParameter(1, outcome.state().name())
        .setParameter(2, finishedAt)
        .setParameter(3, c.fetched())
        .setParameter(4, c.kept())
        .setParameter(5, c.skippedWithoutReply())
        .setParameter(6, c.resynced())
        .setParameter(7, c.unchanged())
        .setParameter(8, c.deleted())
        .setParameter(9, c.profiles())
        .setParameter(10, c.apiCalls())
        .setParameter(11, c.rateLimitWaits())
        .setParameter(12, c.unreadable())
        .setParameter(13, c.truncatedByIntercom())
        .setParameter(14, error)
        .setParameter(15, runId)
        .executeUpdate();
  }

  @Override
  public void progress(AccountId account, long done, long total) {
    em.createNativeQuery(
            "UPDATE sync_run SET progress_done = ?, progress_total = ?"
                + " WHERE account_id = ? AND state = 'RUNNING'")
        .setParameter(1, done)
        .setParameter(2, total)
        .setParameter(3, account.value())
        .executeUpdate();
  }

  @Override
  public List<SyncRunView> recent(AccountId account, int limit) {
    return views(
        em.createNativeQuery(RUN_COLUMNS + " WHERE account_id = ? ORDER BY started_at DESC LIMIT ?")
            .setParameter(1, account.value())
            .setParameter(2, limit)
            .getResultList());
  }

  @Override
  public Optional<SyncRunView> find(AccountId account, String runId) {
    return views(
            em.createNativeQuery(RUN_COLUMNS + " WHERE account_id = ? AND id = ?")
                .setParameter(1, account.value())
                .setParameter(2, runId)
                .getResultList())
        .stream()
        .findFirst();
  }

  private static final String RUN_COLUMNS =
      "SELECT id, kind, state, started_at, finished_at, fetched, kept,"
          + " skipped_without_reply, resynced, unchanged, deleted, profiles, api_calls,"
          + " rate_limit_waits, progress_done, progress_total, error, runner, unreadable,"
          + " truncated_by_intercom"
          + " FROM sync_run";

  private static List<SyncRunView> views(List<?> rows) {
    List<SyncRunView> views = new ArrayList<>();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      RunCounts counts =
          new RunCounts(
              n(r[5]), n(r[6]), n(r[7]), n(r[8]), n(r[9]), n(r[10]), n(r[11]), n(r[12]), n(r[13]),
              n(r[18]), n(r[19]));
      views.add(
          new SyncRunView(
              (String) r[0],
              SyncKind.valueOf((String) r[1]),
              RunState.valueOf((String) r[2]),
              instant(r[3]),
              Optional.ofNullable(r[4]).map(JpaSyncRuns::instant),
              r[17] == null ? "" : (String) r[17],
              counts,
              n(r[14]),
              n(r[15]),
              Optional.ofNullable((String) r[16])));
    }
    return views;
  }

  private static long n(Object value) {
    return ((Number) value).longValue();
  }

  static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof LocalDateTime l) {
      return l.atZone(ZoneId.systemDefault()).toInstant();
    }
    return (Instant) value;
  }

  @Override
  public Optional<Instant> lastStarted(AccountId account, SyncKind kind) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT MAX(started_at) FROM sync_run WHERE account_id = ? AND kind = ?"
                    + " AND state IN ('RUNNING', 'COMPLETED', 'FAILED')")
            .setParameter(1, account.value())
            .setParameter(2, kind.name())
            .getResultList();
    Object value = rows.isEmpty() ? null : rows.get(0);
    return Optional.ofNullable(value).map(JpaSyncRuns::instant);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public Optional<FailureStreak> failing(AccountId account) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT state, COALESCE(finished_at, started_at), kind, error FROM sync_run"
                    + " WHERE account_id = ? AND kind <> 'WEBHOOK'"
                    + " AND state IN ('COMPLETED', 'FAILED')"
                    + " AND started_at >= COALESCE((SELECT c.connected_at FROM"
                    + " intercom_connection c WHERE c.account_id = ?), TIMESTAMP'1970-01-02 00:00:00')"
                    + " ORDER BY started_at DESC LIMIT ?")
            .setParameter(1, account.value())
            .setParameter(2, account.value())
            .setParameter(3, FailureStreak.COUNTED)
            .getResultList();
    int failures = 0;
    while (failures < rows.size() && "FAILED".equals(((Object[]) rows.get(failures))[0])) {
      failures++;
    }
    if (failures == 0) {
      return Optional.empty();
    }
    Object[] last = (Object[]) rows.get(0);
    return Optional.of(
        new FailureStreak(
            failures,
            instant(last[1]),
            SyncKind.valueOf((String) last[2]),
            last[3] == null ? "" : (String) last[3]));
  }

  /**
   * One statement per {@link #MAY_BE_DUE_CHUNK} accounts, each condition an index lookup: the
   * newest finished run through (account_id, started_at), a recent start of a kind through
   * (account_id, kind, started_at). Among runs started at the same instant a failed one counts as
   * the newest, so that the answer holds at least every account {@link #failing} finds failing.
   */
  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public Set<AccountId> mayBeDue(
      Collection<AccountId> accounts, Instant hourlyAfter, Instant customersAfter) {
    List<String> ids = accounts.stream().map(AccountId::value).distinct().toList();
    Set<AccountId> may = new HashSet<>();
    for (int from = 0; from < ids.size(); from += MAY_BE_DUE_CHUNK) {
      List<?> rows =
          em.createNativeQuery(
                  "SELECT a.id FROM account a WHERE a.id IN (:ids) AND ("
                      + " (SELECT r.state FROM sync_run r WHERE r.account_id = a.id"
                      + "   AND r.kind <> 'WEBHOOK' AND r.state IN ('COMPLETED', 'FAILED')"
                      + "   ORDER BY r.started_at DESC, r.state DESC LIMIT 1) = 'FAILED'"
                      + " OR NOT EXISTS (SELECT 1 FROM sync_run h WHERE h.account_id = a.id"
                      + "   AND h.kind = 'HOURLY' AND h.state IN ('RUNNING', 'COMPLETED', 'FAILED')"
                      + "   AND h.started_at > :hourly)"
                      + " OR NOT EXISTS (SELECT 1 FROM sync_run c WHERE c.account_id = a.id"
                      + "   AND c.kind = 'CUSTOMERS'"
                      + "   AND c.state IN ('RUNNING', 'COMPLETED', 'FAILED')"
                      + "   AND c.started_at > :customers))")
              .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + MAY_BE_DUE_CHUNK)))
              .setParameter("hourly", hourlyAfter)
              .setParameter("customers", customersAfter)
              .getResultList();
      rows.forEach(id -> may.add(new AccountId((String) id)));
    }
    return may;
  }

  @Override
  public int prune(Instant startedBefore) {
    return em.createNativeQuery(
            "DELETE FROM sync_run WHERE started_at < ? AND state <> 'RUNNING' LIMIT 10000")
        .setParameter(1, startedBefore)
        .executeUpdate();
  }
}
