package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.ConnectionIdentity;
import com.feedbacksync.application.model.ItemKind;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.application.model.SetAside;
import com.feedbacksync.application.model.SkipReason;
import com.feedbacksync.application.model.SkippedItem;
import com.feedbacksync.application.model.StoredFile;
import com.feedbacksync.application.model.SyncBatch;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.application.port.out.SyncStore;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.document.FeedbackDocument;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationState;
import com.feedbacksync.domain.intercom.Html;
import com.feedbacksync.domain.intercom.TagId;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.profile.CustomerProfile;
import com.feedbacksync.domain.sync.HistoryPosition;
import com.feedbacksync.domain.sync.SyncedConversation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@link SyncStore} port on MariaDB. A batch and its checkpoint are one transaction; documents
 * are keyed by (account, workspace, conversation), so a page written twice stays written once.
 */
@ApplicationScoped
@Transactional
public class JpaSyncStore implements SyncStore {

  /**
   * Conversations without a customer reply recorded per account, at most: the newest are kept, the
   * run counts say how many there were.
   */
  static final int MAX_WITHOUT_REPLY_RECORDS = 10_000;

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
        among(
            em.createNativeQuery(
                    "SELECT conversation_id, updated_at, last_contact_reply_at, last_admin_reply_at,"
                        + " conversation_tag_ids, status FROM feedback_document"
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
      AccountId account, WorkspaceId workspace, Collection<ContactId> contacts) {
    if (contacts.isEmpty()) {
      return Set.of();
    }
    List<String> found =
        among(
            em.createNativeQuery(
                    "SELECT contact_id FROM customer_profile WHERE account_id = :account"
                        + " AND workspace_id = :workspace AND contact_id IN (:ids)",
                    String.class)
                .setParameter("account", account.value())
                .setParameter("workspace", workspace.value())
                .setParameter("ids", contacts.stream().map(ContactId::value).toList()));
    return found.stream().map(ContactId::new).collect(Collectors.toSet());
  }

  @Override
  public Checkpoint checkpoint(AccountId account, SyncStream stream) {
    SyncCheckpointEntity e =
        em.find(
            SyncCheckpointEntity.class,
            new SyncCheckpointEntity.Key(account.value(), stream.name()));
    if (e == null) {
      return Checkpoint.START;
    }
    return new Checkpoint(
        Optional.ofNullable(e.cursor).map(PageCursor::new),
        Optional.ofNullable(e.watermark),
        e.taken,
        Optional.ofNullable(e.windowEnd),
        position(e.oldestCreatedAt, e.oldestConversationId),
        e.done,
        position(e.handledCreatedAt, e.handledConversationId));
  }

  private static Optional<HistoryPosition> position(Instant createdAt, String conversationId) {
    return createdAt == null
        ? Optional.empty()
        : Optional.of(new HistoryPosition(createdAt, new ConversationId(conversationId)));
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
    // One read for the page's rows, not one per document: what is there decides insert or update.
    Map<FeedbackDocumentEntity.Key, FeedbackDocumentEntity> documents =
        byKey(
            em.createNativeQuery(
                    "SELECT * FROM feedback_document WHERE account_id = :account"
                        + " AND conversation_id IN (:ids)",
                    FeedbackDocumentEntity.class)
                .setParameter("account", account.value())
                .setParameter(
                    "ids",
                    batch.documents().stream()
                        .map(d -> d.document().conversationId().value())
                        .toList()),
            batch.documents().isEmpty(),
            (FeedbackDocumentEntity d) -> d.key);
    Map<CustomerProfileEntity.Key, CustomerProfileEntity> profiles =
        byKey(
            em.createNativeQuery(
                    "SELECT * FROM customer_profile WHERE account_id = :account"
                        + " AND contact_id IN (:ids)",
                    CustomerProfileEntity.class)
                .setParameter("account", account.value())
                .setParameter(
                    "ids", batch.profiles().stream().map(p -> p.contactId().value()).toList()),
            batch.profiles().isEmpty(),
            (CustomerProfileEntity p) -> p.key);
    // Both reads before any write: a query while inserts are pending makes Hibernate check every
    // managed row first (an auto-flush), once per query; a native query, declaring no tables,
    // flushes the whole context whenever anything is pending.
    for (SyncBatch.StoredDocument stored : batch.documents()) {
      upsert(account, stored, documents);
    }
    for (CustomerProfile profile : batch.profiles()) {
      upsert(account, profile, profiles);
    }
    // The page's rows in JDBC batches now, then out of the persistence context: each native
    // statement below would otherwise flush and dirty-check them all again (a profile showed that
    // auto-flush as a quarter of a commit's time).
    em.flush();
    em.clear();
    for (ContactId contact : batch.deletedContacts()) {
      var tombstone =
          em.createNativeQuery(
                  "UPDATE customer_profile SET deleted_at = ?, name = NULL, email = NULL,"
                      + " properties_json = '{}', segments_json = '[]', companies_json = '[]'"
                      + " WHERE account_id = ? AND contact_id = ? AND deleted_at IS NULL"
                      // a run's tombstones are its workspace's; another workspace's contact stays
                      + (workspace.isPresent() ? " AND workspace_id = ?" : ""))
              .setParameter(1, clock.instant())
              .setParameter(2, account.value())
              .setParameter(3, contact.value());
      workspace.ifPresent(w -> tombstone.setParameter(4, w));
      tombstone.executeUpdate();
    }
    String fileWorkspace =
        batch.documents().isEmpty()
            ? workspace.orElse(null)
            : batch.documents().get(0).document().workspace().value();
    for (StoredFile file : batch.files()) {
      // The same file again (a re-sync) replaces the stored copy: same key, same content. The
      // replaced row takes its pieces with it (ON DELETE CASCADE).
      em.createNativeQuery(
              "REPLACE INTO document_file (account_id, workspace_id, conversation_id, file_id,"
                  + " name, content_type, size_bytes) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .setParameter(1, account.value())
          .setParameter(2, fileWorkspace)
          .setParameter(3, file.conversation().value())
          .setParameter(4, file.fileId())
          .setParameter(5, truncate(file.name(), 300))
          .setParameter(6, truncate(file.contentType(), 200))
          .setParameter(7, file.content().size())
          .executeUpdate();
      long written =
          FileChunks.write(
              em,
              new FileChunks.Key(
                  account.value(), fileWorkspace, file.conversation().value(), file.fileId()),
              file.content());
      if (written != file.content().size()) {
        throw new IllegalStateException(
            "file "
                + file.fileId()
                + " gave "
                + written
                + " of "
                + file.content().size()
                + " bytes");
      }
    }
    for (ConversationId id : batch.deletions()) {
      // A tombstone keeps the fact, not the content: its files go with it.
      var files =
          em.createNativeQuery(
                  "DELETE FROM document_file WHERE account_id = ? AND conversation_id = ?"
                      + (workspace.isPresent() ? " AND workspace_id = ?" : ""))
              .setParameter(1, account.value())
              .setParameter(2, id.value());
      workspace.ifPresent(w -> files.setParameter(3, w));
      files.executeUpdate();
      var document =
          em.createQuery(
                  "update FeedbackDocumentEntity d set d.deletedAt = :now, d.messagesJson = '[]',"
                      + " d.bodyText = '', d.title = '(deleted in Intercom)',"
                      // Attributes carry words too (the subject, a rating's remark, a custom
                      // attribute such as "CX Score explanation")
                      + " d.intercomAttributesJson = '{}', d.attributesJson = '{}'"
                      + " where d.key.accountId = :account and d.key.conversationId = :id"
                      + " and d.deletedAt is null"
                      // a run's tombstones are its workspace's; another workspace's document of
                      // the same id stays as it was
                      + (workspace.isPresent() ? " and d.key.workspaceId = :workspace" : ""))
              .setParameter("now", clock.instant())
              .setParameter("account", account.value())
              .setParameter("id", id.value());
      workspace.ifPresent(w -> document.setParameter("workspace", w));
      document.executeUpdate();
    }
    setAside(account, batch, Optional.ofNullable(fileWorkspace));
    saveCheckpoint(account, batch.stream(), batch.checkpoint(), workspace);
  }

  /**
   * What the batch read is no longer set aside; what it set aside is recorded (again: one attempt
   * more, its first sighting kept); no-reply records stay bounded, the oldest going first.
   */
  private void setAside(AccountId account, SyncBatch batch, Optional<String> workspace) {
    clear(
        account,
        ItemKind.CONVERSATION,
        Stream.concat(
                batch.documents().stream().map(d -> d.document().conversationId()),
                batch.deletions().stream())
            .map(ConversationId::value)
            .toList());
    clear(
        account,
        ItemKind.CONTACT,
        Stream.concat(
                batch.profiles().stream().map(CustomerProfile::contactId),
                batch.deletedContacts().stream())
            .map(ContactId::value)
            .toList());
    Instant now = clock.instant();
    boolean withoutReply = false;
    for (SetAside item : batch.setAside()) {
      em.createNativeQuery(
              "INSERT INTO skipped_item (account_id, kind, intercom_id, workspace_id, reason,"
                  + " detail, attempts, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)"
                  + " ON DUPLICATE KEY UPDATE workspace_id = VALUES(workspace_id),"
                  + " reason = VALUES(reason), detail = VALUES(detail), attempts = attempts + 1,"
                  + " last_seen = VALUES(last_seen)")
          .setParameter(1, account.value())
          .setParameter(2, item.kind().name())
          .setParameter(3, item.intercomId())
          .setParameter(4, workspace.orElse(null))
          .setParameter(5, item.reason().name())
          .setParameter(6, item.detail())
          .setParameter(7, now)
          .setParameter(8, now)
          .executeUpdate();
      withoutReply |= item.reason() == SkipReason.NO_CUSTOMER_REPLY;
    }
    if (withoutReply) {
      em.createNativeQuery(
              "DELETE FROM skipped_item WHERE account_id = ? AND reason = 'NO_CUSTOMER_REPLY'"
                  + " AND last_seen < (SELECT b.last_seen FROM (SELECT last_seen FROM skipped_item"
                  + " WHERE account_id = ? AND reason = 'NO_CUSTOMER_REPLY'"
                  + " ORDER BY last_seen DESC LIMIT 1 OFFSET ?) b)")
          .setParameter(1, account.value())
          .setParameter(2, account.value())
          .setParameter(3, MAX_WITHOUT_REPLY_RECORDS)
          .executeUpdate();
    }
  }

  private void clear(AccountId account, ItemKind kind, List<String> ids) {
    if (!ids.isEmpty()) {
      em.createNativeQuery(
              "DELETE FROM skipped_item WHERE account_id = :account AND kind = :kind"
                  + " AND intercom_id IN (:ids)")
          .setParameter("account", account.value())
          .setParameter("kind", kind.name())
          .setParameter("ids", ids)
          .executeUpdate();
    }
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

  private static <K, E> Map<K, E> byKey(Query query, boolean nothingAsked, Function<E, K> key) {
    Map<K, E> found = new HashMap<>();
    if (!nothingAsked) {
      JpaSyncStore.<E>among(query).forEach(e -> found.put(key.apply(e), e));
    }
    return found;
  }

  /**
   * The rows of a native query whose ids are an {@code IN (:ids)} list. Native, not JPQL: Hibernate
   * translated a JPQL {@code in :ids} from SQM to an SQL tree again for each list length it met
   * (B3's profile put 25 of the 32 samples of a commit's two reads there); a native query's SQL is
   * text already, to which the list adds placeholders. The query's result class types the rows.
   */
  @SuppressWarnings("unchecked")
  private static <E> List<E> among(Query query) {
    return query.getResultList();
  }

  private void upsert(
      AccountId account,
      SyncBatch.StoredDocument stored,
      Map<FeedbackDocumentEntity.Key, FeedbackDocumentEntity> existing) {
    FeedbackDocument doc = stored.document();
    FeedbackDocumentEntity.Key key =
        new FeedbackDocumentEntity.Key(
            account.value(), doc.workspace().value(), doc.conversationId().value());
    FeedbackDocumentEntity e = existing.get(key);
    if (e != null && (e.deletedAt != null || doc.updatedAt().isBefore(e.updatedAt))) {
      return; // a tombstone stays; a stale copy never overwrites a newer one
    }
    boolean fresh = e == null;
    if (fresh) {
      e = new FeedbackDocumentEntity();
      e.key = key;
      existing.put(key, e); // the same conversation twice in one page is written once
    }
    e.title = truncate(doc.title(), 400);
    e.status = doc.status().name();
    e.sourceType = truncate(doc.sourceType(), 64);
    e.deliveredAs = doc.deliveredAs().name();
    e.originalUrl = doc.originalUrl();
    e.customerContactId = doc.customer().map(c -> c.value()).orElse(null);
    e.createdAt = doc.createdAt();
    e.updatedAt = doc.updatedAt();
    e.syncedAt = doc.syncedAt();
    e.messagesJson = JsonColumns.messages(doc.messages());
    // Search needs words, not every byte of a 10 MB message: the column keeps the first million.
    e.bodyText =
        truncate(
            doc.messages().stream()
                .map(m -> Html.toText(m.html()))
                .collect(Collectors.joining("\n")),
            1_000_000);
    e.tagsJson = JsonColumns.tags(doc.tags());
    e.attributesJson = JsonColumns.attributes(doc.attributes());
    e.intercomAttributesJson = JsonColumns.attributes(doc.intercomAttributes());
    e.partsReported = doc.parts().reported();
    e.partsReceived = doc.parts().received();
    e.truncatedByIntercom = doc.parts().truncatedByIntercom();
    e.lastContactReplyAt = stored.synced().lastContactReplyAt().orElse(null);
    e.lastAdminReplyAt = stored.synced().lastAdminReplyAt().orElse(null);
    e.conversationTagIds =
        stored.synced().tagIds().stream()
            .map(TagId::value)
            .sorted()
            .collect(Collectors.joining(","));
    if (fresh) {
      em.persist(e);
    }
  }

  private void upsert(
      AccountId account,
      CustomerProfile p,
      Map<CustomerProfileEntity.Key, CustomerProfileEntity> existing) {
    CustomerProfileEntity.Key key =
        new CustomerProfileEntity.Key(
            account.value(), p.workspace().value(), p.contactId().value());
    CustomerProfileEntity e = existing.get(key);
    if (e != null && (e.deletedAt != null || p.updatedAt().isBefore(e.updatedAt))) {
      return; // a tombstone stays; a stale copy never overwrites a newer one
    }
    boolean fresh = e == null;
    if (fresh) {
      e = new CustomerProfileEntity();
      e.key = key;
      existing.put(key, e);
    }
    e.role = p.role().name();
    e.name = p.name().map(n -> truncate(n, 300)).orElse(null);
    e.email = p.email().map(n -> truncate(n, 320)).orElse(null);
    e.segmentsJson = JsonColumns.strings(p.segments());
    e.companiesJson = JsonColumns.companies(p.companies());
    e.propertiesJson = JsonColumns.attributes(p.properties());
    e.updatedAt = p.updatedAt();
    if (fresh) {
      em.persist(e);
    }
  }

  private void saveCheckpoint(
      AccountId account, SyncStream stream, Checkpoint cp, Optional<String> workspace) {
    SyncCheckpointEntity.Key key = new SyncCheckpointEntity.Key(account.value(), stream.name());
    SyncCheckpointEntity e = em.find(SyncCheckpointEntity.class, key);
    boolean fresh = e == null;
    if (fresh) {
      e = new SyncCheckpointEntity();
      e.key = key;
    }
    e.cursor = cp.cursor().map(PageCursor::value).orElse(null);
    e.watermark = cp.watermark().orElse(null);
    e.taken = cp.taken();
    e.windowEnd = cp.windowEnd().orElse(null);
    e.oldestCreatedAt = cp.oldestTaken().map(HistoryPosition::createdAt).orElse(null);
    e.oldestConversationId = cp.oldestTaken().map(p -> p.id().value()).orElse(null);
    e.done = cp.done();
    e.handledCreatedAt = cp.handledTo().map(HistoryPosition::createdAt).orElse(null);
    e.handledConversationId = cp.handledTo().map(p -> p.id().value()).orElse(null);
    if (workspace.isPresent()) {
      e.workspaceId = workspace.get();
    }
    if (fresh) {
      em.persist(e);
    }
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

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
