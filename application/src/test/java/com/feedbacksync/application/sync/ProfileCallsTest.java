package com.feedbacksync.application.sync;

import static com.feedbacksync.domain.testing.ConversationBuilder.conversation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.fakes.FakeIntercom;
import com.feedbacksync.application.fakes.InMemoryAccounts;
import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.fakes.InMemorySyncStore;
import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.ItemKind;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.SyncBatch;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.application.port.out.IntercomFailure;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.intercom.Author;
import com.feedbacksync.domain.intercom.AuthorType;
import com.feedbacksync.domain.intercom.Company;
import com.feedbacksync.domain.intercom.CompanyId;
import com.feedbacksync.domain.intercom.Contact;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ContactRole;
import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.DeliveredAs;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Source;
import com.feedbacksync.domain.intercom.Statistics;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.profile.CustomerProfile;
import com.feedbacksync.domain.sync.PlanLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What customer profiles cost in Intercom calls: a page's customers found in one contact search,
 * each company fetched once per run, one segments call per customer, and the customers a search
 * cannot vouch for (not indexed yet, deleted, in more companies than a contact lists) asked for
 * alone.
 */
class ProfileCallsTest {

  private static final Instant CONNECTED = Instant.parse("2026-11-01T00:00:00Z");
  private static final AccountId ACME = new AccountId("acme");
  private static final LeaseToken LEASE = new LeaseToken(ACME, "sync", "test", 1);

  private Instant now = CONNECTED.plusSeconds(3600);
  private final InMemoryConnections connections = new InMemoryConnections();
  private final InMemorySyncStore store = new InMemorySyncStore(connections).clock(() -> now);
  private final FakeIntercom intercom = new FakeIntercom(150);
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stopFetchers() {
    pool.shutdownNow();
  }

  private SyncService sync(Fetchers fetchers) {
    connections.save(
        EngineUnderTest.connected(
            ACME, new Workspace(new WorkspaceId("abc12345"), "Acme", Region.US), CONNECTED));
    return EngineUnderTest.over(
            new InMemoryAccounts().with(new Account(ACME, "Acme Research", Plan.PAID)),
            connections,
            intercom,
            store,
            () -> now)
        .limits(PlanLimits.DEFAULT)
        .fetchers(fetchers)
        .build();
  }

  /**
   * Conversations a minute apart a month before connecting, written in turn by customers {@code
   * c-0..c-(customers-1)}.
   */
  private void conversations(int n, int customers) {
    Instant start = CONNECTED.minus(Duration.ofDays(30));
    for (int i = 1; i <= n; i++) {
      intercom.put(written("" + (1000 + i), start.plusSeconds(60L * i), "c-" + (i % customers)));
    }
  }

  private static Conversation written(String id, Instant created, String contact) {
    return conversation()
        .id(id)
        .createdAt(created)
        .updatedAt(created.plusSeconds(60))
        .source(
            new Source(
                "conversation",
                DeliveredAs.CUSTOMER_INITIATED,
                "",
                "<p>Feedback " + id + "</p>",
                Author.of(AuthorType.USER, contact, "Casey", "casey@example.com"),
                List.of(),
                false))
        .firstContactReplyAt(created)
        .statistics(new Statistics(Optional.of(created), Optional.of(created), Optional.empty()))
        .contact(contact)
        .build();
  }

  private static Contact customer(String id, List<String> companies, boolean moreCompanies) {
    return new Contact(
        new ContactId(id),
        ContactRole.USER,
        Optional.of("Casey " + id),
        Optional.empty(),
        CONNECTED.minus(Duration.ofDays(60)),
        Map.of(),
        Map.of(),
        companies.stream().map(CompanyId::new).toList(),
        moreCompanies);
  }

  private static Company company(String id) {
    return new Company(
        new CompanyId(id),
        "Company " + id,
        CONNECTED.minus(Duration.ofDays(90)),
        Map.of(),
        Map.of());
  }

  private CustomerProfile profile(String contact) {
    return store.data(ACME).profiles.get(new ContactId(contact));
  }

  @Test
  void a_first_sync_finds_a_pages_customers_in_one_search_and_each_company_once() {
    conversations(40, 5);
    intercom.put(company("co-1")).put(company("co-2"));
    intercom.put(customer("c-0", List.of("co-1"), false));
    intercom.put(customer("c-1", List.of("co-1"), false));
    intercom.put(customer("c-2", List.of("co-2", "co-1"), false));
    intercom.put(customer("c-3", List.of(), false));
    intercom.put(customer("c-4", List.of(), false));

    SyncOutcome outcome = sync(new Fetchers(pool, 4)).run(ACME, SyncKind.FIRST, LEASE);

    assertInstanceOf(SyncOutcome.Completed.class, outcome, outcome.toString());
    assertEquals(40, store.data(ACME).documents.size());
    assertEquals(1, intercom.calls("contact search"), "one page, its five customers in one search");
    assertEquals(0, intercom.calls("contact"), "no customer asked for alone");
    assertEquals(5, intercom.calls("segments"), "one segments call per customer");
    assertEquals(2, intercom.calls("company"), "each company once, whoever belongs to it");
    assertEquals(0, intercom.calls("companies of"));
    assertEquals(
        List.of("co-2 Company co-2", "co-1 Company co-1"),
        profile("c-2").companies().stream().map(c -> c.id().value() + " " + c.name()).toList(),
        "the companies in the contact's order, the primary first");
    assertEquals(List.of(), profile("c-3").companies());
    assertEquals(5, store.data(ACME).profiles.size());
  }

  @Test
  void
      a_customer_the_search_does_not_find_yet_is_asked_for_alone_and_a_deleted_one_gets_a_tombstone() {
    conversations(12, 4);
    IntStream.range(0, 3).forEach(i -> intercom.put(customer("c-" + i, List.of(), false)));
    intercom.notYetSearchable(new ContactId("c-1"));
    // c-3 wrote conversations, and an earlier connection of this workspace stored its profile;
    // Intercom no longer has the contact.
    Instant walkStarts = now;
    now = now.minus(Duration.ofDays(20));
    store.commit(
        ACME,
        new SyncBatch(
            SyncStream.HISTORY,
            List.of(),
            List.of(
                new CustomerProfile(
                    new WorkspaceId("abc12345"),
                    new ContactId("c-3"),
                    ContactRole.USER,
                    Optional.of("Casey 3"),
                    Optional.of("casey3@example.com"),
                    List.of(),
                    List.of(),
                    Map.of(),
                    now)),
            List.of(),
            List.of(),
            List.of(),
            Checkpoint.START,
            RunCounts.NONE));
    now = walkStarts;

    SyncOutcome outcome = sync(new Fetchers(pool, 4)).run(ACME, SyncKind.FIRST, LEASE);

    assertInstanceOf(SyncOutcome.Completed.class, outcome, outcome.toString());
    assertEquals(1, intercom.calls("contact search"));
    assertEquals(2, intercom.calls("contact"), "the two the search did not find, each alone");
    assertEquals(Set.of("c-0", "c-1", "c-2"), profileIds());
    assertEquals(Set.of(new ContactId("c-3")), store.data(ACME).contactTombstones.keySet());
    assertEquals(3, intercom.calls("segments"), "none for the deleted customer");
  }

  @Test
  void a_contact_in_more_companies_than_it_lists_gets_all_of_them_in_one_call() {
    conversations(3, 1);
    List<String> eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> "co-" + i).toList();
    eleven.forEach(id -> intercom.put(company(id)));
    intercom.put(customer("c-0", eleven, true));

    sync(new Fetchers(pool, 4)).run(ACME, SyncKind.FIRST, LEASE);

    assertEquals(1, intercom.calls("companies of"));
    assertEquals(0, intercom.calls("company"));
    assertEquals(11, profile("c-0").companies().size());
  }

  @Test
  void a_company_that_cannot_be_read_sets_its_customers_aside_each_asking_again() {
    conversations(6, 3);
    intercom.put(company("co-1")).put(company("co-2"));
    intercom.put(customer("c-0", List.of("co-1"), false));
    intercom.put(customer("c-1", List.of("co-2", "co-1"), false));
    intercom.put(customer("c-2", List.of("co-2"), false));
    intercom.poison("co-1", new IntercomFailure.Unavailable("answered 503", null));

    SyncOutcome outcome = sync(Fetchers.ONE).run(ACME, SyncKind.FIRST, LEASE);

    assertInstanceOf(SyncOutcome.Completed.class, outcome, outcome.toString());
    assertEquals(6, store.data(ACME).documents.size(), "their documents are kept all the same");
    assertEquals(Set.of("c-2"), profileIds());
    assertEquals(
        Set.of("c-0", "c-1"),
        store.data(ACME).skipped.values().stream()
            .filter(i -> i.kind() == ItemKind.CONTACT)
            .map(i -> i.intercomId())
            .collect(java.util.stream.Collectors.toSet()),
        "the customers of the company that could not be read are set aside");
    assertEquals(
        3, intercom.calls("company"), "co-1 asked for by both its customers, co-2 read once");
  }

  @Test
  void a_customer_met_on_an_earlier_page_is_not_asked_for_again_once_stored() {
    conversations(450, 5); // three pages of 150, the same five customers on each
    IntStream.range(0, 5).forEach(i -> intercom.put(customer("c-" + i, List.of(), false)));

    SyncOutcome outcome = sync(new Fetchers(pool, 4)).run(ACME, SyncKind.FIRST, LEASE);

    assertInstanceOf(SyncOutcome.Completed.class, outcome, outcome.toString());
    assertEquals(450, store.data(ACME).documents.size());
    assertEquals(
        1, intercom.calls("contact search"), "the first page's customers; the store has the rest");
    assertEquals(0, intercom.calls("contact"));
    assertEquals(5, intercom.calls("segments"), "each customer once in the run");
  }

  @Test
  void between_pages_the_run_forgets_the_customers_the_store_holds_but_not_the_others() {
    ProfileFetches profiles =
        new ProfileFetches(intercom, new WorkspaceId("abc12345"), Fetchers.ONE, new ItemReads());
    List.of("c-1", "c-2", "c-gone").forEach(id -> profiles.claim(new ContactId(id)));
    List<Collection<ContactId>> asked = new ArrayList<>();

    profiles.forgetStored(
        met -> {
          asked.add(List.copyOf(met));
          return Set.of(new ContactId("c-1"), new ContactId("c-2"));
        });

    assertEquals(1, profiles.remembered(), "a customer met without a profile stays remembered");
    assertFalse(profiles.claim(new ContactId("c-gone")), "so it is not asked for again");
    assertTrue(profiles.claim(new ContactId("c-1")), "the store vouches for the others");
    assertEquals(3, asked.get(0).size(), "the store was asked about every customer met");
  }

  @Test
  void the_hourly_sync_finds_its_new_customers_in_one_search() {
    conversations(4, 2);
    IntStream.range(0, 5).forEach(i -> intercom.put(customer("c-" + i, List.of(), false)));
    SyncService sync = sync(new Fetchers(pool, 4));
    sync.run(ACME, SyncKind.FIRST, LEASE);
    long searches = intercom.calls("contact search");
    now = now.plusSeconds(3600);
    Instant t = now.minusSeconds(600);
    for (int i = 0; i < 6; i++) {
      intercom.put(written("20" + i, t.plusSeconds(i), "c-" + (2 + i % 3)));
    }

    SyncOutcome hourly = sync.run(ACME, SyncKind.HOURLY, LEASE);

    assertInstanceOf(SyncOutcome.Completed.class, hourly, hourly.toString());
    assertEquals(1, intercom.calls("contact search") - searches, "three new customers, one search");
    assertEquals(0, intercom.calls("contact"));
    assertEquals(Set.of("c-0", "c-1", "c-2", "c-3", "c-4"), profileIds());
    assertEquals(10, store.data(ACME).documents.size());
  }

  private Set<String> profileIds() {
    return store.data(ACME).profiles.keySet().stream()
        .map(ContactId::value)
        .collect(java.util.stream.Collectors.toSet());
  }
}
