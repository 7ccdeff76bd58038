package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.ConnectionIdentity;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.model.SkippedItem;
import com.feedbacksync.application.model.SyncBatch;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.application.port.out.SyncStore;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationState;
import com.feedbacksync.domain.intercom.TagId;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.SyncedConversation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@link SyncStore} port on MariaDB. A batch and its checkpoint are one transaction; documents
 * are keyed by (account, workspace, conversation), so a page written twice stays written once.
 */
@ApplicationScoped
@Transactional
public class JpaSyncStore implements SyncStore {

  @PersistenceContext(unitName = "feedbacksync")
  EntityManager em;

  @Inject Clock clock;

  @Override
  public Map<ConversationId, SyncedConversation> synced(
      AccountId account, WorkspaceId workspace, Collection<ConversationId> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    // The compared columns only: whole rows would bring each document's messages (up to
    // megabytes) into the persistence context, and a snapshot of them, for a page of 150.
    List<Object[]> rows =
        IdListQuery.rows(
            em.createNativeQuery(
                    "SELECT conversation_id, updated_at, last_contact_reply_at, last_admin_reply_at,"
                        + " conversation_tag_ids, status FROM feedback_document"
                        + " FORCE INDEX (ix_feedback_document_conversation)"
                        + " WHERE account_id = :account AND workspace_id = :workspace"
                        + " AND conversation_id IN (:ids) AND deleted_at IS NULL",
                    FeedbackDocumentEntity.SYNCED)
                .setParameter("account", account.value())
                .setParameter("workspace", workspace.value())
                .setParameter("ids", ids.stream().map(ConversationId::value).toList()));
    Map<ConversationId, SyncedConversation> found = new HashMap<>();
    for (Object[] r : rows) {
      found.put(
          new ConversationId((String) r[0]),
          new SyncedConversation(
              (Instant) r[1],
              Optional.ofNullable((Instant) r[2]),
              Optional.ofNullable((Instant) r[3]),
              tagIds((String) r[4]),
              ConversationState.valueOf((String) r[5])));
    }
    return found;
  }

  @Override
  public Set<ContactId> profiled(
      AccountId account, WorkspaceId workspace, Collection<ContactId> contacts, Instant since) {
    if (contacts.isEmpty()) {
      return Set.of();
    }
    // Answered from the index alone: it holds both times (V25).
    List<String> found =
        IdListQuery.rows(
            em.createNativeQuery(
                    "SELECT contact_id FROM customer_profile"
                        + " FORCE INDEX (ix_customer_profile_contact) WHERE account_id = :account"
                        + " AND workspace_id = :workspace AND contact_id IN (:ids)"
                        + " AND (deleted_at IS NOT NULL OR synced_at >= :since)",
                    String.class)
                .setParameter("account", account.value())
                .setParameter("workspace", workspace.value())
                .setParameter("since", since)
                .setParameter("ids", contacts.stream().map(ContactId::value).toList()));
    return found.stream().map(ContactId::new).collect(Collectors.toSet());
  }

  @Override
  public Map<String, Long> storedFiles(
      AccountId account, WorkspaceId workspace, ConversationId conversation) {
    // The primary key's prefix: the conversation's rows and nothing else.
    List<?> rows =
        em.createNativeQuery(
                "SELECT file_id, size_bytes FROM document_file WHERE account_id = ?"
                    + " AND workspace_id = ? AND conversation_id = ?")
            .setParameter(1, account.value())
            .setParameter(2, workspace.value())
            .setParameter(3, conversation.value())
            .getResultList();
    Map<String, Long> sizes = new HashMap<>();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      sizes.put((String) r[0], ((Number) r[1]).longValue());
    }
    return sizes;
  }

  @Override
  public Checkpoint checkpoint(AccountId account, SyncStream stream) {
    return CheckpointRows.read(em, account, stream);
  }

  @Override
  public void commit(AccountId account, SyncBatch batch, LeaseToken lease) {
    // First, and with the lease row locked until this transaction ends: a server that lost the
    // account writes nothing, and none can take the account over while these writes are underway.
    if (!lease.account().equals(account) || !LeaseFence.holds(em, lease, true)) {
      throw new LeaseLost();
    }
    commit(account, batch);
  }

  @Override
  public void commit(AccountId account, SyncBatch batch) {
    // The guard and the writes are one transaction, and the shared lock holds the connection row
    // until it ends: a disconnect (DELETE) waits for this commit, and the next one finds it gone.
    Optional<String> workspace = batch.connection().map(c -> c.workspace().value());
    if (batch.connection().isPresent() && !stands(batch.connection().get())) {
      throw new ConnectionGone();
    }
    DocumentRows.write(em, account, batch, clock);
    Tombstones.contacts(em, account, batch.deletedContacts(), workspace, clock);
    String fileWorkspace =
        batch.documents().isEmpty()
            ? workspace.orElse(null)
            : batch.documents().get(0).document().workspace().value();
    StoredFileRows.write(em, account, fileWorkspace, batch.files());
    Tombstones.conversations(em, account, batch.deletions(), workspace, clock);
    SetAsideRows.write(em, account, batch, Optional.ofNullable(fileWorkspace), clock);
    CheckpointRows.save(em, account, batch.stream(), batch.checkpoint(), workspace);
  }

  /**
   * Files are stored in pieces ({@link FileChunks}), so the database takes a file of any size: the
   * download limit alone decides.
   */
  @Override
  public long maxFileBytes() {
    return Long.MAX_VALUE;
  }

  @Override
  public List<SkippedItem> deadLetters(AccountId account, WorkspaceId workspace, int limit) {
    return JpaSkippedItems.items(
        em.createNativeQuery(
                JpaSkippedItems.COLUMNS
                    + " WHERE account_id = ? AND workspace_id = ? AND reason = 'UNREADABLE'"
                    + " ORDER BY last_seen LIMIT ?")
            .setParameter(1, account.value())
            .setParameter(2, workspace.value())
            .setParameter(3, limit)
            .getResultList());
  }

  private boolean stands(ConnectionIdentity connection) {
    return !em.createNativeQuery(
            "SELECT account_id FROM intercom_connection WHERE account_id = ? AND workspace_id = ?"
                + " AND grant_id = ? LOCK IN SHARE MODE")
        .setParameter(1, connection.account().value())
        .setParameter(2, connection.workspace().value())
        .setParameter(3, connection.grant())
        .getResultList()
        .isEmpty();
  }

  @Override
  public void startWorkspace(AccountId account, WorkspaceId workspace) {
    em.createNativeQuery("DELETE FROM skipped_item WHERE account_id = ? AND workspace_id <> ?")
        .setParameter(1, account.value())
        .setParameter(2, workspace.value())
        .executeUpdate();
    em.createNativeQuery(
            "DELETE FROM sync_checkpoint WHERE account_id = ? AND workspace_id IS NOT NULL"
                + " AND workspace_id <> ?")
        .setParameter(1, account.value())
        .setParameter(2, workspace.value())
        .executeUpdate();
  }

  @Override
  public void purge(AccountId account) {
    for (String table : List.of("document_file", "skipped_item")) {
      em.createNativeQuery("DELETE FROM " + table + " WHERE account_id = ?")
          .setParameter(1, account.value())
          .executeUpdate();
    }
    for (String entity :
        List.of("FeedbackDocumentEntity", "CustomerProfileEntity", "SyncCheckpointEntity")) {
      em.createQuery("delete from " + entity + " e where e.key.accountId = :account")
          .setParameter("account", account.value())
          .executeUpdate();
    }
  }

  private static Set<TagId> tagIds(String joined) {
    return joined == null || joined.isEmpty()
        ? Set.of()
        : Arrays.stream(joined.split(",")).map(TagId::new).collect(Collectors.toSet());
  }
}
