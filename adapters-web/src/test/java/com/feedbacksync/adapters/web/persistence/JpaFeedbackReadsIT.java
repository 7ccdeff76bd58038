package com.feedbacksync.adapters.web.persistence;

import com.feedbacksync.adapters.web.support.ItDeployments;
import com.feedbacksync.adapters.web.support.PortAccounts;
import com.feedbacksync.application.contract.FeedbackReadsContract;
import com.feedbacksync.application.contract.TestAccounts;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.application.port.out.CustomerDirectory;
import com.feedbacksync.application.port.out.DocumentLibrary;
import com.feedbacksync.application.port.out.SyncStore;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.testing.ConversationBuilder;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin reads' contract against the JPA adapters on MariaDB, inside Liberty. */
@ExtendWith(ArquillianExtension.class)
class JpaFeedbackReadsIT extends FeedbackReadsContract {

  @Inject SyncStore store;
  @Inject Accounts accounts;
  @Inject DocumentLibrary library;
  @Inject CustomerDirectory directory;

  @Deployment
  static WebArchive war() {
    return ItDeployments.war("feedback-sync-reads-it.war")
        .addClasses(
            JpaFeedbackReadsIT.class,
            FeedbackReadsContract.class,
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
  protected DocumentLibrary library() {
    return library;
  }

  @Override
  protected CustomerDirectory directory() {
    return directory;
  }

  @Override
  protected AccountId newAccount() {
    return PortAccounts.create(accounts);
  }
}
