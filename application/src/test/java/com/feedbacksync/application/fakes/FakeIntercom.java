package com.feedbacksync.application.fakes;

import com.feedbacksync.application.model.ConversationFetch;
import com.feedbacksync.application.model.DeletedConversation;
import com.feedbacksync.application.model.Download;
import com.feedbacksync.application.model.FileContent;
import com.feedbacksync.application.model.IntercomAccess;
import com.feedbacksync.application.model.ItemKind;
import com.feedbacksync.application.model.Page;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.application.model.SetAside;
import com.feedbacksync.application.model.TimeWindow;
import com.feedbacksync.application.port.out.IntercomFailure;
import com.feedbacksync.application.port.out.IntercomWorkspace;
import com.feedbacksync.application.port.out.IntercomWorkspaces;
import com.feedbacksync.domain.intercom.AuthorType;
import com.feedbacksync.domain.intercom.Company;
import com.feedbacksync.domain.intercom.CompanyId;
import com.feedbacksync.domain.intercom.Contact;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationListing;
import com.feedbacksync.domain.intercom.Segment;
import com.feedbacksync.domain.intercom.Tag;
import com.feedbacksync.domain.sync.HistoryPosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A fake of the Intercom out-ports: one workspace held as domain objects, listed the way the real
 * adapter lists (every conversation, whatever its statistics say), in small pages so that tests
 * cross page boundaries, counting calls and failing on demand.
 */
public final class FakeIntercom implements IntercomWorkspaces, IntercomWorkspace {

  private final Map<ConversationId, Conversation> conversations = new LinkedHashMap<>();
  private final List<DeletedConversation> deleted = new ArrayList<>();
  private final Map<ContactId, Contact> contacts = new LinkedHashMap<>();
  private final Map<CompanyId, Company> companies = new LinkedHashMap<>();
  private final Map<String, Long> callsByKind = new java.util.TreeMap<>();
  private final java.util.Set<ContactId> unsearchable = new java.util.HashSet<>();
  private final int pageSize;
  private long calls;
  private long conversationFetches;
  private boolean revoked;
  private long failAfterCalls = Long.MAX_VALUE;
  private final Map<String, IntercomFailure> itemFaults = new java.util.HashMap<>();
  private final Set<String> listedCorrupt = new java.util.HashSet<>();
  private final List<Spooled> spooled = new ArrayList<>();
  private final Map<String, Integer> fileSizes = new java.util.HashMap<>();
  private final Map<ContactId, List<Segment>> segments = new java.util.HashMap<>();
  private final List<ConversationId> fetched = new ArrayList<>();

  public FakeIntercom(int pageSize) {
    this.pageSize = pageSize;
  }

  public FakeIntercom put(Conversation c) {
    conversations.put(c.id(), c);
    return this;
  }

  public FakeIntercom put(Contact c) {
    contacts.put(c.id(), c);
    return this;
  }

  public FakeIntercom put(Company c) {
    companies.put(c.id(), c);
    return this;
  }

  /**
   * The contact is not in the search index yet (Intercom's "contact creation delay"): only its own
   * retrieve finds it.
   */
  public synchronized void notYetSearchable(ContactId id) {
    unsearchable.add(id);
  }

  public void removeContact(ContactId id) {
    contacts.remove(id);
  }

  public void delete(ConversationId id, Instant at) {
    conversations.remove(id);
    deleted.add(new DeletedConversation(id, at));
  }

  public void revoke() {
    revoked = true;
  }

  /** Every call after the next {@code n} fails as Intercom being unavailable; negative: never. */
  public void failAfter(long n) {
    failAfterCalls = n < 0 ? Long.MAX_VALUE : calls + n;
  }

  /**
   * Every read of this conversation or contact (its segments and companies too) fails so, until
   * {@link #heal}.
   */
  public synchronized void poison(String intercomId, IntercomFailure failure) {
    itemFaults.put(intercomId, failure);
  }

  public synchronized void heal(String intercomId) {
    itemFaults.remove(intercomId);
    listedCorrupt.remove(intercomId);
  }

  /**
   * Every listing shows this conversation or contact corrupt, as the adapter reports an item it
   * cannot read (set aside under its id, out of the page's items); its own retrieve stays sound.
   */
  public synchronized void listCorrupt(String intercomId) {
    listedCorrupt.add(intercomId);
  }

  /** A page of these items as the adapter makes it: the items listed corrupt reported apart. */
  private <T> Page<T> listed(
      List<T> all,
      java.util.function.Function<T, String> id,
      ItemKind kind,
      Optional<PageCursor> next,
      int total) {
    List<T> readable = all.stream().filter(i -> !listedCorrupt.contains(id.apply(i))).toList();
    List<SetAside> unreadable =
        all.stream()
            .map(id)
            .filter(listedCorrupt::contains)
            .map(i -> SetAside.unreadable(kind, i, "listed corrupt"))
            .toList();
    return new Page<>(readable, next, Optional.of(total), unreadable, 0);
  }

  private void item(String intercomId) {
    IntercomFailure failure = itemFaults.get(intercomId);
    if (failure != null) {
      throw failure;
    }
  }

  public synchronized long calls() {
    return calls;
  }

  public synchronized long conversationFetches() {
    return conversationFetches;
  }

  /** Every conversation retrieved, in order, repeats included. */
  public synchronized List<ConversationId> fetchedConversations() {
    return List.copyOf(fetched);
  }

  /** The contact's segments from now on (one segment, "Active", unless said). */
  public synchronized FakeIntercom segments(ContactId id, List<Segment> now) {
    segments.put(id, List.copyOf(now));
    return this;
  }

  /**
   * Calls of one kind: {@code contact}, {@code contact search}, {@code segments}, {@code companies
   * of}, {@code company}, {@code companies}, {@code contacts of company}.
   */
  public synchronized long calls(String kind) {
    return callsByKind.getOrDefault(kind, 0L);
  }

  private void call(String kind) {
    call();
    callsByKind.merge(kind, 1L, Long::sum);
  }

  @Override
  public IntercomWorkspace open(IntercomAccess access) {
    return this;
  }

  private synchronized void call() {
    if (revoked) {
      throw new IntercomFailure.AuthorizationRevoked();
    }
    if (calls >= failAfterCalls) {
      throw new IntercomFailure.Unavailable("answered 503", null);
    }
    calls++;
  }

  @Override
  public synchronized Page<ConversationListing> conversationsUpdated(
      TimeWindow window, Optional<PageCursor> after) {
    call();
    return page(
        c -> !c.updatedAt().isBefore(window.from()) && !c.updatedAt().isAfter(window.to()),
        Comparator.comparing(Conversation::updatedAt).thenComparing(c -> c.id().value()),
        after);
  }

  @Override
  public synchronized Page<ConversationListing> conversationsNewestFirst(
      Optional<HistoryPosition> olderThan, Optional<PageCursor> after) {
    call();
    Comparator<Conversation> oldestFirst =
        Comparator.comparing(Conversation::createdAt)
            .thenComparing(c -> c.id().value().length())
            .thenComparing(c -> c.id().value());
    return page(
        c ->
            olderThan
                .map(p -> new HistoryPosition(c.createdAt(), c.id()).isOlderThan(p))
                .orElse(true),
        oldestFirst.reversed(),
        after);
  }

  private Page<ConversationListing> page(
      Predicate<Conversation> filter, Comparator<Conversation> order, Optional<PageCursor> after) {
    List<Conversation> all = conversations.values().stream().filter(filter).sorted(order).toList();
    int start = after.map(c -> Integer.parseInt(c.value())).orElse(0);
    int end = Math.min(all.size(), start + pageSize);
    List<ConversationListing> items =
        all.subList(Math.min(start, end), end).stream().map(FakeIntercom::listing).toList();
    return listed(
        items,
        l -> l.id().value(),
        ItemKind.CONVERSATION,
        end < all.size() ? Optional.of(new PageCursor(String.valueOf(end))) : Optional.empty(),
        all.size());
  }

  static ConversationListing listing(Conversation c) {
    return new ConversationListing(
        c.id(),
        c.createdAt(),
        c.updatedAt(),
        c.state(),
        c.tags().stream().map(Tag::id).collect(Collectors.toSet()),
        c.statistics(),
        c.source().deliveredAs(),
        c.source().author().type() == null ? AuthorType.UNKNOWN : c.source().author().type(),
        Optional.empty(),
        false,
        "none",
        c.contacts());
  }

  @Override
  public synchronized ConversationFetch conversation(ConversationId id) {
    call();
    conversationFetches++;
    fetched.add(id);
    item(id.value());
    Conversation c = conversations.get(id);
    return c == null ? new ConversationFetch.Deleted(id) : new ConversationFetch.Found(c);
  }

  @Override
  public synchronized Page<DeletedConversation> deletedConversations(Optional<PageCursor> after) {
    call();
    return new Page<>(List.copyOf(deleted), Optional.empty(), Optional.of(deleted.size()));
  }

  @Override
  public synchronized Page<Contact> contactsUpdatedSince(
      Instant since, Optional<PageCursor> after) {
    call();
    // Exactly what the port promises: the adapter cuts Intercom's whole-day matches.
    List<Contact> all =
        contacts.values().stream().filter(c -> !c.updatedAt().isBefore(since)).toList();
    int from = after.map(c -> Integer.parseInt(c.value())).orElse(0);
    int to = Math.min(all.size(), from + pageSize);
    return listed(
        all.subList(from, to),
        c -> c.id().value(),
        ItemKind.CONTACT,
        to < all.size() ? Optional.of(new PageCursor(String.valueOf(to))) : Optional.empty(),
        all.size());
  }

  @Override
  public synchronized Optional<Contact> contact(ContactId id) {
    call("contact");
    item(id.value());
    return Optional.ofNullable(contacts.get(id));
  }

  /**
   * Searches of up to 150 ids, as Intercom's contact search pages; a contact whose reads fail is
   * left out, as the adapter leaves out one it cannot read.
   */
  @Override
  public synchronized List<Contact> contacts(java.util.Collection<ContactId> ids) {
    List<ContactId> distinct = ids.stream().distinct().toList();
    List<Contact> found = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += 150) {
      call("contact search");
      for (ContactId id : distinct.subList(from, Math.min(distinct.size(), from + 150))) {
        if (contacts.containsKey(id)
            && !itemFaults.containsKey(id.value())
            && !unsearchable.contains(id)) {
          found.add(contacts.get(id));
        }
      }
    }
    return found;
  }

  @Override
  public synchronized List<Segment> segmentsOf(ContactId id) {
    call("segments");
    item(id.value());
    return segments.getOrDefault(id, List.of(new Segment("s1", "Active")));
  }

  @Override
  public synchronized List<Company> companiesOf(ContactId id) {
    call("companies of");
    item(id.value());
    return Optional.ofNullable(contacts.get(id)).map(Contact::companyIds).orElse(List.of()).stream()
        .map(companies::get)
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /** Companies in the order they were put, a page at a time. */
  @Override
  public synchronized Page<Company> companies(Optional<PageCursor> after) {
    call("companies");
    return slice(List.copyOf(companies.values()), after);
  }

  @Override
  public synchronized Page<Contact> contactsOf(CompanyId company, Optional<PageCursor> after) {
    call("contacts of company");
    item(company.value());
    return slice(
        contacts.values().stream().filter(c -> c.companyIds().contains(company)).toList(), after);
  }

  private <T> Page<T> slice(List<T> all, Optional<PageCursor> after) {
    int from = after.map(c -> Integer.parseInt(c.value())).orElse(0);
    int to = Math.min(all.size(), from + pageSize);
    return new Page<>(
        all.subList(from, to),
        to < all.size() ? Optional.of(new PageCursor(String.valueOf(to))) : Optional.empty(),
        Optional.of(all.size()));
  }

  @Override
  public synchronized Optional<Company> company(CompanyId id) {
    call("company");
    item(id.value());
    return Optional.ofNullable(companies.get(id));
  }

  @Override
  public synchronized Download download(String url, long maxBytes) {
    call();
    int size = fileSizes.getOrDefault(url, 1);
    if (size > maxBytes) {
      throw new IntercomFailure.TooLarge(maxBytes);
    }
    Spooled content = new Spooled(size);
    spooled.add(content);
    return new Download("image/png", content);
  }

  /**
   * A download as the adapter hands it over: bytes waiting outside the heap (here: zeros made as
   * they are read) until the engine discards them.
   */
  private static final class Spooled implements FileContent {
    private final long size;
    private volatile boolean discarded;

    Spooled(long size) {
      this.size = size;
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public java.io.InputStream open() {
      if (discarded) {
        throw new IllegalStateException("read after it was discarded");
      }
      return new java.io.InputStream() {
        private long left = size;

        @Override
        public int read() {
          return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
          if (left <= 0) {
            return -1;
          }
          int n = (int) Math.min(len, left);
          java.util.Arrays.fill(b, off, off + n, (byte) 0);
          left -= n;
          return n;
        }
      };
    }

    @Override
    public void discard() {
      discarded = true;
    }
  }

  /** Downloads handed over and not yet discarded by the engine. */
  public synchronized long undiscardedDownloads() {
    return spooled.stream().filter(s -> !s.discarded).count();
  }

  public synchronized long downloads() {
    return spooled.size();
  }

  /** The file at this URL has this many bytes (one unless said). */
  public synchronized void fileOfSize(String url, int bytes) {
    fileSizes.put(url, bytes);
  }

  @Override
  public synchronized CallCounts callCounts() {
    return new CallCounts(calls, 0);
  }
}
