package com.feedbacksync.application.fakes;

import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.ConnectionIdentity;
import com.feedbacksync.application.model.CustomerQuery;
import com.feedbacksync.application.model.DocumentQuery;
import com.feedbacksync.application.model.DocumentSummary;
import com.feedbacksync.application.model.ItemKind;
import com.feedbacksync.application.model.Lookup;
import com.feedbacksync.application.model.SetAside;
import com.feedbacksync.application.model.SkipReason;
import com.feedbacksync.application.model.SkippedItem;
import com.feedbacksync.application.model.Slice;
import com.feedbacksync.application.model.SliceCursor;
import com.feedbacksync.application.model.StoredFile;
import com.feedbacksync.application.model.SyncBatch;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.application.port.out.CustomerDirectory;
import com.feedbacksync.application.port.out.DocumentLibrary;
import com.feedbacksync.application.port.out.SkippedItems;
import com.feedbacksync.application.port.out.SyncStore;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.document.DocumentMessage;
import com.feedbacksync.domain.document.FeedbackDocument;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.Html;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.profile.CustomerProfile;
import com.feedbacksync.domain.sync.FlatTag;
import com.feedbacksync.domain.sync.SyncedConversation;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A fake of the {@link SyncStore} port that keeps each account's data in maps, and answers the
 * admin API's reads of it ({@link DocumentLibrary}, {@link CustomerDirectory}) as the database
 * does.
 */
public final class InMemorySyncStore
    implements SyncStore, DocumentLibrary, CustomerDirectory, SkippedItems {

  /** One account's data. */
  public static final class Data {
    public final Map<ConversationId, SyncBatch.StoredDocument> documents =
        new TreeMap<>(Comparator.comparing(ConversationId::value));
    public final Map<ConversationId, Instant> tombstones = new HashMap<>();
    public final Map<ContactId, Instant> contactTombstones = new HashMap<>();

    /**
     * The workspace of each contact tombstone: another workspace's contact of that id is not it.
     */
    public final Map<ContactId, WorkspaceId> contactTombstoneWorkspaces = new HashMap<>();

    public final Map<ContactId, CustomerProfile> profiles = new HashMap<>();

    /**
     * When a history walk last wrote each profile or handed over a stale copy of it (its clock).
     */
    public final Map<ContactId, Instant> profilesSyncedAt = new HashMap<>();

    public final Map<SyncStream, Checkpoint> checkpoints = new HashMap<>();
    public final Map<String, StoredFile> files = new HashMap<>();

    /** The workspace each stored file belongs to (the same keys). */
    public final Map<String, WorkspaceId> fileWorkspaces = new HashMap<>();

    public final Map<SyncStream, com.feedbacksync.domain.intercom.WorkspaceId>
        checkpointWorkspaces = new HashMap<>();

    /** Items set aside, by {@code KIND:intercomId}, with the workspace they belong to. */
    public final Map<String, SkippedItem> skipped = new HashMap<>();

    public final Map<String, WorkspaceId> skippedWorkspaces = new HashMap<>();
    public int commits;
  }

  private java.util.function.Supplier<Instant> clock = Instant::now;
  private long maxFileBytes = 25L << 20;
  private int fileLookups;

  /** The largest file the store accepts (25 MiB unless a test says). */
  public InMemorySyncStore maxFileBytes(long bytes) {
    maxFileBytes = bytes;
    return this;
  }

  @Override
  public long maxFileBytes() {
    return maxFileBytes;
  }

  /** The time set-aside items are seen at (the system clock unless a test holds time). */
  public InMemorySyncStore clock(java.util.function.Supplier<Instant> clock) {
    this.clock = clock;
    return this;
  }

  private final Map<AccountId, Data> accounts = new HashMap<>();
  private final java.util.function.Predicate<ConnectionIdentity> stands;

  /** A store that writes guarded batches whatever their connection. */
  public InMemorySyncStore() {
    this(identity -> true);
  }

  /** A store that writes a guarded batch only while its connection stands among these. */
  public InMemorySyncStore(com.feedbacksync.application.port.out.Connections connections) {
    this(
        identity ->
            connections
                .find(identity.account())
                .map(c -> c.identity().equals(identity))
                .orElse(false));
  }

  private InMemorySyncStore(java.util.function.Predicate<ConnectionIdentity> stands) {
    this.stands = stands;
  }

  /** Fenced commits are checked against these leases (none attached: every lease holds). */
  private com.feedbacksync.application.port.out.Leases leases;

  /** Checks every fenced commit's lease against these, as the database does in its transaction. */
  public synchronized InMemorySyncStore fencedBy(
      com.feedbacksync.application.port.out.Leases leases) {
    this.leases = leases;
    return this;
  }

  @Override
  public synchronized void commit(
      AccountId account, SyncBatch batch, com.feedbacksync.application.model.LeaseToken lease) {
    if (!lease.account().equals(account) || (leases != null && !leases.holds(lease))) {
      throw new SyncStore.LeaseLost();
    }
    commit(account, batch);
  }

  public synchronized Data data(AccountId account) {
    return accounts.computeIfAbsent(account, a -> new Data());
  }

  @Override
  public synchronized Map<ConversationId, SyncedConversation> synced(
      AccountId account, WorkspaceId workspace, Collection<ConversationId> ids) {
    Map<ConversationId, SyncedConversation> found = new HashMap<>();
    Data data = data(account);
    ids.forEach(
        id -> {
          SyncBatch.StoredDocument d = data.documents.get(id);
          if (d != null && d.document().workspace().equals(workspace)) {
            found.put(id, d.synced());
          }
        });
    return found;
  }

  @Override
  public synchronized java.util.Set<ContactId> profiled(
      AccountId account, WorkspaceId workspace, Collection<ContactId> contacts, Instant since) {
    Data data = data(account);
    return contacts.stream()
        .filter(
            c ->
                Optional.ofNullable(data.profiles.get(c))
                        .map(
                            p ->
                                p.workspace().equals(workspace)
                                    && !data.profilesSyncedAt.get(c).isBefore(since))
                        .orElse(false)
                    || workspace.equals(data.contactTombstoneWorkspaces.get(c)))
        .collect(java.util.stream.Collectors.toSet());
  }

  /** How often the engine asked which files a conversation has. */
  public synchronized int fileLookups() {
    return fileLookups;
  }

  @Override
  public synchronized Map<String, Long> storedFiles(
      AccountId account, WorkspaceId workspace, ConversationId conversation) {
    fileLookups++;
    Data data = data(account);
    Map<String, Long> sizes = new HashMap<>();
    String prefix = conversation.value() + "/";
    data.files.forEach(
        (key, file) -> {
          if (key.startsWith(prefix) && workspace.equals(data.fileWorkspaces.get(key))) {
            sizes.put(file.fileId(), file.content().size());
          }
        });
    return sizes;
  }

  @Override
  public synchronized Checkpoint checkpoint(AccountId account, SyncStream stream) {
    return data(account).checkpoints.getOrDefault(stream, Checkpoint.START);
  }

  @Override
  public synchronized void commit(AccountId account, SyncBatch batch) {
    if (batch.connection().isPresent() && !stands.test(batch.connection().get())) {
      throw new SyncStore.ConnectionGone();
    }
    Data data = data(account);
    Instant now = Instant.now();
    for (SyncBatch.StoredDocument d : batch.documents()) {
      SyncBatch.StoredDocument old = data.documents.get(d.document().conversationId());
      boolean tombstoned = data.tombstones.containsKey(d.document().conversationId());
      if (!tombstoned
          && (old == null || !d.document().updatedAt().isBefore(old.document().updatedAt()))) {
        data.documents.put(d.document().conversationId(), d);
      }
    }
    boolean historyWalk =
        batch.stream() == SyncStream.HISTORY || batch.stream() == SyncStream.BACKFILL;
    for (CustomerProfile p : batch.profiles()) {
      CustomerProfile old = data.profiles.get(p.contactId());
      boolean tombstoned = data.contactTombstones.containsKey(p.contactId());
      if (!tombstoned && (old == null || !p.updatedAt().isBefore(old.updatedAt()))) {
        data.profiles.put(p.contactId(), p);
      }
      if (!tombstoned && historyWalk) {
        // A stale copy leaves the newer profile, which is then as current as the copy.
        data.profilesSyncedAt.put(p.contactId(), clock.get());
      }
    }
    batch
        .deletedContacts()
        .forEach(
            id -> {
              // As the database: only a stored profile becomes a tombstone.
              CustomerProfile removed = data.profiles.remove(id);
              if (removed != null) {
                data.contactTombstones.putIfAbsent(id, now);
                data.contactTombstoneWorkspaces.putIfAbsent(id, removed.workspace());
              }
            });
    for (StoredFile f : batch.files()) {
      // Stored as a database stores it: its bytes read now, before the engine lets go of them.
      String key = f.conversation().value() + "/" + f.fileId();
      data.files.put(key, stored(f));
      // As the database does: the batch's first document's workspace, else its connection's.
      batch.documents().stream()
          .findFirst()
          .map(d -> d.document().workspace())
          .or(() -> batch.connection().map(ConnectionIdentity::workspace))
          .ifPresent(w -> data.fileWorkspaces.put(key, w));
    }
    batch
        .deletions()
        .forEach(
            id -> {
              SyncBatch.StoredDocument stored = data.documents.get(id);
              // a run's tombstones are its workspace's: another workspace's document stays
              if (stored != null
                  && batch
                      .connection()
                      .map(c -> c.workspace().equals(stored.document().workspace()))
                      .orElse(true)) {
                data.documents.remove(id);
                data.tombstones.putIfAbsent(id, now);
              }
              data.files.keySet().removeIf(key -> key.startsWith(id.value() + "/"));
            });
    setAside(data, batch);
    data.checkpoints.put(batch.stream(), batch.checkpoint());
    batch.connection().ifPresent(c -> data.checkpointWorkspaces.put(batch.stream(), c.workspace()));
    data.commits++;
  }

  /**
   * What the batch read is no longer set aside; what it set aside is recorded, attempts counted.
   */
  private void setAside(Data data, SyncBatch batch) {
    batch
        .documents()
        .forEach(d -> unset(data, ItemKind.CONVERSATION, d.document().conversationId().value()));
    batch.deletions().forEach(id -> unset(data, ItemKind.CONVERSATION, id.value()));
    batch.profiles().forEach(p -> unset(data, ItemKind.CONTACT, p.contactId().value()));
    batch.deletedContacts().forEach(id -> unset(data, ItemKind.CONTACT, id.value()));
    Instant now = clock.get();
    for (SetAside item : batch.setAside()) {
      String key = item.kind() + ":" + item.intercomId();
      SkippedItem before = data.skipped.get(key);
      data.skipped.put(
          key,
          new SkippedItem(
              item.kind(),
              item.intercomId(),
              item.reason(),
              item.detail(),
              before == null ? 1 : before.attempts() + 1,
              before == null ? now : before.firstSeen(),
              now));
      WorkspaceId workspace =
          batch.connection().map(c -> c.workspace()).orElse(new WorkspaceId("unguarded"));
      data.skippedWorkspaces.put(key, workspace);
    }
  }

  private static void unset(Data data, ItemKind kind, String id) {
    data.skipped.remove(kind + ":" + id);
    data.skippedWorkspaces.remove(kind + ":" + id);
  }

  @Override
  public synchronized List<SkippedItem> deadLetters(
      AccountId account, WorkspaceId workspace, int limit) {
    Data data = data(account);
    return data.skipped.entrySet().stream()
        .filter(e -> e.getValue().reason() == SkipReason.UNREADABLE)
        .filter(e -> workspace.equals(data.skippedWorkspaces.get(e.getKey())))
        .map(Map.Entry::getValue)
        .sorted(Comparator.comparing(SkippedItem::lastSeen))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Slice<SkippedItem> skipped(
      AccountId account, Optional<SliceCursor> after, int limit) {
    return slice(
        data(account).skipped.values().stream(),
        SkippedItem::firstSeen,
        i -> i.kind() + ":" + i.intercomId(),
        after,
        limit,
        Function.identity());
  }

  @Override
  public synchronized void startWorkspace(
      AccountId account, com.feedbacksync.domain.intercom.WorkspaceId workspace) {
    Data data = data(account);
    data.checkpointWorkspaces.forEach(
        (stream, of) -> {
          if (!of.equals(workspace)) {
            data.checkpoints.remove(stream);
          }
        });
    data.checkpointWorkspaces.values().removeIf(of -> !of.equals(workspace));
    data.skippedWorkspaces.forEach(
        (key, of) -> {
          if (!of.equals(workspace)) {
            data.skipped.remove(key);
          }
        });
    data.skippedWorkspaces.values().removeIf(of -> !of.equals(workspace));
  }

  @Override
  public synchronized void purge(AccountId account) {
    accounts.remove(account);
  }

  @Override
  public synchronized Slice<DocumentSummary> documents(AccountId account, DocumentQuery query) {
    return slice(
        selected(account, query),
        FeedbackDocument::updatedAt,
        d -> d.conversationId().value(),
        query.after(),
        query.limit(),
        InMemorySyncStore::summary);
  }

  @Override
  public synchronized long count(AccountId account, DocumentQuery query) {
    return selected(account, query).count();
  }

  private Stream<FeedbackDocument> selected(AccountId account, DocumentQuery query) {
    return data(account).documents.values().stream()
        .map(SyncBatch.StoredDocument::document)
        .filter(
            all(
                query.tag().map(t -> d -> d.tags().stream().anyMatch(x -> x.name().equals(t))),
                query.status().map(s -> d -> d.status() == s),
                query.customer().map(c -> d -> d.customer().equals(Optional.of(c))),
                query.text().map(words -> d -> mentionsAll(d, words))));
  }

  @Override
  public synchronized Lookup<FeedbackDocument> document(AccountId account, ConversationId id) {
    Data data = data(account);
    if (data.tombstones.containsKey(id)) {
      return new Lookup.Deleted<>(data.tombstones.get(id));
    }
    SyncBatch.StoredDocument d = data.documents.get(id);
    return d == null ? new Lookup.Missing<>() : new Lookup.Found<>(d.document());
  }

  @Override
  public synchronized Optional<StoredFile> file(
      AccountId account, ConversationId document, String fileId) {
    return Optional.ofNullable(data(account).files.get(document.value() + "/" + fileId));
  }

  @Override
  public synchronized Slice<CustomerProfile> customers(AccountId account, CustomerQuery query) {
    Stream<CustomerProfile> selected =
        data(account).profiles.values().stream()
            .filter(
                all(
                    query
                        .email()
                        .map(e -> p -> p.email().map(x -> x.equalsIgnoreCase(e)).orElse(false)),
                    query.segment().map(s -> p -> p.segments().contains(s))));
    return slice(
        selected,
        CustomerProfile::updatedAt,
        p -> p.contactId().value(),
        query.after(),
        query.limit(),
        Function.identity());
  }

  @Override
  public synchronized Lookup<CustomerProfile> customer(AccountId account, ContactId id) {
    Data data = data(account);
    if (data.contactTombstones.containsKey(id)) {
      return new Lookup.Deleted<>(data.contactTombstones.get(id));
    }
    CustomerProfile p = data.profiles.get(id);
    return p == null ? new Lookup.Missing<>() : new Lookup.Found<>(p);
  }

  /** Newest first by time, then by id descending: the database's keyset order. */
  private static <T, R> Slice<R> slice(
      Stream<T> items,
      Function<T, Instant> at,
      Function<T, String> id,
      Optional<SliceCursor> after,
      int limit,
      Function<T, R> view) {
    Comparator<T> newestFirst =
        Comparator.comparing(at).thenComparing(id, Comparator.naturalOrder()).reversed();
    List<T> page =
        items
            .filter(
                t ->
                    after
                        .map(
                            c ->
                                at.apply(t).isBefore(c.at())
                                    || (at.apply(t).equals(c.at())
                                        && id.apply(t).compareTo(c.id()) < 0))
                        .orElse(true))
            .sorted(newestFirst)
            .limit(limit + 1L)
            .toList();
    Optional<SliceCursor> next =
        page.size() > limit
            ? Optional.of(
                new SliceCursor(at.apply(page.get(limit - 1)), id.apply(page.get(limit - 1))))
            : Optional.empty();
    return new Slice<>(page.stream().limit(limit).map(view).toList(), next);
  }

  @SafeVarargs
  private static <T> Predicate<T> all(Optional<Predicate<T>>... conditions) {
    Predicate<T> all = t -> true;
    for (Optional<Predicate<T>> c : conditions) {
      if (c.isPresent()) {
        all = all.and(c.get());
      }
    }
    return all;
  }

  /** Every word appears in the title or the messages' text, ignoring case: what full text does. */
  private static boolean mentionsAll(FeedbackDocument d, String words) {
    StringBuilder text = new StringBuilder(d.title()).append(' ');
    d.messages().stream()
        .map(DocumentMessage::html)
        .map(Html::toText)
        .forEach(t -> text.append(t).append(' '));
    String haystack = text.toString().toLowerCase(Locale.ROOT);
    return Stream.of(words.toLowerCase(Locale.ROOT).split("\\s+"))
        .allMatch(w -> haystack.matches("(?s).*\\b" + java.util.regex.Pattern.quote(w) + "\\b.*"));
  }

  private static DocumentSummary summary(FeedbackDocument d) {
    return new DocumentSummary(
        d.conversationId(),
        d.title(),
        d.status(),
        d.tags().stream().map(FlatTag::name).toList(),
        d.customer(),
        d.createdAt(),
        d.updatedAt(),
        d.parts().truncatedByIntercom());
  }

  private static StoredFile stored(StoredFile f) {
    try (java.io.InputStream in = f.content().open()) {
      return new StoredFile(
          f.conversation(),
          f.fileId(),
          f.name(),
          f.contentType(),
          com.feedbacksync.application.model.FileContent.of(in.readAllBytes()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
