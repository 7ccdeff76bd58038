package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.model.LeaseClaim;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.port.out.Leases;
import com.feedbacksync.domain.account.AccountId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@link Leases} port on MariaDB: the row exists once per (account, job); a claim locks it and
 * makes one conditional UPDATE, which the database serialises, so exactly one claimant wins a free
 * or expired lease, and knows whose expired lease it took over; a holder cannot claim its own lease
 * again, so one server never runs one job twice at once. Every time is the database's ({@code
 * NOW(6)}), never a server's: servers whose clocks disagree by any amount still agree on who holds
 * a lease and until when.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JpaLeases implements Leases {

  @PersistenceContext(unitName = "feedbacksync")
  EntityManager em;

  @Inject LeaseRows rows;

  @Override
  public Optional<LeaseClaim> claim(AccountId account, String job, String owner, Duration length) {
    // The row is made in a transaction of its own; the claim then locks it exclusively at once
    // (FOR UPDATE), reads who held it, and takes it with one conditional UPDATE. Inserting in the
    // claim's transaction deadlocked two servers pressing "sync now" together (TwoServersIT):
    // INSERT IGNORE takes a shared lock, and the UPDATE then wants it exclusive.
    rows.ensure(account.value(), job);
    List<?> before =
        em.createNativeQuery(
                "SELECT owner, expires_at < NOW(6) FROM sync_lease"
                    + " WHERE account_id = ? AND job = ? FOR UPDATE")
            .setParameter(1, account.value())
            .setParameter(2, job)
            .getResultList();
    int claimed =
        em.createNativeQuery(
                "UPDATE sync_lease SET owner = ?, fence = fence + 1,"
                    + " expires_at = TIMESTAMPADD(MICROSECOND, ?, NOW(6))"
                    + " WHERE account_id = ? AND job = ? AND (owner IS NULL OR expires_at < NOW(6))")
            .setParameter(1, owner)
            .setParameter(2, micros(length))
            .setParameter(3, account.value())
            .setParameter(4, job)
            .executeUpdate();
    if (claimed != 1) {
      return Optional.empty();
    }
    // The row is locked until this transaction ends: the holder and fence read are this claim's.
    List<?> fence =
        em.createNativeQuery("SELECT fence FROM sync_lease WHERE account_id = ? AND job = ?")
            .setParameter(1, account.value())
            .setParameter(2, job)
            .getResultList();
    LeaseToken token = new LeaseToken(account, job, owner, ((Number) fence.get(0)).longValue());
    // A released lease has no owner; one that still names another owner expired in its hands.
    Optional<String> previous =
        Optional.ofNullable((String) ((Object[]) before.get(0))[0])
            .filter(holder -> !holder.equals(owner));
    return Optional.of(new LeaseClaim(token, previous));
  }

  @Override
  public boolean renew(LeaseToken lease, Duration length) {
    return em.createNativeQuery(
                "UPDATE sync_lease SET expires_at = TIMESTAMPADD(MICROSECOND, ?, NOW(6))"
                    + " WHERE account_id = ? AND job = ? AND owner = ? AND fence = ?")
            .setParameter(1, micros(length))
            .setParameter(2, lease.account().value())
            .setParameter(3, lease.job())
            .setParameter(4, lease.owner())
            .setParameter(5, lease.fence())
            .executeUpdate()
        == 1;
  }

  @Override
  public void release(LeaseToken lease) {
    em.createNativeQuery(
            "UPDATE sync_lease SET owner = NULL, expires_at = NULL"
                + " WHERE account_id = ? AND job = ? AND owner = ? AND fence = ?")
        .setParameter(1, lease.account().value())
        .setParameter(2, lease.job())
        .setParameter(3, lease.owner())
        .setParameter(4, lease.fence())
        .executeUpdate();
  }

  @Override
  public boolean holds(LeaseToken lease) {
    return LeaseFence.holds(em, lease, false);
  }

  private static long micros(Duration length) {
    return length.toNanos() / 1_000;
  }
}
