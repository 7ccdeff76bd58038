package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.model.SyncBatch;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.document.FeedbackDocument;
import com.feedbacksync.domain.intercom.Html;
import com.feedbacksync.domain.intercom.TagId;
import com.feedbacksync.domain.profile.CustomerProfile;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A batch's documents and customer profiles as rows: one read per table for the rows already there,
 * which decides insert or update, then the writes in JDBC batches. A stale copy never overwrites a
 * newer one and a tombstone stays.
 */
final class DocumentRows {

  private DocumentRows() {}

  static void write(EntityManager em, AccountId account, SyncBatch batch, Clock clock) {
    // One read for the page's rows, not one per document.
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
      upsert(em, account, stored, documents);
    }
    // Only history walks read the stamp (SyncStore.profiled): the other streams' profiles leave it,
    // so one they hand over unchanged costs no write, as before it existed.
    Optional<Instant> stamp =
        batch.stream() == SyncStream.HISTORY || batch.stream() == SyncStream.BACKFILL
            ? Optional.of(clock.instant())
            : Optional.empty();
    for (CustomerProfile profile : batch.profiles()) {
      upsert(em, account, profile, profiles, stamp);
    }
    // The page's rows in JDBC batches now, then out of the persistence context: each native
    // statement after this would otherwise flush and dirty-check them all again (a profile showed
    // that auto-flush as a quarter of a commit's time).
    em.flush();
    em.clear();
  }

  private static <K, E> Map<K, E> byKey(Query query, boolean nothingAsked, Function<E, K> key) {
    Map<K, E> found = new HashMap<>();
    if (!nothingAsked) {
      IdListQuery.<E>rows(query).forEach(e -> found.put(key.apply(e), e));
    }
    return found;
  }

  private static void upsert(
      EntityManager em,
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

  private static void upsert(
      EntityManager em,
      AccountId account,
      CustomerProfile p,
      Map<CustomerProfileEntity.Key, CustomerProfileEntity> existing,
      Optional<Instant> stamp) {
    CustomerProfileEntity.Key key =
        new CustomerProfileEntity.Key(
            account.value(), p.workspace().value(), p.contactId().value());
    CustomerProfileEntity e = existing.get(key);
    if (e != null && e.deletedAt != null) {
      return; // a tombstone stays
    }
    if (e != null && p.updatedAt().isBefore(e.updatedAt)) {
      // A stale copy never overwrites a newer row, which is then as current as the copy.
      if (stamp.isPresent()) {
        e.syncedAt = stamp.get();
      }
      return;
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
    if (stamp.isPresent()) {
      e.syncedAt = stamp.get();
    }
    if (fresh) {
      em.persist(e);
    }
  }

  /** A text cut to a column's length, marked as cut. */
  static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
