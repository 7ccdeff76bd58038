package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.port.out.Leases;
import com.feedbacksync.domain.account.AccountId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The {@link Leases} port on MariaDB: the row exists once per (account, job); a claim is one
 * conditional UPDATE, which the database serialises, so exactly one claimant wins a free or expired
 * lease; a holder cannot claim its own lease again, so one server never runs one job twice at once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JpaLeases implements Leases {

  @PersistenceContext(unitName = "feedbacksync")
  EntityManager em;

  @Inject LeaseRows rows;

  @Override
  public boolean claim(AccountId account, String job, String owner, Instant now, Instant until) {
    // The row is made in a transaction of its own; the claim is then one conditional UPDATE, which
    // locks the row exclusively at once. Inserting in the claim's transaction deadlocked two
    // servers pressing "sync now" together (TwoServersIT): INSERT IGNORE takes a shared lock, and
    // the UPDATE then wants it exclusive.
    rows.ensure(account.value(), job);
    return em.createNativeQuery(
                "UPDATE sync_lease SET owner = ?, expires_at = ?"
                    + " WHERE account_id = ? AND job = ? AND (owner IS NULL OR expires_at < ?)")
            .setParameter(1, owner)
            .setParameter(2, until)
            .setParameter(3, account.value())
            .setParameter(4, job)
            .setParameter(5, now)
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean renew(AccountId account, String job, String owner, Instant until) {
    return em.createNativeQuery(
                "UPDATE sync_lease SET expires_at = ? WHERE account_id = ? AND job = ? AND owner = ?")
            .setParameter(1, until)
            .setParameter(2, account.value())
            .setParameter(3, job)
            .setParameter(4, owner)
            .executeUpdate()
        == 1;
  }

  @Override
  public void release(AccountId account, String job, String owner) {
    em.createNativeQuery(
            "UPDATE sync_lease SET owner = NULL, expires_at = NULL WHERE account_id = ? AND job = ? AND owner = ?")
        .setParameter(1, account.value())
        .setParameter(2, job)
        .setParameter(3, owner)
        .executeUpdate();
  }
}
