package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.model.CustomerQuery;
import com.feedbacksync.application.model.DocumentQuery;
import com.feedbacksync.application.model.DocumentSummary;
import com.feedbacksync.application.model.Lookup;
import com.feedbacksync.application.model.Slice;
import com.feedbacksync.application.model.SliceCursor;
import com.feedbacksync.application.model.StoredFile;
import com.feedbacksync.application.port.out.CustomerDirectory;
import com.feedbacksync.application.port.out.DocumentLibrary;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.document.FeedbackDocument;
import com.feedbacksync.domain.document.PartsCount;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ContactRole;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationState;
import com.feedbacksync.domain.intercom.DeliveredAs;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.profile.CustomerProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The admin API's reads on MariaDB. A list page is one native query in keyset order (filters in
 * SQL: full text, JSON tags) that reads one row past the page, so a page costs the same at row
 * 100,000 as at row 1. Native, not JPQL: a JPQL page of ids ("in :ids") was translated to SQL again
 * on every request, the largest single cost of a list request in a profile.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class JpaFeedbackReads implements DocumentLibrary, CustomerDirectory {

  /**
   * InnoDB's full-text index leaves these out (its default stop words) and words shorter than its
   * minimum token size; requiring one of them would match nothing, so the query drops them.
   */
  private static final Set<String> STOP_WORDS =
      Set.of(
          "about", "are", "com", "for", "from", "how", "that", "the", "this", "was", "what", "when",
          "where", "who", "will", "with", "und", "www");

  private static final int MIN_WORD = 3;

  @PersistenceContext(unitName = "feedbacksync")
  EntityManager em;

  @Override
  public Slice<DocumentSummary> documents(AccountId account, DocumentQuery query) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT conversation_id, title, status, tags_json, customer_contact_id, created_at,"
                + " updated_at, truncated_by_intercom");
    List<Object> args = new ArrayList<>();
    selecting(sql, args, account, query);
    keyset(sql, args, query.after(), "conversation_id");
    return slice(
        summaries(sql, args, query.limit() + 1),
        query.limit(),
        s -> new SliceCursor(s.updatedAt(), s.id().value()));
  }

  @Override
  public long count(AccountId account, DocumentQuery query) {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*)");
    List<Object> args = new ArrayList<>();
    selecting(sql, args, account, query);
    Query q = em.createNativeQuery(sql.toString());
    for (int i = 0; i < args.size(); i++) {
      q.setParameter(i + 1, args.get(i));
    }
    return ((Number) q.getSingleResult()).longValue();
  }

  /** The FROM and WHERE of the documents a query's filters select (live ones only). */
  private static void selecting(
      StringBuilder sql, List<Object> args, AccountId account, DocumentQuery query) {
    sql.append(" FROM feedback_document WHERE account_id = ? AND deleted_at IS NULL");
    args.add(account.value());
    query.status().ifPresent(s -> condition(sql, args, " AND status = ?", s.name()));
    query
        .customer()
        .ifPresent(c -> condition(sql, args, " AND customer_contact_id = ?", c.value()));
    query
        .tag()
        .ifPresent(
            t -> condition(sql, args, " AND JSON_CONTAINS(tags_json, JSON_OBJECT('name', ?))", t));
    query
        .text()
        .flatMap(JpaFeedbackReads::booleanModeWords)
        .ifPresent(
            w ->
                condition(
                    sql, args, " AND MATCH (title, body_text) AGAINST (? IN BOOLEAN MODE)", w));
  }

  private static DocumentSummary summary(Object[] r) {
    return new DocumentSummary(
        new ConversationId((String) r[0]),
        (String) r[1],
        ConversationState.valueOf((String) r[2]),
        JsonColumns.readTagNames((String) r[3]),
        Optional.ofNullable((String) r[4]).map(ContactId::new),
        (Instant) r[5],
        (Instant) r[6],
        (Boolean) r[7]);
  }

  @Override
  public Lookup<FeedbackDocument> document(AccountId account, ConversationId id) {
    return lookup(
        em.createQuery(
                "select d from FeedbackDocumentEntity d where d.key.accountId = :account"
                    + " and d.key.conversationId = :id order by d.deletedAt",
                FeedbackDocumentEntity.class)
            .setParameter("account", account.value())
            .setParameter("id", id.value())
            .getResultList(),
        e -> e.deletedAt,
        e ->
            new FeedbackDocument(
                new WorkspaceId(e.key.workspaceId()),
                new ConversationId(e.key.conversationId()),
                e.title,
                JsonColumns.readMessages(e.messagesJson),
                ConversationState.valueOf(e.status),
                JsonColumns.readTags(e.tagsJson),
                JsonColumns.readAttributes(e.attributesJson),
                e.originalUrl,
                e.sourceType,
                DeliveredAs.valueOf(e.deliveredAs),
                Optional.ofNullable(e.customerContactId).map(ContactId::new),
                e.createdAt,
                e.updatedAt,
                e.syncedAt,
                JsonColumns.readAttributes(e.intercomAttributesJson),
                e.partsReported == null
                    ? PartsCount.whole(e.partsReceived == null ? 0 : e.partsReceived)
                    : new PartsCount(e.partsReported, e.partsReceived)));
  }

  /**
   * The live row if there is one (rows come live first: NULL sorts first), else the tombstone's
   * time, else missing.
   */
  private static <E, T> Lookup<T> lookup(
      List<E> rows, Function<E, Instant> deletedAt, Function<E, T> view) {
    if (rows.isEmpty()) {
      return new Lookup.Missing<>();
    }
    E e = rows.get(0);
    return deletedAt.apply(e) != null
        ? new Lookup.Deleted<>(deletedAt.apply(e))
        : new Lookup.Found<>(view.apply(e));
  }

  @Override
  public Optional<StoredFile> file(AccountId account, ConversationId document, String fileId) {
    List<?> rows =
        em.createNativeQuery(
                // Only files of a live document: a tombstone's or a purged one's are not served.
                "SELECT f.name, f.content_type, f.size_bytes, f.workspace_id FROM document_file f"
                    + " JOIN feedback_document d ON d.account_id = f.account_id"
                    + " AND d.workspace_id = f.workspace_id AND d.conversation_id = f.conversation_id"
                    + " WHERE f.account_id = ? AND f.conversation_id = ? AND f.file_id = ?"
                    + " AND d.deleted_at IS NULL")
            .setParameter(1, account.value())
            .setParameter(2, document.value())
            .setParameter(3, fileId)
            .setMaxResults(1)
            .getResultList();
    return rows.stream()
        .map(r -> (Object[]) r)
        .map(
            r ->
                new StoredFile(
                    document,
                    fileId,
                    (String) r[0],
                    (String) r[1],
                    // Read as the answer is written, a piece at a time.
                    FileChunks.read(
                        em,
                        new FileChunks.Key(
                            account.value(), (String) r[3], document.value(), fileId),
                        ((Number) r[2]).longValue())))
        .findFirst();
  }

  @Override
  public Slice<CustomerProfile> customers(AccountId account, CustomerQuery query) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT * FROM customer_profile WHERE account_id = ? AND deleted_at IS NULL");
    List<Object> args = new ArrayList<>(List.of(account.value()));
    query.email().ifPresent(e -> condition(sql, args, " AND email = ?", e));
    query
        .segment()
        .ifPresent(
            s -> condition(sql, args, " AND JSON_CONTAINS(segments_json, JSON_QUOTE(?))", s));
    keyset(sql, args, query.after(), "contact_id");
    Query q = em.createNativeQuery(sql.toString(), CustomerProfileEntity.class);
    List<CustomerProfile> rows =
        page(q, args, query.limit() + 1).stream()
            .map(p -> profile((CustomerProfileEntity) p))
            .toList();
    return slice(rows, query.limit(), p -> new SliceCursor(p.updatedAt(), p.contactId().value()));
  }

  @Override
  public Lookup<CustomerProfile> customer(AccountId account, ContactId id) {
    return lookup(
        em.createQuery(
                "select p from CustomerProfileEntity p where p.key.accountId = :account"
                    + " and p.key.contactId = :id order by p.deletedAt",
                CustomerProfileEntity.class)
            .setParameter("account", account.value())
            .setParameter("id", id.value())
            .getResultList(),
        e -> e.deletedAt,
        JpaFeedbackReads::profile);
  }

  private static CustomerProfile profile(CustomerProfileEntity e) {
    return new CustomerProfile(
        new WorkspaceId(e.key.workspaceId()),
        new ContactId(e.key.contactId()),
        ContactRole.valueOf(e.role),
        Optional.ofNullable(e.name),
        Optional.ofNullable(e.email),
        JsonColumns.readStrings(e.segmentsJson),
        JsonColumns.readCompanies(e.companiesJson),
        JsonColumns.readAttributes(e.propertiesJson),
        e.updatedAt);
  }

  private static void condition(StringBuilder sql, List<Object> args, String clause, Object arg) {
    sql.append(clause);
    args.add(arg);
  }

  /** Newest first, the id breaking ties; the cursor is the last row the client saw. */
  private static void keyset(
      StringBuilder sql, List<Object> args, Optional<SliceCursor> after, String idColumn) {
    after.ifPresent(
        c -> {
          sql.append(" AND (updated_at < ? OR (updated_at = ? AND ")
              .append(idColumn)
              .append(" < ?))");
          args.add(c.at());
          args.add(c.at());
          args.add(c.id());
        });
    sql.append(" ORDER BY updated_at DESC, ").append(idColumn).append(" DESC");
  }

  private List<DocumentSummary> summaries(StringBuilder sql, List<Object> args, int limit) {
    return page(em.createNativeQuery(sql.toString(), FeedbackDocumentEntity.SUMMARY), args, limit)
        .stream()
        .map(r -> summary((Object[]) r))
        .toList();
  }

  private static List<?> page(Query q, List<Object> args, int limit) {
    for (int i = 0; i < args.size(); i++) {
      q.setParameter(i + 1, args.get(i));
    }
    return q.setMaxResults(limit).getResultList();
  }

  /** At most one row more than the page is read: it says there is a next page. */
  private static <T> Slice<T> slice(List<T> rows, int limit, Function<T, SliceCursor> cursorOf) {
    List<T> page = rows.stream().limit(limit).toList();
    Optional<SliceCursor> next =
        rows.size() > limit && !page.isEmpty()
            ? Optional.of(cursorOf.apply(page.get(page.size() - 1)))
            : Optional.empty();
    return new Slice<>(page, next);
  }

  /**
   * Every word required, operators stripped so user text cannot change the query's meaning; empty
   * when no word is one the index keeps.
   */
  static Optional<String> booleanModeWords(String text) {
    String words =
        Stream.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+"))
            .filter(w -> w.length() >= MIN_WORD && !STOP_WORDS.contains(w))
            .map(w -> "+" + w)
            .collect(Collectors.joining(" "));
    return words.isEmpty() ? Optional.empty() : Optional.of(words);
  }
}
