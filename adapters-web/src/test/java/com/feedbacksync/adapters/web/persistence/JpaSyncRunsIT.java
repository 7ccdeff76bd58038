package com.feedbacksync.adapters.web.persistence;

import com.feedbacksync.adapters.web.support.ItDeployments;
import com.feedbacksync.adapters.web.support.PortAccounts;
import com.feedbacksync.application.contract.SyncRunsContract;
import com.feedbacksync.application.contract.TestAccounts;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.domain.account.AccountId;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link SyncRuns} contract against the statements on MariaDB. */
@ExtendWith(ArquillianExtension.class)
class JpaSyncRunsIT extends SyncRunsContract {

  @Inject SyncRuns runs;
  @Inject Accounts accounts;
  @Inject Connections connections;

  @Override
  protected Connections connections() {
    return connections;
  }

  @Deployment
  static WebArchive war() {
    return ItDeployments.war("feedback-sync-runs-it.war")
        .addClasses(
            JpaSyncRunsIT.class,
            SyncRunsContract.class,
            TestAccounts.class,
            PortAccounts.class,
            ItDeployments.class);
  }

  @Override
  protected SyncRuns runs() {
    return runs;
  }

  @Override
  protected AccountId newAccount() {
    return PortAccounts.create(accounts);
  }
}
