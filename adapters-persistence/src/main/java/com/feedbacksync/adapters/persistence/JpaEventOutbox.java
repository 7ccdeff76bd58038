package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.model.ClaimedEvent;
import com.feedbacksync.application.model.EventType;
import com.feedbacksync.application.model.OutboundEvent;
import com.feedbacksync.application.port.out.EventOutbox;
import com.feedbacksync.domain.account.AccountId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The {@link EventOutbox} port on MariaDB ({@code event_outbox}). Recording must join the state
 * change's transaction (MANDATORY: a call outside one fails instead of committing alone). Claims
 * lock due rows with {@code FOR UPDATE SKIP LOCKED}, so dispatchers on several servers never take
 * the same row, and stamp them with a claim id valid until {@code claimed_until} on the database's
 * clock; every mark is conditional on that claim id.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JpaEventOutbox implements EventOutbox {

  private static final int MAX_ERROR = 500;

  @PersistenceContext(unitName = "feedbacksync")
  EntityManager em;

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(OutboundEvent event) {
    em.createNativeQuery(
            "INSERT INTO event_outbox (id, account_id, type, occurred_at, data, next_attempt_at)"
                + " VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP(6))")
        .setParameter(1, event.id())
        .setParameter(2, event.account().value())
        .setParameter(3, event.type().wireName())
        .setParameter(4, event.occurredAt())
        .setParameter(5, JsonColumns.eventData(event.data()))
        .executeUpdate();
  }

  @Override
  public List<ClaimedEvent> claimDue(int limit, Duration claimFor) {
    List<?> ids =
        em.createNativeQuery(
                "SELECT id FROM event_outbox WHERE state = 'PENDING'"
                    + " AND next_attempt_at <= CURRENT_TIMESTAMP(6)"
                    + " AND (claimed_until IS NULL OR claimed_until <= CURRENT_TIMESTAMP(6))"
                    + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")
            .setParameter(1, limit)
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    String claim = UUID.randomUUID().toString();
    String in = String.join(",", ids.stream().map(i -> "?").toList());
    var update =
        em.createNativeQuery(
                "UPDATE event_outbox SET claim_id = ?,"
                    + " claimed_until = CURRENT_TIMESTAMP(6) + INTERVAL ? MICROSECOND"
                    + " WHERE id IN ("
                    + in
                    + ")")
            .setParameter(1, claim)
            .setParameter(2, claimFor.toNanos() / 1000);
    for (int i = 0; i < ids.size(); i++) {
      update.setParameter(i + 3, ids.get(i));
    }
    update.executeUpdate();
    List<?> rows =
        em.createNativeQuery(
                "SELECT id, account_id, type, occurred_at, data, attempts FROM event_outbox"
                    + " WHERE claim_id = ? ORDER BY next_attempt_at")
            .setParameter(1, claim)
            .getResultList();
    List<ClaimedEvent> claimed = new ArrayList<>();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      claimed.add(
          new ClaimedEvent(
              new OutboundEvent(
                  (String) r[0],
                  EventType.ofWireName((String) r[2]),
                  JpaSyncRuns.instant(r[3]),
                  new AccountId((String) r[1]),
                  JsonColumns.eventData((String) r[4])),
              ((Number) r[5]).intValue(),
              claim));
    }
    return claimed;
  }

  @Override
  public boolean delivered(ClaimedEvent event, int attempts) {
    return mark(
        event,
        "state = 'DELIVERED', delivered_at = CURRENT_TIMESTAMP(6), attempts = ?, last_error = NULL",
        attempts);
  }

  @Override
  public boolean retryLater(ClaimedEvent event, int attempts, Duration delay, String lastError) {
    return mark(
        event,
        "attempts = ?, last_error = ?,"
            + " next_attempt_at = CURRENT_TIMESTAMP(6) + INTERVAL ? MICROSECOND",
        attempts,
        clip(lastError),
        delay.toNanos() / 1000);
  }

  @Override
  public boolean gaveUp(ClaimedEvent event, int attempts, String lastError) {
    // Its next attempt's column keeps when it was given up: its retention counts from there.
    return mark(
        event,
        "state = 'GAVE_UP', attempts = ?, last_error = ?, next_attempt_at = CURRENT_TIMESTAMP(6)",
        attempts,
        clip(lastError));
  }

  /** One conditional UPDATE on the claim: a claim that expired and was taken writes nothing. */
  private boolean mark(ClaimedEvent event, String assignments, Object... values) {
    var update =
        em.createNativeQuery(
            "UPDATE event_outbox SET "
                + assignments
                + ", claim_id = NULL, claimed_until = NULL"
                + " WHERE id = ? AND claim_id = ? AND state = 'PENDING'");
    int i = 1;
    for (Object value : values) {
      update.setParameter(i++, value);
    }
    update.setParameter(i++, event.event().id());
    update.setParameter(i, event.claim());
    return update.executeUpdate() > 0;
  }

  @Override
  public int pruneDelivered(Duration age) {
    return prune("DELIVERED", "delivered_at", age);
  }

  /** A given-up event's {@code next_attempt_at} is when it was given up (it is no longer due). */
  @Override
  public int pruneGivenUp(Duration age) {
    return prune("GAVE_UP", "next_attempt_at", age);
  }

  /**
   * Deletes up to 10,000 events in this state whose time column ({@code since}, a constant of this
   * class, never input) is older than {@code age}, by the database's clock (the one that stamped
   * it).
   */
  private int prune(String state, String since, Duration age) {
    return em.createNativeQuery(
            "DELETE FROM event_outbox WHERE state = ? AND "
                + since
                + " < CURRENT_TIMESTAMP(6) - INTERVAL ? MICROSECOND LIMIT 10000")
        .setParameter(1, state)
        .setParameter(2, age.toNanos() / 1000)
        .executeUpdate();
  }

  private static String clip(String text) {
    return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
  }
}
