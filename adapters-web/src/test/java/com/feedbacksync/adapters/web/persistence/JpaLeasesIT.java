package com.feedbacksync.adapters.web.persistence;

import com.feedbacksync.adapters.web.support.ItDeployments;
import com.feedbacksync.adapters.web.support.PortAccounts;
import com.feedbacksync.application.contract.LeasesContract;
import com.feedbacksync.application.contract.TestAccounts;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.application.port.out.Leases;
import com.feedbacksync.domain.account.AccountId;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link Leases} contract against the conditional UPDATE on MariaDB and its clock. */
@ExtendWith(ArquillianExtension.class)
class JpaLeasesIT extends LeasesContract {

  @Inject Leases leases;
  @Inject Accounts accounts;

  @Deployment
  static WebArchive war() {
    return ItDeployments.war("feedback-sync-leases-it.war")
        .addClasses(
            JpaLeasesIT.class,
            LeasesContract.class,
            TestAccounts.class,
            PortAccounts.class,
            ItDeployments.class);
  }

  @Override
  protected Leases leases() {
    return leases;
  }

  @Override
  protected AccountId newAccount() {
    return PortAccounts.create(accounts);
  }

  /** The database's clock runs on its own: the test waits. */
  @Override
  protected void elapse(Duration time) throws InterruptedException {
    Thread.sleep(time.toMillis());
  }
}
