package com.feedbacksync.application.sync;

import static com.feedbacksync.domain.testing.ConversationBuilder.admin;
import static com.feedbacksync.domain.testing.ConversationBuilder.conversation;
import static com.feedbacksync.domain.testing.ConversationBuilder.customerSource;
import static com.feedbacksync.domain.testing.ConversationBuilder.outboundSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.account.DocumentSettingsService;
import com.feedbacksync.application.fakes.FakeIntercom;
import com.feedbacksync.application.fakes.InMemoryAccounts;
import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.fakes.InMemorySyncStore;
import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.model.RunState;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.model.WebhookItem;
import com.feedbacksync.application.port.in.DocumentSettingsUseCase.DocumentSettings;
import com.feedbacksync.application.port.out.IntercomWorkspaces;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.document.DocumentMapping;
import com.feedbacksync.domain.document.MappingSettings;
import com.feedbacksync.domain.intercom.Author;
import com.feedbacksync.domain.intercom.AuthorType;
import com.feedbacksync.domain.intercom.Contact;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ContactRole;
import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationState;
import com.feedbacksync.domain.intercom.DeliveredAs;
import com.feedbacksync.domain.intercom.Part;
import com.feedbacksync.domain.intercom.PartId;
import com.feedbacksync.domain.intercom.PartType;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Source;
import com.feedbacksync.domain.intercom.Statistics;
import com.feedbacksync.domain.intercom.Tag;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.PlanLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sync engine's scenarios against in-memory fakes of every port: exact documents and calls. */
class SyncServiceTest {

  private static final Instant CONNECTED = Instant.parse("2026-11-01T00:00:00Z");
  private static final AccountId ACME = new AccountId("acme");
  private static final Workspace WORKSPACE =
      new Workspace(new WorkspaceId("abc12345"), "Acme", Region.US);

  /**
   * The lease a run holds; the store here takes every lease as held (fencing: FencedCommitTest).
   */
  private static final LeaseToken LEASE = lease(ACME);

  private static LeaseToken lease(AccountId account) {
    return new LeaseToken(account, "sync", "test", 1);
  }

  private Instant now = CONNECTED.plusSeconds(3600);
  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryConnections connections = new InMemoryConnections();
  private final InMemorySyncStore store = new InMemorySyncStore(connections).clock(() -> now);
  private final FakeIntercom intercom = new FakeIntercom(3);
  private final com.feedbacksync.application.fakes.InMemorySyncRuns runs =
      new com.feedbacksync.application.fakes.InMemorySyncRuns();
  private final com.feedbacksync.application.fakes.InMemoryDocumentChoices choices =
      new com.feedbacksync.application.fakes.InMemoryDocumentChoices(accounts);
  private SyncService sync;

  @BeforeEach
  void setUp() {
    accounts.with(new Account(ACME, "Acme Research", Plan.START));
    connections.save(
        new Connection(
            ACME,
            WORKSPACE,
            new AccessToken("t"),
            ConnectionState.CONNECTED,
            "ada",
            CONNECTED,
            new HistoryCoverage.NotYet(),
            Optional.empty()));
    sync = sync(new PlanLimits(5));
  }

  private SyncService sync(PlanLimits limits) {
    return sync(limits, intercom);
  }

  private SyncService sync(PlanLimits limits, FakeIntercom intercom) {
    // Every scenario runs with a page's fetches on four threads: the same documents, the same
    // calls, as one at a time.
    return sync(limits, intercom, new Fetchers(FETCH_POOL, 4));
  }

  private SyncService sync(PlanLimits limits, FakeIntercom intercom, Fetchers fetchers) {
    return sync(limits, intercom, fetchers, store);
  }

  private SyncService sync(
      PlanLimits limits,
      FakeIntercom intercom,
      Fetchers fetchers,
      com.feedbacksync.application.port.out.SyncStore store) {
    Clock clock = new com.feedbacksync.application.fakes.FollowingClock(() -> now);
    return new SyncService(
        accounts,
        connections,
        intercom,
        store,
        limits,
        // As production: each account's choice, else the server's default.
        DocumentMappings.chosenOr(choices, MappingSettings.DEFAULT),
        clock,
        (conversation, file) -> "/files/" + conversation.value() + "/" + file,
        runs,
        fetchers,
        // A part at every 8 rows, whatever the time: the resumed-inside-a-page test counts on it.
        new HistoryParts(8, 8, java.time.Duration.ZERO),
        DeadLetterBackoff.DEFAULT);
  }

  private static final java.util.concurrent.ExecutorService FETCH_POOL =
      java.util.concurrent.Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "test-fetcher");
            t.setDaemon(true);
            return t;
          });

  /** A customer-initiated conversation created {@code hoursBefore} hours before connecting. */
  private static Conversation customer(String id, long hoursBefore) {
    return customer(id, hoursBefore, "c-" + id);
  }

  /** The same, written by the given customer. */
  private static Conversation customer(String id, long hoursBefore, String contact) {
    Instant created = CONNECTED.minusSeconds(hoursBefore * 3600);
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

  /** An outbound message nobody answered: listed, fetched, and skipped on its parts. */
  private static Conversation silent(String id, long hoursBefore) {
    Instant created = CONNECTED.minusSeconds(hoursBefore * 3600);
    return conversation()
        .id(id)
        .createdAt(created)
        .updatedAt(created)
        .source(outboundSource(DeliveredAs.ADMIN_INITIATED, admin("1"), "<p>News</p>"))
        .build();
  }

  private Set<String> stored() {
    return store.data(ACME).documents.keySet().stream()
        .map(ConversationId::value)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private void workspaceOf(int customers, int silents) {
    for (int i = 1; i <= customers; i++) {
      intercom.put(customer(String.valueOf(100 + i), i));
      intercom.put(
          new Contact(
              new ContactId("c-" + (100 + i)),
              ContactRole.USER,
              Optional.of("Casey " + i),
              Optional.empty(),
              CONNECTED.minusSeconds(86_400 * 30),
              Map.of(),
              Map.of(),
              List.of()));
    }
    for (int i = 1; i <= silents; i++) {
      intercom.put(silent(String.valueOf(900 + i), i));
    }
  }

  @Test
  void the_first_start_sync_takes_the_most_recent_conversations_up_to_the_limit() {
    workspaceOf(8, 3);
    SyncOutcome outcome = sync.run(ACME, SyncKind.FIRST, LEASE);

    assertInstanceOf(SyncOutcome.Completed.class, outcome);
    assertEquals(Set.of("101", "102", "103", "104", "105"), stored());
    assertEquals(5, outcome.counts().kept());
    // Built so: the three unanswered outbound conversations are newer than the fifth customer one.
    assertEquals(3, outcome.counts().skippedWithoutReply(), "judged on their parts, skipped");
    assertEquals(
        8,
        intercom.conversationFetches(),
        "one fetch per conversation judged on the way to the limit, none past it");
    HistoryCoverage coverage = connections.find(ACME).orElseThrow().coverage();
    assertEquals("105", ((HistoryCoverage.DownTo) coverage).oldestTaken().id().value());
    assertEquals(5, store.data(ACME).profiles.size(), "the authors' customer profiles came along");
  }

  @Test
  void reports_progress_page_by_page_against_what_the_plan_will_take() {
    workspaceOf(8, 3);
    runs.start(ACME, SyncKind.FIRST, now, "test");
    sync.run(ACME, SyncKind.FIRST, LEASE);
    assertEquals(
        8, runs.runs.get(0).total, "the Start plan takes 5, judging 3 unanswered on the way");
    assertEquals(8, runs.runs.get(0).done, "all of them handled when the run ends");
  }

  @Test
  void a_paid_plan_takes_all_history() {
    accounts.with(new Account(ACME, "Acme Research", Plan.PAID));
    workspaceOf(8, 3);
    sync.run(ACME, SyncKind.FIRST, LEASE);
    assertEquals(8, stored().size());
    assertInstanceOf(
        HistoryCoverage.Complete.class, connections.find(ACME).orElseThrow().coverage());
  }

  @Test
  void an_upgrade_backfills_exactly_what_the_limit_left_out_without_fetching_again() {
    workspaceOf(8, 3);
    sync.run(ACME, SyncKind.FIRST, LEASE);
    long fetchesBefore = intercom.conversationFetches();

    accounts.with(new Account(ACME, "Acme Research", Plan.PAID));
    SyncOutcome outcome = sync.run(ACME, SyncKind.BACKFILL, LEASE);

    assertEquals(8, stored().size());
    assertEquals(
        3, intercom.conversationFetches() - fetchesBefore, "only the three it did not have");
    assertEquals(3, outcome.counts().kept());
    assertInstanceOf(
        HistoryCoverage.Complete.class, connections.find(ACME).orElseThrow().coverage());
  }

  @Test
  void an_upgrade_backfill_checks_the_customers_stored_before_it_again_each_once() {
    // Eight conversations of two customers in turn: the Start plan's five meet both, and so do the
    // three the backfill takes. One of them was deleted in Intercom since the first sync.
    FakeIntercom workspace = repeatCustomers(8, 2);
    SyncService start = sync(new PlanLimits(5), workspace, Fetchers.ONE);
    start.run(ACME, SyncKind.FIRST, LEASE);
    long segments = workspace.calls("segments");
    workspace.removeContact(new ContactId("c-1"));
    now = now.plus(Duration.ofDays(3));

    accounts.with(new Account(ACME, "Acme Research", Plan.PAID));
    SyncOutcome backfill = start.run(ACME, SyncKind.BACKFILL, LEASE);

    assertInstanceOf(SyncOutcome.Completed.class, backfill, backfill.toString());
    assertEquals(3, backfill.counts().kept());
    assertEquals(1, workspace.calls("segments") - segments, "the customer still there, once");
    assertTrue(
        store.data(ACME).contactTombstones.containsKey(new ContactId("c-1")),
        "the deleted customer's profile is a tombstone now");
    assertFalse(store.data(ACME).profiles.containsKey(new ContactId("c-1")));
  }

  @Test
  void a_fresh_first_sync_over_profiles_an_earlier_connection_stored_checks_them_again() {
    // An admin connected this workspace, switched to another and back, without a purge: the first
    // connection's profiles are still stored, its checkpoints are not. One customer was deleted in
    // Intercom meanwhile; its name and e-mail must not outlive it.
    accounts.with(new Account(ACME, "Acme Research", Plan.PAID));
    FakeIntercom workspace = repeatCustomers(8, 2);
    SyncService paid = sync(new PlanLimits(5), workspace, Fetchers.ONE);
    paid.run(ACME, SyncKind.FIRST, LEASE);
    store.startWorkspace(ACME, new WorkspaceId("xyz98765"));
    store.startWorkspace(ACME, WORKSPACE.id());
    connections.save(
        connections.find(ACME).orElseThrow().withCoverage(new HistoryCoverage.NotYet()));
    workspace.removeContact(new ContactId("c-1"));
    now = now.plus(Duration.ofDays(3));
    long segments = workspace.calls("segments");

    SyncOutcome again = paid.run(ACME, SyncKind.FIRST, LEASE);

    assertInstanceOf(SyncOutcome.Completed.class, again, again.toString());
    assertEquals(8, again.counts().kept(), "the whole history walked again");
    assertEquals(1, workspace.calls("segments") - segments, "the customer still there, once");
    assertTrue(store.data(ACME).contactTombstones.containsKey(new ContactId("c-1")));
    assertFalse(store.data(ACME).profiles.containsKey(new ContactId("c-1")));
  }

  @Test
  void a_run_that_fails_midway_resumes_from_its_last_committed_page() {
    accounts.with(new Account(ACME, "Acme Research", Plan.PAID));
    workspaceOf(10, 0);
    // A page costs 8 calls: a listing, one search for its 3 customers' contacts, 3 fetches, 3
    // customers' segments; the third page's listing fails.
    intercom.failAfter(16);
    SyncOutcome failed = sync.run(ACME, SyncKind.FIRST, LEASE);
    assertInstanceOf(SyncOutcome.Failed.class, failed);
    assertTrue(connections.find(ACME).orElseThrow().lastError().orElseThrow().contains("503"));
    int storedAfterFailure = stored().size();
    assertTrue(
        storedAfterFailure > 0 && storedAfterFailure < 10,
        "some pages were committed: " + storedAfterFailure);

    intercom.failAfter(-1);
    long fetchesBefore = intercom.conversationFetches();
    sync.run(ACME, SyncKind.FIRST, LEASE);
    assertEquals(10, stored().size());
    assertTrue(
        intercom.conversationFetches() - fetchesBefore <= 10 - storedAfterFailure + 3,
        "resumed at the uncommitted page, not from the start");
  }

  /**
   * A workspace with pages of 150: {@code conversations} customer conversations an hour apart,
   * written by {@code customers} customers in turn.
   */
  private static FakeIntercom repeatCustomers(int conversations, int customers) {
    FakeIntercom workspace = new FakeIntercom(150);
    for (int i = 1; i <= conversations; i++) {
      workspace.put(customer(String.valueOf(1000 + i), i, "c-" + (i % customers)));
    }
    for (int c = 0; c < customers; c++) {
      workspace.put(
          new Contact(
              new ContactId("c-" + c),
              ContactRole.USER,
              Optional.of("Casey " + c),
              Optional.empty(),
              CONNECTED.minusSeconds(86_400),
              Map.of(),
              Map.of(),
              List.of()));
    }
    return workspace;
  }

  @Test
  void a_run_cut_inside_a_page_resumes_inside_it_and_fetches_no_stored_profile_again() {
    accounts.with(new Account(ACME, "Acme Research", Plan.PAID));
    // 60 conversations of 8 customers: each customer's profile is stored with its first part.
    FakeIntercom onePage = repeatCustomers(60, 8);
    // One at a time: the cut falls at the same call whatever the threads' timing.
    SyncService cut = sync(new PlanLimits(5), onePage, Fetchers.ONE);
    // The listing, then conversations with their authors' profiles (contact and segments each)
    // until the failure cuts the page in the middle.
    onePage.failAfter(30);
    assertInstanceOf(SyncOutcome.Failed.class, cut.run(ACME, SyncKind.FIRST, LEASE));
    int committed = stored().size();
    assertTrue(committed > 0 && committed < 60, "part of the page was committed: " + committed);
    assertTrue(
        store
            .checkpoint(ACME, com.feedbacksync.application.model.SyncStream.HISTORY)
            .handledTo()
            .isPresent(),
        "the checkpoint says how far into the page the walk got");

    onePage.failAfter(-1);
    long calls = onePage.calls();
    // Resumed after the failure's backoff: the walk's own profiles are known by when it began.
    now = now.plus(Duration.ofMinutes(5));
    assertInstanceOf(SyncOutcome.Completed.class, cut.run(ACME, SyncKind.FIRST, LEASE));
    assertEquals(60, stored().size());
    assertEquals(
        1 + (60 - committed),
        onePage.calls() - calls,
        "the resumed run lists the page again and fetches only what was not committed; every"
            + " customer's profile was stored before the cut, none is fetched again");
  }

  @Test
  void a_first_sync_cut_again_and_again_costs_at_most_the_parts_in_flight_per_cut() {
    accounts.with(new Account(ACME, "Acme Research", Plan.PAID));
    FakeIntercom fake = repeatCustomers(600, 300);
    // Clean: 4 listings of 150, a contact search for each page's customers, 600 retrieves, 300
    // customers' segments.
    long clean = 4 + 4 + 600 + 300;
    SyncService cutAgain = sync(new PlanLimits(5), fake, new Fetchers(FETCH_POOL, 4));
    int cuts = 0;
    do {
      fake.failAfter(150); // every run gets 150 calls, then Intercom fails
      cuts++;
    } while (!(cutAgain.run(ACME, SyncKind.FIRST, LEASE) instanceof SyncOutcome.Completed));
    cuts--; // the last run completed

    // A cut loses the part being gathered (8 rows) and what was fetched ahead of it, each at most
    // a retrieve and its author's two calls (contact, segments), and the resumed run lists its
    // page again and searches its customers' contacts again.
    long bound = clean + cuts * (2 + 3L * (8 + HistoryWalk.LOOKAHEAD));
    assertTrue(cuts >= 5, "cut " + cuts + " times");
    assertTrue(
        fake.calls() <= bound,
        fake.calls() + " calls over " + cuts + " cuts, bound " + bound + ", clean " + clean);
    // A read that failed in flight while the ones after it succeeded was set aside as a dead
    // letter (the run went on); the next hourly run reads it.
    long setAside =
        store.data(ACME).skipped.values().stream()
            .filter(i -> i.kind() == com.feedbacksync.application.model.ItemKind.CONVERSATION)
            .count();
    assertEquals(600, stored().size() + setAside);
    now = now.plusSeconds(3600);
    fake.failAfter(-1);
    cutAgain.run(ACME, SyncKind.HOURLY, LEASE);
    assertEquals(600, stored().size(), "the dead letters were read by the hourly run");
    assertEquals(Map.of(), store.data(ACME).skipped);
  }

  @Test
  void the_hourly_sync_fetches_only_what_a_customer_an_agent_a_tag_or_a_status_changed() {
    accounts.with(new Account(ACME, "Acme Research", Plan.PAID));
    workspaceOf(8, 2);
    sync.run(ACME, SyncKind.FIRST, LEASE);
    long fetchesBefore = intercom.conversationFetches();
    now = now.plusSeconds(3600);
    Instant t = now.minusSeconds(600);

    intercom.put(changed(customer("101", 1), t, stats(t, null)).conversation()); // customer reply
    intercom.put(changed(customer("102", 2), t, stats(null, t)).conversation()); // agent reply
    intercom.put(changed(customer("103", 3), t, null).withTag()); // tag added
    intercom.put(
        changed(customer("104", 4), t, null).withState(ConversationState.CLOSED)); // status
    intercom.put(changed(customer("105", 5), t, null).conversation); // assignment only
    intercom.put(silent("950", -1)); // new outbound, no reply
    intercom.put(customerCreatedAt("160", t)); // new customer conversation
    intercom.delete(new ConversationId("106"), t); // deleted

    SyncOutcome outcome = sync.run(ACME, SyncKind.HOURLY, LEASE);

    assertInstanceOf(SyncOutcome.Completed.class, outcome);
    assertEquals(
        6,
        intercom.conversationFetches() - fetchesBefore,
        "four re-syncs, one new conversation, one new outbound judged on its parts");
    assertEquals(1, outcome.counts().skippedWithoutReply(), "the new outbound nobody answered");
    assertEquals(4, outcome.counts().resynced());
    assertEquals(1, outcome.counts().kept());
    assertEquals(1, outcome.counts().unchanged(), "the assignment cost nothing");
    assertEquals(1, outcome.counts().deleted());
    assertEquals(Set.of("101", "102", "103", "104", "105", "107", "108", "160"), stored());
    assertEquals(Set.of(new ConversationId("106")), store.data(ACME).tombstones.keySet());
    assertEquals(
        ConversationState.CLOSED,
        store.data(ACME).documents.get(new ConversationId("104")).document().status());
  }

  @Test
  void two_identical_runs_leave_identical_data_and_the_second_fetches_nothing() {
    workspaceOf(6, 2);
    sync.run(ACME, SyncKind.FIRST, LEASE);
    Map<ConversationId, ?> afterFirst = Map.copyOf(store.data(ACME).documents);
    long fetches = intercom.conversationFetches();
    sync.run(ACME, SyncKind.FIRST, LEASE);
    now = now.plusSeconds(3600);
    sync.run(ACME, SyncKind.HOURLY, LEASE);
    sync.run(ACME, SyncKind.HOURLY, LEASE);
    assertEquals(afterFirst, Map.copyOf(store.data(ACME).documents));
    assertEquals(fetches, intercom.conversationFetches());
  }

  @Test
  void a_revoked_token_marks_only_this_account_for_reconnection_and_keeps_its_data() {
    workspaceOf(4, 0);
    sync.run(ACME, SyncKind.FIRST, LEASE);
    intercom.revoke();
    now = now.plusSeconds(3600);

    SyncOutcome outcome = sync.run(ACME, SyncKind.HOURLY, LEASE);

    assertInstanceOf(SyncOutcome.NeedsReauth.class, outcome);
    Connection connection = connections.find(ACME).orElseThrow();
    assertEquals(ConnectionState.NEEDS_REAUTH, connection.state());
    assertTrue(connection.lastError().orElseThrow().contains("Reconnect"));
    assertEquals(4, stored().size(), "nothing was lost");
    assertInstanceOf(
        SyncOutcome.Skipped.class,
        sync.run(ACME, SyncKind.HOURLY, LEASE),
        "no more syncs until reconnected");

    AccountId globex = new AccountId("globex");
    FakeIntercom other = new FakeIntercom(3);
    other.put(customer("301", 1));
    accounts.with(new Account(globex, "Globex", Plan.PAID));
    connections.save(
        new Connection(
            globex,
            new Workspace(new WorkspaceId("other"), "Other", Region.EU),
            new AccessToken("t2"),
            ConnectionState.CONNECTED,
            "bo",
            CONNECTED,
            new HistoryCoverage.NotYet(),
            Optional.empty()));
    IntercomWorkspaces perAccount =
        access -> access.workspace().value().equals("other") ? other : intercom;
    SyncService both =
        new SyncService(
            accounts,
            connections,
            perAccount,
            store,
            new PlanLimits(5),
            DocumentMappings.always(new DocumentMapping(MappingSettings.DEFAULT)),
            Clock.systemUTC(),
            (conversation, file) -> "/files/" + file,
            runs,
            Fetchers.ONE,
            HistoryParts.DEFAULT,
            DeadLetterBackoff.DEFAULT);
    assertInstanceOf(SyncOutcome.Completed.class, both.run(globex, SyncKind.FIRST, lease(globex)));
    assertEquals(1, store.data(globex).documents.size());
  }

  @Test
  void a_first_daily_run_cut_after_a_page_resumes_without_a_made_up_watermark() {
    accounts.with(new Account(ACME, "Acme Research", Plan.PAID));
    workspaceOf(7, 0); // three pages of contacts
    sync.run(ACME, SyncKind.FIRST, LEASE);
    intercom.failAfter(4); // a page of three contacts and their segments, then failures
    assertInstanceOf(SyncOutcome.Failed.class, sync.run(ACME, SyncKind.CUSTOMERS, LEASE));
    var cut = store.checkpoint(ACME, com.feedbacksync.application.model.SyncStream.CUSTOMERS);
    assertTrue(cut.cursor().isPresent(), "it resumes from the page after the last committed");
    assertEquals(
        Optional.empty(),
        cut.watermark(),
        "no daily run finished yet: no watermark (the epoch does not fit a TIMESTAMP column)");
    intercom.failAfter(-1);
    assertInstanceOf(SyncOutcome.Completed.class, sync.run(ACME, SyncKind.CUSTOMERS, LEASE));
    assertEquals(7, store.data(ACME).profiles.size());
  }

  @Test
  void the_daily_customer_sync_takes_contacts_updated_since_the_last_one() {
    workspaceOf(2, 0);
    sync.run(ACME, SyncKind.FIRST, LEASE);
    Contact casey =
        new Contact(
            new ContactId("c-900"),
            ContactRole.USER,
            Optional.of("Casey"),
            Optional.empty(),
            now.minusSeconds(60),
            Map.of(),
            Map.of(),
            List.of());
    intercom.put(casey);
    SyncOutcome first = sync.run(ACME, SyncKind.CUSTOMERS, LEASE);
    assertEquals(3, first.counts().profiles(), "the first daily run takes every contact");
    assertTrue(store.data(ACME).profiles.containsKey(new ContactId("c-900")));

    now = now.plusSeconds(86_400);
    assertEquals(
        0, sync.run(ACME, SyncKind.CUSTOMERS, LEASE).counts().profiles(), "nothing changed since");

    now = now.plusSeconds(3600);
    intercom.put(
        new Contact(
            casey.id(),
            ContactRole.USER,
            Optional.of("Casey Renamed"),
            Optional.empty(),
            now.minusSeconds(60),
            Map.of(),
            Map.of(),
            List.of()));
    now = now.plusSeconds(86_400);
    assertEquals(
        1,
        sync.run(ACME, SyncKind.CUSTOMERS, LEASE).counts().profiles(),
        "only the contact that changed");
    assertEquals(Optional.of("Casey Renamed"), store.data(ACME).profiles.get(casey.id()).name());
  }

  @Test
  void downloads_attachments_and_inline_images_and_points_the_document_at_the_copies() {
    Conversation c = customer("101", 1);
    String image = "https://downloads.intercomcdn.com/i/o/1/a.png?expires=1&signature=x";
    Source withFiles =
        new Source(
            "conversation",
            DeliveredAs.CUSTOMER_INITIATED,
            "",
            "<p>look</p><img src=\"" + image.replace("&", "&amp;") + "\" />",
            c.source().author(),
            List.of(
                new com.feedbacksync.domain.intercom.Attachment(
                    "export.csv",
                    "https://downloads.intercomcdn.com/i/o/1/export.csv?expires=1",
                    "text/csv",
                    java.util.OptionalLong.of(10))),
            false);
    intercom.put(
        new Conversation(
            c.id(),
            c.title(),
            c.createdAt(),
            c.updatedAt(),
            c.state(),
            withFiles,
            c.parts(),
            c.partsTotalCount(),
            c.tags(),
            c.customAttributes(),
            c.statistics(),
            c.firstContactReplyAt(),
            c.contacts()));
    sync.run(ACME, SyncKind.FIRST, LEASE);

    var message =
        store.data(ACME).documents.get(new ConversationId("101")).document().messages().get(0);
    String imageId = FileCopies.fileId(image);
    assertTrue(message.html().contains("src=\"/files/101/" + imageId + "\""), message.html());
    assertTrue(message.attachments().get(0).url().startsWith("/files/101/"));
    assertEquals(2, store.data(ACME).files.size());
    assertEquals(
        imageId,
        FileCopies.fileId(image.replace("signature=x", "signature=y")),
        "stable across links");
  }

  @Test
  void a_webhook_re_syncs_one_conversation_now_and_leaves_the_hourly_walk_where_it_was() {
    workspaceOf(3, 0);
    sync.run(ACME, SyncKind.FIRST, LEASE);
    var hourly =
        store.checkpoint(ACME, com.feedbacksync.application.model.SyncStream.CONVERSATIONS);
    Instant t = now.plusSeconds(10);
    intercom.put(changed(customer("101", 1), t, stats(t, null)).conversation());
    long fetches = intercom.conversationFetches();

    SyncOutcome outcome =
        sync.resync(ACME, List.of(new WebhookItem.Conversation(new ConversationId("101"))), LEASE);

    assertInstanceOf(SyncOutcome.Completed.class, outcome);
    assertEquals(1, intercom.conversationFetches() - fetches);
    assertEquals(
        t, store.data(ACME).documents.get(new ConversationId("101")).document().updatedAt());
    assertEquals(
        hourly,
        store.checkpoint(ACME, com.feedbacksync.application.model.SyncStream.CONVERSATIONS));

    intercom.delete(new ConversationId("102"), t);
    sync.resync(ACME, List.of(new WebhookItem.Conversation(new ConversationId("102"))), LEASE);
    assertTrue(store.data(ACME).tombstones.containsKey(new ConversationId("102")));
    assertInstanceOf(
        SyncOutcome.Skipped.class,
        sync.resync(
            new AccountId("nobody"),
            List.of(new WebhookItem.Conversation(new ConversationId("101"))),
            lease(new AccountId("nobody"))));
  }

  @Test
  void an_accounts_choice_of_internal_notes_applies_from_the_next_sync_of_each_conversation() {
    String note = "Internal: churn risk, call them";
    for (String id : List.of("101", "102")) {
      Instant created = CONNECTED.minusSeconds(3600);
      intercom.put(
          conversation()
              .id(id)
              .createdAt(created)
              .updatedAt(created.plusSeconds(600))
              .source(customerSource("<p>Export is broken " + id + "</p>"))
              .part("note", admin("1"), "<p>" + note + " " + id + "</p>")
              .part("comment", admin("1"), "<p>Looking into it</p>")
              .firstContactReplyAt(created)
              .contact("c-" + id)
              .build());
    }
    DocumentSettingsService settings =
        new DocumentSettingsService(accounts, choices, MappingSettings.DEFAULT);
    assertEquals(
        Optional.of(new DocumentSettings(MappingSettings.DEFAULT, false)),
        settings.settings(ACME),
        "no choice yet: the server's default, said to be one");
    sync.run(ACME, SyncKind.FIRST, LEASE);
    assertFalse(text("101").contains(note), "notes stay out by default");

    assertEquals(
        Optional.of(new DocumentSettings(new MappingSettings(true), true)),
        settings.choose(ACME, new MappingSettings(true)));
    sync.resync(ACME, List.of(new WebhookItem.Conversation(new ConversationId("101"))), LEASE);

    assertTrue(text("101").contains(note + " 101"), "its next sync takes the note in");
    assertFalse(text("102").contains(note), "a conversation not synced since is as it was");
    assertEquals(
        Optional.empty(), settings.choose(new AccountId("nobody"), MappingSettings.DEFAULT));
    assertEquals(Optional.empty(), settings.settings(new AccountId("nobody")));
  }

  /** The stored document's messages, as one text. */
  private String text(String conversation) {
    return store
        .data(ACME)
        .documents
        .get(new ConversationId(conversation))
        .document()
        .messages()
        .stream()
        .map(m -> m.html())
        .collect(Collectors.joining("\n"));
  }

  @Test
  void an_older_webhook_copy_after_a_newer_poll_changes_nothing() {
    workspaceOf(3, 0);
    sync.run(ACME, SyncKind.FIRST, LEASE);
    Conversation original = customer("101", 1);
    Instant t = now.plusSeconds(10);
    intercom.put(changed(original, t, stats(t, null)).conversation());
    now = now.plusSeconds(3600);
    sync.run(ACME, SyncKind.HOURLY, LEASE);
    var newer = store.data(ACME).documents.get(new ConversationId("101"));
    assertEquals(t, newer.document().updatedAt());

    // A late webhook's fetch meets a lagging replica that still serves the older copy.
    intercom.put(original);
    sync.resync(ACME, List.of(new WebhookItem.Conversation(new ConversationId("101"))), LEASE);

    assertEquals(newer, store.data(ACME).documents.get(new ConversationId("101")));
  }

  @Test
  void a_checkpoint_in_the_future_costs_no_call() {
    workspaceOf(3, 0);
    sync.run(ACME, SyncKind.FIRST, LEASE);
    now = now.plusSeconds(3600);
    sync.run(ACME, SyncKind.HOURLY, LEASE);
    var ahead =
        com.feedbacksync.application.model.Checkpoint.windowed(
            Optional.empty(), Optional.of(now.plusSeconds(7200)), Optional.empty());
    store
        .data(ACME)
        .checkpoints
        .put(com.feedbacksync.application.model.SyncStream.CONVERSATIONS, ahead);
    long calls = intercom.calls();

    assertInstanceOf(SyncOutcome.Completed.class, sync.run(ACME, SyncKind.HOURLY, LEASE));
    assertEquals(
        0, intercom.calls() - calls, "an inverted window is not listed (it used to throw)");
  }

  @Test
  void a_customer_intercom_no_longer_has_gets_a_tombstone_not_a_stale_profile() {
    accounts.with(new Account(ACME, "Acme Research", Plan.PAID));
    workspaceOf(2, 0);
    sync.run(ACME, SyncKind.FIRST, LEASE);
    assertTrue(store.data(ACME).profiles.containsKey(new ContactId("c-101")));
    intercom.removeContact(new ContactId("c-101"));
    Instant t = now.plusSeconds(10);
    intercom.put(changed(customer("101", 1), t, stats(t, null)).conversation());
    now = now.plusSeconds(3600);
    sync.run(ACME, SyncKind.HOURLY, LEASE);
    assertTrue(store.data(ACME).contactTombstones.containsKey(new ContactId("c-101")));
    assertTrue(!store.data(ACME).profiles.containsKey(new ContactId("c-101")));
  }

  @Test
  void a_contact_webhook_refreshes_the_profile_or_makes_its_tombstone() {
    accounts.with(new Account(ACME, "Acme Research", Plan.PAID));
    workspaceOf(2, 0);
    sync.run(ACME, SyncKind.FIRST, LEASE);
    long before = intercom.calls();

    assertInstanceOf(
        SyncOutcome.Completed.class,
        sync.resync(ACME, List.of(new WebhookItem.Customer(new ContactId("c-101"))), LEASE));
    assertTrue(store.data(ACME).profiles.containsKey(new ContactId("c-101")));
    assertEquals(
        2,
        intercom.calls() - before,
        "the contact and its segments; it lists no company, so no companies call");

    intercom.removeContact(new ContactId("c-101"));
    SyncOutcome gone =
        sync.resync(ACME, List.of(new WebhookItem.Customer(new ContactId("c-101"))), LEASE);
    assertEquals(0, gone.counts().profiles());
    assertTrue(store.data(ACME).contactTombstones.containsKey(new ContactId("c-101")));
    assertInstanceOf(
        SyncOutcome.Skipped.class,
        sync.resync(
            new AccountId("nobody"),
            List.of(new WebhookItem.Customer(new ContactId("c-101"))),
            lease(new AccountId("nobody"))));
  }

  @Test
  void nothing_runs_before_intercom_is_connected_or_before_the_first_sync() {
    assertInstanceOf(SyncOutcome.Skipped.class, sync.run(ACME, SyncKind.HOURLY, LEASE));
    assertInstanceOf(
        SyncOutcome.Skipped.class,
        sync.run(new AccountId("nobody"), SyncKind.FIRST, lease(new AccountId("nobody"))));
  }

  // ---- building changed copies ---------------------------------------------------------------

  private static Conversation customerCreatedAt(String id, Instant created) {
    Conversation c = customer(id, 0);
    return new Conversation(
        c.id(),
        c.title(),
        created,
        created,
        c.state(),
        c.source(),
        c.parts(),
        c.partsTotalCount(),
        c.tags(),
        c.customAttributes(),
        new Statistics(Optional.of(created), Optional.of(created), Optional.empty()),
        Optional.of(created),
        c.contacts());
  }

  private static Statistics stats(Instant contact, Instant admin) {
    return new Statistics(
        Optional.empty(), Optional.ofNullable(contact), Optional.ofNullable(admin));
  }

  private record Changed(Conversation conversation) {
    Conversation withTag() {
      Conversation c = conversation;
      List<Tag> tags = new ArrayList<>(c.tags());
      tags.add(Tag.named("77", "pricing"));
      return new Conversation(
          c.id(),
          c.title(),
          c.createdAt(),
          c.updatedAt(),
          c.state(),
          c.source(),
          c.parts(),
          c.partsTotalCount(),
          tags,
          c.customAttributes(),
          c.statistics(),
          c.firstContactReplyAt(),
          c.contacts());
    }

    Conversation withState(ConversationState state) {
      Conversation c = conversation;
      return new Conversation(
          c.id(),
          c.title(),
          c.createdAt(),
          c.updatedAt(),
          state,
          c.source(),
          c.parts(),
          c.partsTotalCount(),
          c.tags(),
          c.customAttributes(),
          c.statistics(),
          c.firstContactReplyAt(),
          c.contacts());
    }
  }

  private static Changed changed(Conversation c, Instant at, Statistics replies) {
    Statistics s = c.statistics();
    List<Part> parts = new ArrayList<>(c.parts());
    if (replies != null) {
      s =
          new Statistics(
              s.firstContactReplyAt(),
              replies.lastContactReplyAt().or(s::lastContactReplyAt),
              replies.lastAdminReplyAt().or(s::lastAdminReplyAt));
      boolean customer = replies.lastContactReplyAt().isPresent();
      parts.add(
          new Part(
              new PartId("p" + at.getEpochSecond()),
              PartType.COMMENT,
              "<p>more</p>",
              at,
              customer ? Author.of(AuthorType.USER, "c-" + c.id().value(), null, null) : admin("1"),
              List.of(),
              List.of(),
              false));
    }
    return new Changed(
        new Conversation(
            c.id(),
            c.title(),
            c.createdAt(),
            at,
            c.state(),
            c.source(),
            parts,
            parts.size(),
            c.tags(),
            c.customAttributes(),
            s,
            c.firstContactReplyAt(),
            c.contacts()));
  }

  // The admin's life cycle while the engine runs (issue #15).

  /** The store, with something the admin does right after its {@code n}th commit. */
  private SyncService withAdminActionAfterCommit(int n, Runnable action) {
    var acting =
        new com.feedbacksync.application.port.out.SyncStore() {
          private int commits;

          @Override
          public Map<ConversationId, com.feedbacksync.domain.sync.SyncedConversation> synced(
              AccountId account,
              com.feedbacksync.domain.intercom.WorkspaceId workspace,
              java.util.Collection<ConversationId> ids) {
            return store.synced(account, workspace, ids);
          }

          @Override
          public Set<com.feedbacksync.domain.intercom.ContactId> profiled(
              AccountId account,
              com.feedbacksync.domain.intercom.WorkspaceId workspace,
              java.util.Collection<com.feedbacksync.domain.intercom.ContactId> contacts,
              Instant since) {
            return store.profiled(account, workspace, contacts, since);
          }

          @Override
          public Map<String, Long> storedFiles(
              AccountId account, WorkspaceId workspace, ConversationId conversation) {
            return store.storedFiles(account, workspace, conversation);
          }

          @Override
          public com.feedbacksync.application.model.Checkpoint checkpoint(
              AccountId account, com.feedbacksync.application.model.SyncStream stream) {
            return store.checkpoint(account, stream);
          }

          @Override
          public long maxFileBytes() {
            return store.maxFileBytes();
          }

          @Override
          public List<com.feedbacksync.application.model.SkippedItem> deadLetters(
              AccountId account, WorkspaceId workspace, int limit) {
            return store.deadLetters(account, workspace, limit);
          }

          @Override
          public void commit(AccountId account, com.feedbacksync.application.model.SyncBatch b) {
            store.commit(account, b);
            if (++commits == n) {
              action.run();
            }
          }

          @Override
          public void commit(
              AccountId account, com.feedbacksync.application.model.SyncBatch b, LeaseToken lease) {
            store.commit(account, b, lease);
            if (++commits == n) {
              action.run();
            }
          }

          @Override
          public void startWorkspace(AccountId account, WorkspaceId workspace) {
            store.startWorkspace(account, workspace);
          }

          @Override
          public void purge(AccountId account) {
            store.purge(account);
          }
        };
    return sync(new PlanLimits(1000), intercom, new Fetchers(FETCH_POOL, 4), acting);
  }

  @Test
  void a_disconnect_during_the_first_sync_cancels_it_and_nothing_is_written_after() {
    workspaceOf(40, 0);
    SyncService syncing = withAdminActionAfterCommit(1, () -> connections.remove(ACME));

    SyncOutcome outcome = syncing.run(ACME, SyncKind.FIRST, LEASE);

    assertInstanceOf(SyncOutcome.Cancelled.class, outcome);
    assertEquals(RunState.CANCELLED, outcome.state());
    assertEquals(1, store.data(ACME).commits, "no commit after the disconnect");
    assertTrue(stored().size() < 40, stored().toString());
    assertTrue(connections.find(ACME).isEmpty(), "the connection stays gone");
  }

  @Test
  void a_run_of_the_old_connection_never_overwrites_the_newer_one() {
    workspaceOf(40, 0);
    Connection newer =
        new Connection(
            ACME,
            WORKSPACE,
            new AccessToken("newer"),
            ConnectionState.CONNECTED,
            "bo",
            CONNECTED,
            new HistoryCoverage.NotYet(),
            Optional.empty(),
            42L);
    SyncService syncing = withAdminActionAfterCommit(1, () -> connections.save(newer));

    SyncOutcome outcome = syncing.run(ACME, SyncKind.FIRST, LEASE);

    assertInstanceOf(SyncOutcome.Cancelled.class, outcome);
    assertEquals(newer, connections.find(ACME).orElseThrow(), "token, coverage untouched");
  }

  @Test
  void a_good_run_clears_the_last_error() {
    workspaceOf(3, 0);
    connections.save(
        InMemoryConnections.connection(
                ACME, ConnectionState.CONNECTED, CONNECTED, new HistoryCoverage.Complete())
            .withState(ConnectionState.CONNECTED, Optional.of("Intercom did not answer.")));
    SyncOutcome outcome = sync.run(ACME, SyncKind.HOURLY, LEASE);

    assertInstanceOf(SyncOutcome.Completed.class, outcome);
    assertEquals(Optional.empty(), connections.find(ACME).orElseThrow().lastError());
  }

  @Test
  void a_first_sync_after_reconnecting_behind_a_finished_walk_records_coverage_so_hourly_runs() {
    workspaceOf(3, 0);
    sync.run(ACME, SyncKind.FIRST, LEASE);
    // Reconnected with coverage lost (as a disconnect and reconnect did before): "not yet".
    Connection connected = connections.find(ACME).orElseThrow();
    connections.save(connected.withCoverage(new HistoryCoverage.NotYet()));
    long calls = intercom.calls();

    assertInstanceOf(SyncOutcome.Completed.class, sync.run(ACME, SyncKind.FIRST, LEASE));

    assertEquals(calls, intercom.calls(), "the finished walk is not walked again");
    // Read from the checkpoint: the walk reached the end of history (3 of a 5,000 limit).
    assertInstanceOf(
        HistoryCoverage.Complete.class, connections.find(ACME).orElseThrow().coverage());
    assertInstanceOf(SyncOutcome.Completed.class, sync.run(ACME, SyncKind.HOURLY, LEASE));
  }
}
