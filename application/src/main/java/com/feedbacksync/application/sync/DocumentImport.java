package com.feedbacksync.application.sync;

import com.feedbacksync.application.model.StoredFile;
import com.feedbacksync.application.model.SyncBatch.StoredDocument;
import com.feedbacksync.domain.document.DocumentMapping;
import com.feedbacksync.domain.document.FeedbackDocument;
import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.sync.ReplyRequiredFilter;
import com.feedbacksync.domain.sync.SyncedConversation;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A conversation into a feedback document: the reply rule first (a conversation no customer replied
 * in is left out), then the mapping, then its files copied. Safe on the fetchers' threads.
 */
final class DocumentImport {

  private final ReplyRequiredFilter filter = new ReplyRequiredFilter();
  private final DocumentMapping mapping;
  private final Workspace workspace;
  private final FileCopies files;
  private final Clock clock;

  DocumentImport(DocumentMapping mapping, Workspace workspace, FileCopies files, Clock clock) {
    this.mapping = mapping;
    this.workspace = workspace;
    this.files = files;
    this.clock = clock;
  }

  /** A kept conversation as it is stored, with the files copied for it. */
  record Imported(StoredDocument document, List<StoredFile> files) {}

  /** The document, or empty when the reply rule leaves the conversation out. */
  Optional<Imported> of(Conversation conversation) {
    return of(conversation, true);
  }

  /**
   * The same for a conversation no sync stored yet (a history walk's): the store is not asked for
   * files it cannot hold.
   */
  Optional<Imported> firstOf(Conversation conversation) {
    return of(conversation, false);
  }

  private Optional<Imported> of(Conversation conversation, boolean storedBefore) {
    if (!filter.judge(conversation).kept()) {
      return Optional.empty();
    }
    FeedbackDocument document = mapping.map(workspace, conversation, clock.instant());
    FileCopies.Copied copied = storedBefore ? files.copy(document) : files.copyNew(document);
    return Optional.of(
        new Imported(
            new StoredDocument(copied.document(), SyncedConversation.of(conversation)),
            copied.files()));
  }
}
