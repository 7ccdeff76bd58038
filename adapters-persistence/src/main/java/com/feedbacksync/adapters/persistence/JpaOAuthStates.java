package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.model.PendingConnection;
import com.feedbacksync.application.port.out.OAuthStates;
import com.feedbacksync.domain.account.AccountId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The {@link OAuthStates} port on MariaDB. Taking a state deletes its row in the same transaction
 * ({@code SELECT ... FOR UPDATE}, then {@code DELETE}), so two callbacks with one state cannot both
 * succeed, even on two servers.
 */
@ApplicationScoped
@Transactional
public class JpaOAuthStates implements OAuthStates {

  @PersistenceContext(unitName = "feedbacksync")
  EntityManager em;

  @Inject Clock clock;

  @Override
  public void save(PendingConnection pending) {
    em.createNativeQuery("DELETE FROM oauth_state WHERE expires_at < ?")
        .setParameter(1, clock.instant())
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO oauth_state (state, account_id, admin, expires_at) VALUES (?, ?, ?, ?)")
        .setParameter(1, pending.state())
        .setParameter(2, pending.account().value())
        .setParameter(3, pending.admin())
        .setParameter(4, pending.expiresAt())
        .executeUpdate();
  }

  @Override
  public Optional<PendingConnection> take(String state) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT account_id, admin, expires_at FROM oauth_state WHERE state = ? FOR UPDATE")
            .setParameter(1, state)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    em.createNativeQuery("DELETE FROM oauth_state WHERE state = ?")
        .setParameter(1, state)
        .executeUpdate();
    Object[] row = (Object[]) rows.get(0);
    Instant expires =
        row[2] instanceof Timestamp t
            ? t.toInstant()
            : ((LocalDateTime) row[2]).atZone(ZoneId.systemDefault()).toInstant();
    return Optional.of(
        new PendingConnection(state, new AccountId((String) row[0]), (String) row[1], expires));
  }
}
