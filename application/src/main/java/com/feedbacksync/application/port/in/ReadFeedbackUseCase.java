package com.feedbacksync.application.port.in;

import com.feedbacksync.application.model.CustomerQuery;
import com.feedbacksync.application.model.DocumentQuery;
import com.feedbacksync.application.model.DocumentSummary;
import com.feedbacksync.application.model.Lookup;
import com.feedbacksync.application.model.Slice;
import com.feedbacksync.application.model.StoredFile;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.document.FeedbackDocument;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.profile.CustomerProfile;
import java.util.Objects;
import java.util.Optional;

/** Reads what the sync stored: feedback documents, their files, customer profiles. */
public interface ReadFeedbackUseCase {

  Slice<DocumentSummary> documents(AccountId account, DocumentQuery query);

  /** How many documents the query's filters select in all (its cursor and limit aside). */
  long countDocuments(AccountId account, DocumentQuery query);

  /** The document with the profile of the customer who wrote it, when that profile is synced. */
  Lookup<DocumentWithCustomer> document(AccountId account, ConversationId id);

  /** The document alone, for its Document Info: no profile read for a view that shows none. */
  Lookup<FeedbackDocument> documentInfo(AccountId account, ConversationId id);

  Optional<StoredFile> file(AccountId account, ConversationId document, String fileId);

  Slice<CustomerProfile> customers(AccountId account, CustomerQuery query);

  Lookup<CustomerProfile> customer(AccountId account, ContactId id);

  /** A document and its author's profile. */
  record DocumentWithCustomer(FeedbackDocument document, Optional<CustomerProfile> customer) {
    public DocumentWithCustomer {
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(customer, "customer");
    }
  }
}
