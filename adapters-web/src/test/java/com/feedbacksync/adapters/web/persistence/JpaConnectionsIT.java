package com.feedbacksync.adapters.web.persistence;

import com.feedbacksync.adapters.web.support.ItDeployments;
import com.feedbacksync.application.contract.ConnectionsContract;
import com.feedbacksync.application.contract.TestAccounts;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.domain.account.AccountId;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link Connections} contract against the JPA adapter (tokens sealed) on MariaDB. */
@ExtendWith(ArquillianExtension.class)
class JpaConnectionsIT extends ConnectionsContract {

  @Inject Connections connections;

  @Resource(lookup = "jdbc/feedbacksync")
  DataSource db;

  @Deployment
  static WebArchive war() {
    return ItDeployments.war("feedback-sync-connections-it.war")
        .addClasses(
            JpaConnectionsIT.class,
            ConnectionsContract.class,
            TestAccounts.class,
            ContractAccounts.class,
            ItDeployments.class);
  }

  @Override
  protected Connections connections() {
    return connections;
  }

  @Override
  protected AccountId newAccount() {
    return ContractAccounts.create(db);
  }
}
