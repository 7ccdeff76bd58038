package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.port.out.WebhookDeliveries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;

/**
 * The {@link WebhookDeliveries} port on MariaDB: the id is the primary key, so of two servers
 * receiving one notification at once exactly one inserts it; times are the database's.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JpaWebhookDeliveries implements WebhookDeliveries {

  @PersistenceContext(unitName = "feedbacksync")
  EntityManager em;

  @Override
  public boolean firstDelivery(String notificationId) {
    return em.createNativeQuery(
                "INSERT IGNORE INTO webhook_delivery (notification_id, received_at)"
                    + " VALUES (?, NOW(6))")
            .setParameter(1, notificationId)
            .executeUpdate()
        == 1;
  }

  @Override
  public void forgetOlderThan(Duration age) {
    em.createNativeQuery(
            "DELETE FROM webhook_delivery"
                + " WHERE received_at < TIMESTAMPADD(SECOND, -?, NOW(6))")
        .setParameter(1, age.toSeconds())
        .executeUpdate();
  }
}
