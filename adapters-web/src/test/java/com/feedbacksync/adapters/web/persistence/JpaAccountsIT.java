package com.feedbacksync.adapters.web.persistence;

import com.feedbacksync.adapters.web.support.ItDeployments;
import com.feedbacksync.application.contract.AccountsContract;
import com.feedbacksync.application.contract.TestAccounts;
import com.feedbacksync.application.port.out.Accounts;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link Accounts} contract on MariaDB, whose collation matches ids without letter case. */
@ExtendWith(ArquillianExtension.class)
class JpaAccountsIT extends AccountsContract {

  @Inject Accounts accounts;

  @Deployment
  static WebArchive war() {
    return ItDeployments.war("feedback-sync-accounts-it.war")
        .addClasses(
            JpaAccountsIT.class, AccountsContract.class, TestAccounts.class, ItDeployments.class);
  }

  @Override
  protected Accounts accounts() {
    return accounts;
  }
}
