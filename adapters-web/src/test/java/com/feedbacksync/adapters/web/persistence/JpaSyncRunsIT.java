package com.feedbacksync.adapters.web.persistence;

import com.feedbacksync.adapters.web.support.ItDeployments;
import com.feedbacksync.application.contract.SyncRunsContract;
import com.feedbacksync.application.contract.TestAccounts;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.domain.account.AccountId;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link SyncRuns} contract against the statements on MariaDB. */
@ExtendWith(ArquillianExtension.class)
class JpaSyncRunsIT extends SyncRunsContract {

  @Inject SyncRuns runs;
  @Inject Connections connections;

  @Override
  protected Connections connections() {
    return connections;
  }

  @Resource(lookup = "jdbc/feedbacksync")
  DataSource db;

  @Deployment
  static WebArchive war() {
    return ItDeployments.war("feedback-sync-runs-it.war")
        .addClasses(
            JpaSyncRunsIT.class,
            SyncRunsContract.class,
            TestAccounts.class,
            ContractAccounts.class,
            ItDeployments.class);
  }

  @Override
  protected SyncRuns runs() {
    return runs;
  }

  @Override
  protected AccountId newAccount() {
    return ContractAccounts.create(db);
  }
}
