package com.feedbacksync.application.port.out;

import com.feedbacksync.application.model.DocumentQuery;
import com.feedbacksync.application.model.DocumentSummary;
import com.feedbacksync.application.model.Lookup;
import com.feedbacksync.application.model.Slice;
import com.feedbacksync.application.model.StoredFile;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.document.FeedbackDocument;
import com.feedbacksync.domain.intercom.ConversationId;
import java.util.Optional;

/** The synced documents as admins read them, always within one account. */
public interface DocumentLibrary {

  /** The documents the query selects, newest activity first; tombstones are not listed. */
  Slice<DocumentSummary> documents(AccountId account, DocumentQuery query);

  /** How many documents the query's filters select in all (its cursor and limit aside). */
  long count(AccountId account, DocumentQuery query);

  Lookup<FeedbackDocument> document(AccountId account, ConversationId id);

  /** A stored attachment or inline image of the document. */
  Optional<StoredFile> file(AccountId account, ConversationId document, String fileId);
}
