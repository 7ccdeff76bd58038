package com.feedbacksync.application.sync;

import static com.feedbacksync.domain.testing.ConversationBuilder.admin;
import static com.feedbacksync.domain.testing.ConversationBuilder.conversation;
import static com.feedbacksync.domain.testing.ConversationBuilder.outboundSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.fakes.FakeIntercom;
import com.feedbacksync.application.fakes.InMemoryAccounts;
import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.fakes.InMemorySyncStore;
import com.feedbacksync.application.model.ItemKind;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.model.SkipReason;
import com.feedbacksync.application.model.SkippedItem;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.model.WebhookItem;
import com.feedbacksync.application.port.out.IntercomFailure;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.intercom.Author;
import com.feedbacksync.domain.intercom.AuthorType;
import com.feedbacksync.domain.intercom.Contact;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ContactRole;
import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.DeliveredAs;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Source;
import com.feedbacksync.domain.intercom.Statistics;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.HistoryCoverage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One bad item never blocks its account. An unreadable conversation or contact is set aside as a
 * dead letter, counted, listed, and cured by a later hourly run once Intercom answers again; a file
 * larger than the store accepts is recorded too large on its document.
 */
class BadItemsTest {

  private static final Instant CONNECTED = Instant.parse("2026-11-01T00:00:00Z");
  private static final AccountId ACME = new AccountId("acme");
  private static final Workspace WORKSPACE =
      new Workspace(new WorkspaceId("abc12345"), "Acme", Region.US);
  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "dead-letters-fetcher");
            t.setDaemon(true);
            return t;
          });

  private Instant now = CONNECTED.plusSeconds(3600);
  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryConnections connections = new InMemoryConnections();
  private final InMemorySyncStore store = new InMemorySyncStore(connections).clock(() -> now);
  private final FakeIntercom intercom = new FakeIntercom(7);
  private SyncService sync;

  @BeforeEach
  void setUp() {
    accounts.with(new Account(ACME, "Acme Research", Plan.PAID));
    connections.save(EngineUnderTest.connected(ACME, WORKSPACE, CONNECTED));
    sync =
        EngineUnderTest.over(accounts, connections, intercom, store, () -> now)
            .fetchers(new Fetchers(POOL, 4))
            .deadLetters(new DeadLetterBackoff(Duration.ofMinutes(30), Duration.ofHours(24)))
            .build();
  }

  /** Conversations 101.. by customers c-101.., newest first by number. */
  private void workspaceOf(int customers) {
    for (int i = 1; i <= customers; i++) {
      String id = String.valueOf(100 + i);
      intercom.put(customer(id, CONNECTED.minusSeconds(i * 3600L)));
      intercom.put(contact("c-" + id));
    }
  }

  private static Contact contact(String id) {
    return new Contact(
        new ContactId(id),
        ContactRole.USER,
        Optional.of("Casey " + id),
        Optional.empty(),
        CONNECTED.minusSeconds(86_400 * 30),
        Map.of(),
        Map.of(),
        List.of());
  }

  private static Conversation customer(String id, Instant created) {
    return customer(id, created, List.of());
  }

  private static Conversation customer(
      String id, Instant created, List<com.feedbacksync.domain.intercom.Attachment> files) {
    return customer(id, created, files, created.plusSeconds(60));
  }

  private static Conversation customer(
      String id,
      Instant created,
      List<com.feedbacksync.domain.intercom.Attachment> files,
      Instant updated) {
    return conversation()
        .id(id)
        .createdAt(created)
        .updatedAt(updated)
        .source(
            new Source(
                "conversation",
                DeliveredAs.CUSTOMER_INITIATED,
                "",
                "<p>Feedback " + id + "</p>",
                Author.of(AuthorType.USER, "c-" + id, "Casey", "casey@example.com"),
                files,
                false))
        .firstContactReplyAt(created)
        .statistics(new Statistics(Optional.of(created), Optional.of(created), Optional.empty()))
        .contact("c-" + id)
        .build();
  }

  private Set<String> stored() {
    return store.data(ACME).documents.keySet().stream()
        .map(ConversationId::value)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private Set<String> expected(int customers, String... without) {
    Set<String> ids =
        IntStream.rangeClosed(1, customers)
            .mapToObj(i -> String.valueOf(100 + i))
            .collect(Collectors.toCollection(TreeSet::new));
    ids.removeAll(Set.of(without));
    return ids;
  }

  private List<SkippedItem> skipped() {
    return store.skipped(ACME, Optional.empty(), 100).items();
  }

  private SkippedItem only(SkipReason reason) {
    List<SkippedItem> of = skipped().stream().filter(i -> i.reason() == reason).toList();
    assertEquals(1, of.size(), "one item set aside as " + reason + ": " + of);
    return of.get(0);
  }

  @Test
  void a_conversation_unreadable_forever_is_set_aside_and_the_first_sync_completes() {
    workspaceOf(40);
    intercom.poison("117", new IntercomFailure.Unreadable("part id longer than 128", null));

    SyncOutcome first = sync.run(ACME, SyncKind.FIRST, new LeaseToken(ACME, "sync", "test", 1));

    assertInstanceOf(SyncOutcome.Completed.class, first);
    assertEquals(expected(40, "117"), stored(), "every other conversation is there");
    assertEquals(1, first.counts().unreadable());
    assertEquals(39, first.counts().kept());
    SkippedItem letter = only(SkipReason.UNREADABLE);
    assertEquals(ItemKind.CONVERSATION, letter.kind());
    assertEquals("117", letter.intercomId());
    assertEquals(1, letter.attempts());
    assertTrue(letter.detail().contains("part id longer than 128"), letter.detail());
    assertInstanceOf(
        HistoryCoverage.Complete.class,
        connections.find(ACME).orElseThrow().coverage(),
        "the walk moved past it to the end of history");
    assertTrue(
        store.checkpoint(ACME, com.feedbacksync.application.model.SyncStream.HISTORY).done());

    // Still broken an hour later: the hourly run tries it again, counts an attempt more.
    now = now.plus(Duration.ofHours(1));
    SyncOutcome stillBroken =
        sync.run(ACME, SyncKind.HOURLY, new LeaseToken(ACME, "sync", "test", 1));
    assertInstanceOf(SyncOutcome.Completed.class, stillBroken);
    assertEquals(1, stillBroken.counts().unreadable());
    assertEquals(2, only(SkipReason.UNREADABLE).attempts());
    assertEquals(letter.firstSeen(), only(SkipReason.UNREADABLE).firstSeen());

    // Fixed, but its backoff (an hour after the second failure) has not passed: not tried.
    intercom.heal("117");
    now = now.plus(Duration.ofMinutes(30));
    long fetches = intercom.conversationFetches();
    sync.run(ACME, SyncKind.HOURLY, new LeaseToken(ACME, "sync", "test", 1));
    assertEquals(fetches, intercom.conversationFetches(), "not due yet: no retrieve");
    assertEquals(expected(40, "117"), stored());

    now = now.plus(Duration.ofMinutes(31));
    SyncOutcome cured = sync.run(ACME, SyncKind.HOURLY, new LeaseToken(ACME, "sync", "test", 1));
    assertInstanceOf(SyncOutcome.Completed.class, cured);
    assertEquals(expected(40), stored(), "cured: the document is there");
    assertEquals(List.of(), skipped(), "and its dead letter is gone");
    assertEquals(0, cured.counts().unreadable());
  }

  /** A first sync of 10; an hour on, conversations 150 and 151 are new in the hourly window. */
  private void firstSyncThenTwoNewConversations() {
    workspaceOf(10);
    sync.run(ACME, SyncKind.FIRST, new LeaseToken(ACME, "sync", "test", 1));
    now = now.plus(Duration.ofHours(1));
    Instant t = now.minusSeconds(600);
    intercom.put(customer("150", t));
    intercom.put(contact("c-150"));
    intercom.put(customer("151", t.plusSeconds(1)));
    intercom.put(contact("c-151"));
  }

  @Test
  void an_unreadable_conversation_of_the_hourly_sync_does_not_hold_its_window() {
    firstSyncThenTwoNewConversations();
    intercom.poison("150", new IntercomFailure.Unavailable("conversation 150 answered 503", null));

    SyncOutcome hourly = sync.run(ACME, SyncKind.HOURLY, new LeaseToken(ACME, "sync", "test", 1));

    assertInstanceOf(SyncOutcome.Completed.class, hourly);
    assertTrue(stored().contains("151"), "the one after it was stored");
    assertEquals("150", only(SkipReason.UNREADABLE).intercomId());
    assertTrue(
        store
            .checkpoint(ACME, com.feedbacksync.application.model.SyncStream.CONVERSATIONS)
            .cursor()
            .isEmpty(),
        "the window closed past it");

    intercom.heal("150");
    now = now.plus(Duration.ofHours(1));
    sync.run(ACME, SyncKind.HOURLY, new LeaseToken(ACME, "sync", "test", 1));
    assertTrue(stored().contains("150"), "cured by the next hourly run");
    assertEquals(List.of(), skipped());
  }

  @Test
  void one_unreadable_item_of_a_webhook_batch_is_set_aside_and_the_others_re_synced() {
    workspaceOf(6);
    sync.run(ACME, SyncKind.FIRST, new LeaseToken(ACME, "sync", "test", 1));
    Instant later = now.plusSeconds(60);
    intercom.put(customer("105", CONNECTED.minusSeconds(5 * 3600L), List.of(), later));
    intercom.poison("103", new IntercomFailure.Unreadable("part id longer than 128", null));
    intercom.poison("c-104", new IntercomFailure.Rejected("contact c-104 answered 400"));

    SyncOutcome webhooks =
        sync.resync(
            ACME,
            List.of(
                new WebhookItem.Conversation(new ConversationId("103")),
                new WebhookItem.Customer(new ContactId("c-104")),
                new WebhookItem.Conversation(new ConversationId("105"))),
            new LeaseToken(ACME, "sync", "test", 1));

    assertInstanceOf(SyncOutcome.Completed.class, webhooks, "one bad item does not fail the run");
    assertEquals(
        later,
        store.data(ACME).documents.get(new ConversationId("105")).document().updatedAt(),
        "the item after the bad ones is re-synced");
    assertEquals(
        Set.of("CONVERSATION 103", "CONTACT c-104"),
        skipped().stream()
            .filter(i -> i.reason() == SkipReason.UNREADABLE)
            .map(i -> i.kind() + " " + i.intercomId())
            .collect(Collectors.toSet()),
        "both are dead letters the hourly run tries again");
    assertEquals(expected(6), stored(), "the unreadable conversation's stored copy is kept");
  }

  @Test
  void an_unreadable_contact_keeps_its_document_and_is_cured_later() {
    workspaceOf(12);
    intercom.poison("c-105", new IntercomFailure.Rejected("contact c-105 answered 400"));

    SyncOutcome first = sync.run(ACME, SyncKind.FIRST, new LeaseToken(ACME, "sync", "test", 1));

    assertInstanceOf(SyncOutcome.Completed.class, first);
    assertEquals(expected(12), stored(), "its conversation is kept all the same");
    SkippedItem letter = only(SkipReason.UNREADABLE);
    assertEquals(ItemKind.CONTACT, letter.kind());
    assertEquals("c-105", letter.intercomId());
    assertTrue(!store.data(ACME).profiles.containsKey(new ContactId("c-105")));

    intercom.heal("c-105");
    now = now.plus(Duration.ofHours(1));
    sync.run(ACME, SyncKind.HOURLY, new LeaseToken(ACME, "sync", "test", 1));
    assertTrue(store.data(ACME).profiles.containsKey(new ContactId("c-105")), "cured");
    assertEquals(List.of(), skipped());
  }

  @Test
  void a_contact_of_the_daily_sync_whose_segments_fail_is_set_aside_and_the_others_stored() {
    workspaceOf(6);
    sync.run(ACME, SyncKind.FIRST, new LeaseToken(ACME, "sync", "test", 1));
    intercom.poison("c-103", new IntercomFailure.Unavailable("segments answered 500", null));
    store.data(ACME).profiles.clear();

    SyncOutcome daily = sync.run(ACME, SyncKind.CUSTOMERS, new LeaseToken(ACME, "sync", "test", 1));

    assertInstanceOf(SyncOutcome.Completed.class, daily);
    assertEquals(5, store.data(ACME).profiles.size());
    assertEquals("c-103", only(SkipReason.UNREADABLE).intercomId());
  }

  @Test
  void a_conversation_listed_corrupt_is_set_aside_and_fetched_on_its_own_later() {
    workspaceOf(40);
    intercom.listCorrupt("117");

    SyncOutcome first = sync.run(ACME, SyncKind.FIRST, new LeaseToken(ACME, "sync", "test", 1));

    assertInstanceOf(SyncOutcome.Completed.class, first, "the page is not failed for one item");
    assertEquals(expected(40, "117"), stored());
    assertEquals(1, first.counts().unreadable());
    SkippedItem letter = only(SkipReason.UNREADABLE);
    assertEquals(ItemKind.CONVERSATION, letter.kind());
    assertEquals("117", letter.intercomId());
    assertTrue(
        store.checkpoint(ACME, com.feedbacksync.application.model.SyncStream.HISTORY).done());

    // Its listing stays corrupt; its own retrieve is sound: the dead letter's retry stores it.
    now = now.plus(Duration.ofHours(1));
    SyncOutcome hourly = sync.run(ACME, SyncKind.HOURLY, new LeaseToken(ACME, "sync", "test", 1));
    assertInstanceOf(SyncOutcome.Completed.class, hourly);
    assertEquals(expected(40), stored());
    assertEquals(List.of(), skipped());
  }

  @Test
  void a_conversation_listed_corrupt_in_the_hourly_window_does_not_hold_it() {
    firstSyncThenTwoNewConversations();
    intercom.listCorrupt("150");

    SyncOutcome hourly = sync.run(ACME, SyncKind.HOURLY, new LeaseToken(ACME, "sync", "test", 1));

    assertInstanceOf(SyncOutcome.Completed.class, hourly);
    assertTrue(stored().contains("151"));
    assertEquals("150", only(SkipReason.UNREADABLE).intercomId());
    assertEquals(1, hourly.counts().unreadable());
    now = now.plus(Duration.ofHours(1));
    sync.run(ACME, SyncKind.HOURLY, new LeaseToken(ACME, "sync", "test", 1));
    assertTrue(stored().contains("150"), "fetched on its own by the next hourly run");
  }

  @Test
  void a_contact_listed_corrupt_in_the_daily_sync_is_set_aside_and_the_others_stored() {
    workspaceOf(6);
    sync.run(ACME, SyncKind.FIRST, new LeaseToken(ACME, "sync", "test", 1));
    intercom.listCorrupt("c-103");
    store.data(ACME).profiles.clear();

    SyncOutcome daily = sync.run(ACME, SyncKind.CUSTOMERS, new LeaseToken(ACME, "sync", "test", 1));

    assertInstanceOf(SyncOutcome.Completed.class, daily);
    assertEquals(5, store.data(ACME).profiles.size());
    SkippedItem letter = only(SkipReason.UNREADABLE);
    assertEquals(ItemKind.CONTACT, letter.kind());
    assertEquals("c-103", letter.intercomId());
  }

  @Test
  void a_conversation_the_reply_rule_leaves_out_is_listed_with_its_reason() {
    workspaceOf(5);
    Instant created = CONNECTED.minusSeconds(1800);
    // Listed (Intercom saw a contact reply time) but no customer wrote a word in it.
    intercom.put(
        conversation()
            .id("960")
            .createdAt(created)
            .updatedAt(created)
            .source(outboundSource(DeliveredAs.ADMIN_INITIATED, admin("1"), "<p>News</p>"))
            .firstContactReplyAt(created)
            .build());

    SyncOutcome first = sync.run(ACME, SyncKind.FIRST, new LeaseToken(ACME, "sync", "test", 1));

    assertEquals(1, first.counts().skippedWithoutReply());
    SkippedItem skipped = only(SkipReason.NO_CUSTOMER_REPLY);
    assertEquals("960", skipped.intercomId());
    assertEquals(0, first.counts().unreadable());
  }

  @Test
  void when_every_retrieve_fails_the_run_fails_rather_than_setting_everything_aside() {
    workspaceOf(40);
    IntStream.rangeClosed(101, 140)
        .forEach(
            i ->
                intercom.poison(
                    String.valueOf(i), new IntercomFailure.Unavailable("answered 503", null)));

    SyncOutcome first = sync.run(ACME, SyncKind.FIRST, new LeaseToken(ACME, "sync", "test", 1));

    assertInstanceOf(SyncOutcome.Failed.class, first);
    assertTrue(
        skipped().size() < ItemReads.MAX_UNAVAILABLE_IN_A_ROW,
        "at most the parts before the stop are set aside: " + skipped().size());
  }

  @Test
  void many_corrupt_answers_in_a_row_are_each_set_aside_and_the_run_completes() {
    workspaceOf(40);
    IntStream.rangeClosed(111, 125)
        .forEach(
            i ->
                intercom.poison(
                    String.valueOf(i), new IntercomFailure.Unreadable("id too long", null)));

    SyncOutcome first = sync.run(ACME, SyncKind.FIRST, new LeaseToken(ACME, "sync", "test", 1));

    assertInstanceOf(SyncOutcome.Completed.class, first);
    assertEquals(15, first.counts().unreadable());
    assertEquals(25, stored().size());
  }

  @Test
  void a_revoked_token_while_reading_one_item_still_stops_the_account() {
    workspaceOf(10);
    intercom.poison("104", new IntercomFailure.AuthorizationRevoked());

    assertInstanceOf(
        SyncOutcome.NeedsReauth.class,
        sync.run(ACME, SyncKind.FIRST, new LeaseToken(ACME, "sync", "test", 1)));
    assertEquals(List.of(), skipped());
  }

  private static com.feedbacksync.domain.intercom.Attachment pdf(
      String name, java.util.OptionalLong declared) {
    return new com.feedbacksync.domain.intercom.Attachment(
        name, "https://downloads.intercomcdn.com/i/o/" + name, "application/pdf", declared);
  }

  private List<com.feedbacksync.domain.intercom.Attachment> attachments(String conversation) {
    return store
        .data(ACME)
        .documents
        .get(new ConversationId(conversation))
        .document()
        .messages()
        .get(0)
        .attachments();
  }

  @Test
  void a_file_over_the_stores_limit_is_recorded_too_large_and_never_fails_the_run() {
    store.maxFileBytes(30L << 20);
    workspaceOf(3);
    var declared = pdf("huge.pdf", java.util.OptionalLong.of(40L << 20));
    var undeclared = pdf("quiet.pdf", java.util.OptionalLong.empty());
    var fits = pdf("fits.pdf", java.util.OptionalLong.of(20L << 20));
    intercom.fileOfSize(undeclared.url(), 31 << 20);
    intercom.fileOfSize(fits.url(), 20 << 20);
    intercom.put(customer("150", CONNECTED.minusSeconds(60), List.of(declared, undeclared, fits)));

    SyncOutcome first = sync.run(ACME, SyncKind.FIRST, new LeaseToken(ACME, "sync", "test", 1));

    assertInstanceOf(SyncOutcome.Completed.class, first);
    assertEquals(Set.of("101", "102", "103", "150"), stored());
    var files = attachments("150");
    assertTrue(files.get(0).tooLarge(), "declared 40 MB: too large, not downloaded");
    assertEquals(declared.url(), files.get(0).url(), "Intercom's link, name and size kept");
    assertEquals(java.util.OptionalLong.of(40L << 20), files.get(0).sizeBytes());
    assertTrue(files.get(1).tooLarge(), "31 MB found while downloading: too large");
    assertTrue(!files.get(2).tooLarge());
    assertTrue(files.get(2).url().startsWith("/files/150/"), "the 20 MB one is our copy");
    assertEquals(1, store.data(ACME).files.size());
    assertEquals(20 << 20, store.data(ACME).files.values().iterator().next().content().size());
    assertEquals(0, intercom.undiscardedDownloads(), "every download let go of once committed");
  }

  @Test
  void a_documents_files_beyond_its_budget_are_recorded_too_large() {
    // Anyone can attach files to a conversation: twelve of 25 MB, the most one file may be here.
    // Ten of them (250 MB) fit the document's 256 MB; the eleventh and twelfth do not, whether
    // Intercom declares their size (not downloaded) or not (cut off while downloading).
    workspaceOf(1);
    List<com.feedbacksync.domain.intercom.Attachment> twelve = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      var file =
          pdf(
              "part" + i + ".pdf",
              i % 2 == 0 ? java.util.OptionalLong.of(25L << 20) : java.util.OptionalLong.empty());
      intercom.fileOfSize(file.url(), 25 << 20);
      twelve.add(file);
    }
    intercom.put(customer("150", CONNECTED.minusSeconds(60), twelve));

    SyncOutcome first = sync.run(ACME, SyncKind.FIRST, new LeaseToken(ACME, "sync", "test", 1));

    assertInstanceOf(SyncOutcome.Completed.class, first);
    var files = attachments("150");
    assertEquals(12, files.size(), "every attachment stays on the document");
    for (int i = 0; i < 12; i++) {
      assertEquals(i >= 10, files.get(i).tooLarge(), "file " + i);
    }
    assertEquals(10, store.data(ACME).files.size());
    assertEquals(twelve.get(11).url(), files.get(11).url(), "Intercom's link kept");
    assertEquals(0, intercom.undiscardedDownloads(), "every download let go of");
  }

  @Test
  void a_history_part_is_committed_once_its_files_reach_the_byte_budget() {
    workspaceOf(6);
    for (int i = 1; i <= 6; i++) {
      String id = String.valueOf(100 + i);
      var file = pdf("f" + id + ".pdf", java.util.OptionalLong.of(24L << 20));
      intercom.fileOfSize(file.url(), 24 << 20);
      intercom.put(customer(id, CONNECTED.minusSeconds(i * 3600L), List.of(file)));
    }

    sync.run(ACME, SyncKind.FIRST, new LeaseToken(ACME, "sync", "test", 1));

    assertEquals(expected(6), stored());
    // Six rows fit one part of eight (one commit at the page's end); 24 MB files close a part
    // at three (72 MB >= 64 MB): two commits.
    assertEquals(
        2,
        store.data(ACME).commits,
        "committed " + store.data(ACME).commits + " times for 144 MB of files");
  }
}
