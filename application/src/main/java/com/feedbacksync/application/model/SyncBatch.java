package com.feedbacksync.application.model;

import com.feedbacksync.domain.document.FeedbackDocument;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.profile.CustomerProfile;
import com.feedbacksync.domain.sync.SyncedConversation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page's worth of results and the checkpoint after it: stored in one transaction, so the
 * checkpoint never passes data that was not committed. Deleted conversations and contacts become
 * tombstones.
 *
 * @param connection the connection a run fetched it under: the store refuses it, writing nothing,
 *     once that connection is gone (empty: written unconditionally, as tests and tools do)
 * @param setAside conversations and contacts the walk left out (unreadable, or without a customer
 *     reply), recorded with the checkpoint that moves past them; every item the batch stores or
 *     tombstones is no longer set aside
 */
public record SyncBatch(
    SyncStream stream,
    List<StoredDocument> documents,
    List<CustomerProfile> profiles,
    List<ConversationId> deletions,
    List<ContactId> deletedContacts,
    List<StoredFile> files,
    Checkpoint checkpoint,
    RunCounts counts,
    Optional<ConnectionIdentity> connection,
    List<SetAside> setAside) {

  /** A document with what change detection compares next time. */
  public record StoredDocument(FeedbackDocument document, SyncedConversation synced) {
    public StoredDocument {
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(synced, "synced");
    }
  }

  public SyncBatch {
    Objects.requireNonNull(stream, "stream");
    documents = List.copyOf(documents);
    profiles = List.copyOf(profiles);
    deletions = List.copyOf(deletions);
    deletedContacts = List.copyOf(deletedContacts);
    files = List.copyOf(files);
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(connection, "connection");
    setAside = List.copyOf(setAside);
  }

  /** A batch that sets nothing aside. */
  public SyncBatch(
      SyncStream stream,
      List<StoredDocument> documents,
      List<CustomerProfile> profiles,
      List<ConversationId> deletions,
      List<ContactId> deletedContacts,
      List<StoredFile> files,
      Checkpoint checkpoint,
      RunCounts counts,
      Optional<ConnectionIdentity> connection) {
    this(
        stream,
        documents,
        profiles,
        deletions,
        deletedContacts,
        files,
        checkpoint,
        counts,
        connection,
        List.of());
  }

  /** A batch no connection guards. */
  public SyncBatch(
      SyncStream stream,
      List<StoredDocument> documents,
      List<CustomerProfile> profiles,
      List<ConversationId> deletions,
      List<ContactId> deletedContacts,
      List<StoredFile> files,
      Checkpoint checkpoint,
      RunCounts counts) {
    this(
        stream,
        documents,
        profiles,
        deletions,
        deletedContacts,
        files,
        checkpoint,
        counts,
        Optional.empty(),
        List.of());
  }

  /** The same batch, written only while this connection stands. */
  public SyncBatch guardedBy(ConnectionIdentity identity) {
    return new SyncBatch(
        stream,
        documents,
        profiles,
        deletions,
        deletedContacts,
        files,
        checkpoint,
        counts,
        Optional.of(identity),
        setAside);
  }
}
