package com.feedbacksync.adapters.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Makes sure a lease row exists, committed on its own, before anyone claims it. */
@ApplicationScoped
public class LeaseRows {

  @PersistenceContext(unitName = "feedbacksync")
  EntityManager em;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void ensure(String account, String job) {
    em.createNativeQuery("INSERT IGNORE INTO sync_lease (account_id, job) VALUES (?, ?)")
        .setParameter(1, account)
        .setParameter(2, job)
        .executeUpdate();
  }
}
