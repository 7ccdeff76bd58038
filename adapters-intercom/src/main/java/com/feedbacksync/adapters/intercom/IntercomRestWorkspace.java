package com.feedbacksync.adapters.intercom;

import com.feedbacksync.application.model.ConversationFetch;
import com.feedbacksync.application.model.DeletedConversation;
import com.feedbacksync.application.model.Download;
import com.feedbacksync.application.model.IntercomAccess;
import com.feedbacksync.application.model.ItemKind;
import com.feedbacksync.application.model.Page;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.application.model.TimeWindow;
import com.feedbacksync.application.port.out.IntercomFailure;
import com.feedbacksync.application.port.out.IntercomWorkspace;
import com.feedbacksync.domain.intercom.Company;
import com.feedbacksync.domain.intercom.CompanyId;
import com.feedbacksync.domain.intercom.Contact;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationListing;
import com.feedbacksync.domain.intercom.Segment;
import com.feedbacksync.domain.sync.HistoryPosition;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link IntercomWorkspace} over Intercom's REST API, for one workspace and its token.
 *
 * <p>Listings are not filtered on {@code statistics.first_contact_reply_at}: Intercom defines it as
 * the time of the first <em>text</em> part from a contact, so a customer's attachment-only reply
 * leaves it empty, and its {@code first_contact_reply} can disagree with the parts (the merge
 * example of the 2.16 description). The reply rule decides from the parts of each conversation; an
 * outbound conversation nobody answered costs one retrieve.
 */
final class IntercomRestWorkspace implements IntercomWorkspace {

  /** Looked up once: {@code Json.*} looks the provider up through the class loaders every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** Contact search matches whole days in the workspace's time zone: look back one more day. */
  static final Duration CONTACT_SEARCH_OVERLAP = Duration.ofDays(1);

  /**
   * Ids in one contact search ({@code id IN [...]}): a page's worth, the most Intercom serves in
   * one answer (its description sets no limit on the values of {@code IN} itself).
   */
  static final int CONTACTS_PER_SEARCH = 150;

  private final IntercomSettings settings;
  private final IntercomHttp http;
  private final RetryingCalls calls;
  private final FileDownloads files;
  private final CompanyCalls companies;
  private final URI api;
  private final String token;

  IntercomRestWorkspace(
      IntercomSettings settings, IntercomHttp http, Pacer pacer, IntercomAccess access) {
    this.settings = settings;
    this.http = http;
    this.calls = new RetryingCalls(settings, pacer);
    this.files = new FileDownloads(settings, http);
    this.api = settings.api(access.region());
    this.token = access.token().value();
    this.companies = new CompanyCalls(calls, http, api, token);
  }

  @Override
  public Page<ConversationListing> conversationsUpdated(
      TimeWindow window, Optional<PageCursor> after) {
    JsonArrayBuilder filters =
        JSON.createArrayBuilder()
            .add(filter("updated_at", ">", window.from().getEpochSecond()))
            .add(filter("updated_at", "<", window.to().getEpochSecond()));
    return searchConversations(
        JSON.createObjectBuilder().add("operator", "AND").add("value", filters),
        "updated_at",
        "ascending",
        after);
  }

  @Override
  public Page<ConversationListing> conversationsNewestFirst(
      Optional<HistoryPosition> olderThan, Optional<PageCursor> after) {
    // '<' includes its bound: the boundary second comes too, and is cut below at the position
    // (time, then id). Without a position, every conversation ('>' 0 is every creation time).
    JsonObjectBuilder query =
        filter(
            "created_at",
            olderThan.isPresent() ? "<" : ">",
            olderThan.map(p -> p.createdAt().getEpochSecond()).orElse(0L));
    Page<ConversationListing> page = searchConversations(query, "created_at", "descending", after);
    return olderThan
        .map(
            position ->
                page.keeping(l -> new HistoryPosition(l.createdAt(), l.id()).isOlderThan(position)))
        .orElse(page);
  }

  private static JsonObjectBuilder filter(String field, String operator, long value) {
    return JSON.createObjectBuilder()
        .add("field", field)
        .add("operator", operator)
        .add("value", value);
  }

  private Page<ConversationListing> searchConversations(
      JsonObjectBuilder query, String sortField, String order, Optional<PageCursor> after) {
    JsonObjectBuilder pagination = JSON.createObjectBuilder().add("per_page", settings.pageSize());
    after.ifPresent(c -> pagination.add("starting_after", c.value()));
    String body =
        JSON.createObjectBuilder()
            .add("query", query)
            .add("pagination", pagination)
            .add("sort", JSON.createObjectBuilder().add("field", sortField).add("order", order))
            .build()
            .toString();
    JsonObject page =
        calls.require("conversation search", () -> http.searchConversations(api, token, body));
    return ListingPages.of(
        page, "conversations", IntercomJson::listing, Optional.of(ItemKind.CONVERSATION));
  }

  @Override
  public ConversationFetch conversation(ConversationId id) {
    return calls
        .json("conversation " + id, () -> http.conversation(api, token, id.value()))
        .<ConversationFetch>map(
            json ->
                new ConversationFetch.Found(
                    readable("conversation " + id, () -> IntercomJson.conversation(json))))
        .orElseGet(() -> new ConversationFetch.Deleted(id));
  }

  @Override
  public Page<DeletedConversation> deletedConversations(Optional<PageCursor> after) {
    int page = after.map(c -> Integer.parseInt(c.value())).orElse(1);
    JsonObject json =
        calls.require(
            "deleted conversations", () -> http.deletedConversations(api, token, page, 60));
    List<DeletedConversation> items =
        IntercomJson.objects(json, "conversations").stream()
            .flatMap(
                o ->
                    IntercomJson.text(o, "id").stream()
                        .map(
                            id ->
                                new DeletedConversation(
                                    new ConversationId(id),
                                    Instant.ofEpochSecond(
                                        IntercomJson.number(o, "deleted_at").orElse(0L)))))
            .toList();
    JsonObject pages = IntercomJson.object(json, "pages").orElse(JsonValue.EMPTY_JSON_OBJECT);
    boolean more = pages.containsKey("next") && !pages.isNull("next");
    return new Page<>(
        items,
        more ? Optional.of(new PageCursor(String.valueOf(page + 1))) : Optional.empty(),
        IntercomJson.number(json, "total_count").map(Long::intValue));
  }

  @Override
  public Page<Contact> contactsUpdatedSince(Instant since, Optional<PageCursor> after) {
    JsonObjectBuilder pagination = JSON.createObjectBuilder().add("per_page", settings.pageSize());
    after.ifPresent(c -> pagination.add("starting_after", c.value()));
    String body =
        JSON.createObjectBuilder()
            .add(
                "query",
                filter("updated_at", ">", since.minus(CONTACT_SEARCH_OVERLAP).getEpochSecond()))
            .add("pagination", pagination)
            .add(
                "sort",
                JSON.createObjectBuilder().add("field", "updated_at").add("order", "ascending"))
            .build()
            .toString();
    JsonObject page = calls.require("contact search", () -> http.searchContacts(api, token, body));
    // Intercom matches dates by whole days: the day before comes too, and is cut here.
    return ListingPages.of(page, "data", ProfileJson::contact, Optional.of(ItemKind.CONTACT))
        .keeping(c -> !c.updatedAt().isBefore(since));
  }

  @Override
  public Optional<Contact> contact(ContactId id) {
    return calls
        .json("contact " + id, () -> http.contact(api, token, id.value()))
        .map(json -> readable("contact " + id, () -> ProfileJson.contact(json)));
  }

  @Override
  public List<Contact> contacts(Collection<ContactId> ids) {
    List<String> distinct = ids.stream().map(ContactId::value).distinct().toList();
    List<Contact> found = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += CONTACTS_PER_SEARCH) {
      found.addAll(
          contactsAmong(
              distinct.subList(from, Math.min(distinct.size(), from + CONTACTS_PER_SEARCH))));
    }
    return found;
  }

  /**
   * One search for these ids, its pages followed (a page holds them all, unless Intercom serves
   * fewer than asked). A contact the mapping cannot read is left out: asked for alone, it is set
   * aside with its reason.
   */
  private List<Contact> contactsAmong(List<String> ids) {
    JsonArrayBuilder values = JSON.createArrayBuilder();
    ids.forEach(values::add);
    JsonObjectBuilder query =
        JSON.createObjectBuilder().add("field", "id").add("operator", "IN").add("value", values);
    List<Contact> found = new ArrayList<>();
    Optional<PageCursor> after = Optional.empty();
    do {
      JsonObjectBuilder pagination =
          JSON.createObjectBuilder().add("per_page", CONTACTS_PER_SEARCH);
      after.ifPresent(c -> pagination.add("starting_after", c.value()));
      String body =
          JSON.createObjectBuilder()
              .add("query", query)
              .add("pagination", pagination)
              .build()
              .toString();
      JsonObject page =
          calls.require("contact search", () -> http.searchContacts(api, token, body));
      Page<JsonObject> objects =
          ListingPages.of(page, "data", Function.identity(), Optional.empty());
      for (JsonObject contact : objects.items()) {
        try {
          found.add(ProfileJson.contact(contact));
        } catch (RuntimeException | StackOverflowError e) {
          // Left out here; its own retrieve says what is wrong with it.
        }
      }
      after = objects.next();
    } while (after.isPresent() && found.size() < ids.size());
    return found;
  }

  @Override
  public Page<Company> companies(Optional<PageCursor> after) {
    return companies.companies(after);
  }

  @Override
  public Page<Contact> contactsOf(CompanyId company, Optional<PageCursor> after) {
    return companies.contactsOf(company, after);
  }

  @Override
  public Optional<Company> company(CompanyId id) {
    return companies.company(id);
  }

  @Override
  public List<Company> companiesOf(ContactId id) {
    return companies.companiesOf(id);
  }

  @Override
  public List<Segment> segmentsOf(ContactId id) {
    return calls
        .json("segments of " + id, () -> http.contactSegments(api, token, id.value()))
        .map(
            json ->
                readable(
                    "segments of " + id,
                    () ->
                        IntercomJson.objects(json, "data").stream()
                            .map(IntercomJson::segment)
                            .flatMap(Optional::stream)
                            .toList()))
        .orElse(List.of());
  }

  @Override
  public Download download(String url, long maxBytes) {
    return files.download(url, maxBytes);
  }

  /**
   * One item's answer mapped to the domain; an answer the mapping refuses (an id over the limit, a
   * field it cannot read, nesting deep enough to exhaust the stack) is an {@link
   * IntercomFailure.Unreadable}: the same answer would come again, so it is not retried, and the
   * sync sets the item aside.
   */
  static <T> T readable(String what, Supplier<T> mapping) {
    try {
      return mapping.get();
    } catch (RuntimeException | StackOverflowError e) {
      throw new IntercomFailure.Unreadable(
          what + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    }
  }

  @Override
  public CallCounts callCounts() {
    return new CallCounts(calls.pacer().calls(), calls.pacer().waits());
  }
}
