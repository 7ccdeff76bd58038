package com.feedbacksync.adapters.web.persistence;

import com.feedbacksync.adapters.web.support.ItDeployments;
import com.feedbacksync.adapters.web.support.PortAccounts;
import com.feedbacksync.application.contract.SyncStoreContract;
import com.feedbacksync.application.contract.TestAccounts;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.Leases;
import com.feedbacksync.application.port.out.SyncStore;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.testing.ConversationBuilder;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link SyncStore} contract against the JPA adapter on MariaDB, inside Liberty. */
@ExtendWith(ArquillianExtension.class)
class JpaSyncStoreIT extends SyncStoreContract {

  @Inject SyncStore store;
  @Inject Accounts accounts;
  @Inject Connections connections;
  @Inject Leases leases;

  @Override
  protected Leases leases() {
    return leases;
  }

  @Resource(lookup = "jdbc/feedbacksync")
  DataSource db;

  @Deployment
  static WebArchive war() {
    return ItDeployments.war("feedback-sync-store-it.war")
        .addClasses(
            JpaSyncStoreIT.class,
            SyncStoreContract.class,
            ConversationBuilder.class,
            TestAccounts.class,
            PortAccounts.class,
            ItDeployments.class);
  }

  @Override
  protected SyncStore store() {
    return store;
  }

  @Override
  protected AccountId newAccount() {
    return PortAccounts.create(accounts);
  }

  @Override
  protected Connections connections() {
    return connections;
  }

  @Override
  protected long storedFiles(AccountId account) {
    try (java.sql.Connection c = db.getConnection();
        java.sql.PreparedStatement count =
            c.prepareStatement("SELECT COUNT(*) FROM document_file WHERE account_id = ?")) {
      count.setString(1, account.value());
      try (java.sql.ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
