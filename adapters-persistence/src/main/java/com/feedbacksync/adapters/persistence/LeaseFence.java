package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.model.LeaseToken;
import jakarta.persistence.EntityManager;

/**
 * Whether a lease token holds its job now, on the database's clock. Inside a commit's transaction
 * the row is locked until the commit ends: a claim by another server waits for it, so nothing the
 * commit writes can land after its lease was taken over.
 */
final class LeaseFence {

  private LeaseFence() {}

  static boolean holds(EntityManager em, LeaseToken lease, boolean lockUntilCommit) {
    return !em.createNativeQuery(
            "SELECT 1 FROM sync_lease WHERE account_id = ? AND job = ? AND owner = ?"
                + " AND fence = ? AND expires_at >= NOW(6)"
                + (lockUntilCommit ? " FOR UPDATE" : ""))
        .setParameter(1, lease.account().value())
        .setParameter(2, lease.job())
        .setParameter(3, lease.owner())
        .setParameter(4, lease.fence())
        .getResultList()
        .isEmpty();
  }
}
