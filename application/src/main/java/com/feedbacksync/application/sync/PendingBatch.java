package com.feedbacksync.application.sync;

import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.Page;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.SetAside;
import com.feedbacksync.application.model.SkipReason;
import com.feedbacksync.application.model.StoredFile;
import com.feedbacksync.application.model.SyncBatch;
import com.feedbacksync.application.model.SyncBatch.StoredDocument;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.profile.CustomerProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a walk gathered since its last commit: it becomes one {@code SyncBatch}, committed with the
 * checkpoint after it. Used on the run's thread only.
 */
final class PendingBatch {

  private final List<StoredDocument> documents = new ArrayList<>();
  private final List<StoredFile> files = new ArrayList<>();
  private final List<CustomerProfile> profiles = new ArrayList<>();
  private final List<ConversationId> deletions = new ArrayList<>();
  private final List<ContactId> goneContacts = new ArrayList<>();
  private final List<SetAside> setAside = new ArrayList<>();
  private RunCounts counts = RunCounts.NONE;
  private long fileBytes;

  /**
   * File bytes a history part gathers before it is committed, whatever its rows: a commit carries
   * its files, and a few large ones are enough for one transaction (and the heap holding them).
   */
  static final long FILE_BYTES_PER_COMMIT = 64L << 20;

  void imported(DocumentImport.Imported imported) {
    documents.add(imported.document());
    if (imported.document().document().parts().truncatedByIntercom()) {
      counts = counts.plus(RunCounts.TRUNCATED_BY_INTERCOM);
    }
    files.addAll(imported.files());
    imported.files().forEach(f -> fileBytes += f.content().size());
  }

  void count(RunCounts more) {
    counts = counts.plus(more);
  }

  void profile(CustomerProfile profile) {
    profiles.add(profile);
  }

  /** A customer Intercom no longer has: its profile becomes a tombstone. */
  void goneContact(ContactId contact) {
    goneContacts.add(contact);
  }

  void authors(ProfileFetches.Authors authors) {
    profiles.addAll(authors.profiles());
    goneContacts.addAll(authors.gone());
    authors.unreadable().forEach(this::setAside);
  }

  /**
   * An item left out: recorded with this batch's checkpoint; an unreadable one is counted as such.
   */
  void setAside(SetAside item) {
    setAside.add(item);
    if (item.reason() == SkipReason.UNREADABLE) {
      counts = counts.plus(RunCounts.UNREADABLE);
    }
  }

  /**
   * A listing page's items that could not be read: those with an id are set aside (retried on their
   * own later), the others only counted; the walk moves on past them either way.
   */
  void unread(Page<?> page) {
    page.unreadable().forEach(this::setAside);
    for (int i = 0; i < page.unidentified(); i++) {
      counts = counts.plus(RunCounts.UNREADABLE);
    }
  }

  void deletion(ConversationId conversation) {
    deletions.add(conversation);
  }

  List<StoredDocument> documents() {
    return List.copyOf(documents);
  }

  /** Whether the files gathered reached the budget of one commit. */
  boolean filesOverBudget() {
    return fileBytes >= FILE_BYTES_PER_COMMIT;
  }

  /** Rows the commit writes: documents and profiles. */
  int rows() {
    return documents.size() + profiles.size();
  }

  /** Conversations fetched into this part (its progress). */
  long fetched() {
    return counts.fetched();
  }

  /** The batch to commit: everything gathered, counted, with the checkpoint after it. */
  SyncBatch batch(SyncStream stream, Checkpoint next) {
    return new SyncBatch(
        stream,
        documents,
        profiles,
        deletions,
        goneContacts,
        files,
        next,
        counts.plus(RunCounts.profiles(profiles.size())),
        Optional.empty(),
        setAside);
  }
}
