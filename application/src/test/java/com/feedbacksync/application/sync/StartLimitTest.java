package com.feedbacksync.application.sync;

import static com.feedbacksync.domain.testing.ConversationBuilder.conversation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.fakes.FakeIntercom;
import com.feedbacksync.application.fakes.InMemoryAccounts;
import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.fakes.InMemorySyncStore;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.model.WebhookItem;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.intercom.Author;
import com.feedbacksync.domain.intercom.AuthorType;
import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationState;
import com.feedbacksync.domain.intercom.DeliveredAs;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Source;
import com.feedbacksync.domain.intercom.Statistics;
import com.feedbacksync.domain.intercom.Tag;
import com.feedbacksync.domain.intercom.TagId;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.PlanLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Start plan's limit through the engine (a limit of 5 here for 5,000): an old conversation
 * outside it that is merely touched (tagged, closed) stays out of the hourly sync; a customer's or
 * an agent's reply brings it in; the backfill after an upgrade fetches none of what the hourly sync
 * or a webhook stored. The expected ids are those the workspace is built with; the calls are
 * counted by the fake Intercom.
 */
class StartLimitTest {

  private static final Instant CONNECTED = Instant.parse("2026-11-01T00:00:00Z");
  private static final AccountId ACME = new AccountId("acme");
  private static final LeaseToken LEASE = new LeaseToken(ACME, "sync", "test", 1);
  private static final int RECENT = 5;
  private static final int OLD = 100;

  private Instant now = CONNECTED.plusSeconds(3600);
  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryConnections connections = new InMemoryConnections();
  private final InMemorySyncStore store = new InMemorySyncStore(connections);
  private final FakeIntercom intercom = new FakeIntercom(20);
  private final List<Conversation> old = new ArrayList<>();
  private SyncService sync;

  @BeforeEach
  void setUp() {
    accounts.with(new Account(ACME, "Acme Research", Plan.START));
    connections.save(
        EngineUnderTest.connected(
            ACME, new Workspace(new WorkspaceId("abc12345"), "Acme", Region.US), CONNECTED));
    sync =
        EngineUnderTest.over(accounts, connections, intercom, store, () -> now)
            .limits(new PlanLimits(RECENT))
            .build();
    // Conversation 1..5 are the newest (hours before connecting), 6..105 older: outside the limit.
    for (int i = 1; i <= RECENT + OLD; i++) {
      Conversation c = customerConversation(i, CONNECTED.minusSeconds(3600L * i));
      intercom.put(c);
      if (i > RECENT) {
        old.add(c);
      }
    }
    assertInstanceOf(SyncOutcome.Completed.class, sync.run(ACME, SyncKind.FIRST, LEASE));
    assertEquals(ids(1, RECENT), stored(), "the first sync takes the limit, newest first");
  }

  private static Conversation customerConversation(int n, Instant created) {
    return conversation()
        .id(String.valueOf(1000 + n))
        .createdAt(created)
        .updatedAt(created)
        .source(
            new Source(
                "conversation",
                DeliveredAs.CUSTOMER_INITIATED,
                "",
                "<p>Feedback " + n + "</p>",
                Author.of(AuthorType.USER, "c-" + n, "Casey", "casey@example.com"),
                List.of(),
                false))
        .statistics(new Statistics(Optional.of(created), Optional.of(created), Optional.empty()))
        .contact("c-" + n)
        .build();
  }

  /** The conversation as Intercom has it after a change at {@code at}. */
  private static Conversation touched(
      Conversation c,
      Instant at,
      ConversationState state,
      List<Tag> tags,
      Optional<Instant> customerReply,
      Optional<Instant> agentReply) {
    var b =
        conversation()
            .id(c.id().value())
            .createdAt(c.createdAt())
            .updatedAt(at)
            .state(state)
            .source(c.source())
            .statistics(
                new Statistics(
                    c.statistics().firstContactReplyAt(),
                    customerReply.or(() -> c.statistics().lastContactReplyAt()),
                    agentReply.or(() -> c.statistics().lastAdminReplyAt())))
            .contact("c-" + (Integer.parseInt(c.id().value()) - 1000));
    tags.forEach(b::tag);
    return b.build();
  }

  private static Set<String> ids(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(i -> String.valueOf(1000 + i))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private Set<String> stored() {
    return store.data(ACME).documents.keySet().stream()
        .map(ConversationId::value)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Tags half of the 100 old conversations and closes the other half, within the hour. */
  private void touchAllOld() {
    Tag tag = new Tag(new TagId("77"), "Churn", Optional.empty(), Optional.empty());
    for (int i = 0; i < old.size(); i++) {
      Instant at = now.minusSeconds(1800 - i);
      intercom.put(
          i % 2 == 0
              ? touched(
                  old.get(i),
                  at,
                  ConversationState.OPEN,
                  List.of(tag),
                  Optional.empty(),
                  Optional.empty())
              : touched(
                  old.get(i),
                  at,
                  ConversationState.CLOSED,
                  List.of(),
                  Optional.empty(),
                  Optional.empty()));
    }
  }

  @Test
  void the_limit_holds_when_an_hourly_run_touches_100_old_conversations() {
    now = now.plusSeconds(3600);
    touchAllOld();
    long fetchesBefore = intercom.conversationFetches();

    SyncOutcome hourly = sync.run(ACME, SyncKind.HOURLY, LEASE);

    assertInstanceOf(SyncOutcome.Completed.class, hourly);
    assertEquals(ids(1, RECENT), stored(), "tags and statuses bring no old conversation in");
    assertEquals(0, intercom.conversationFetches() - fetchesBefore, "none of them was fetched");
  }

  @Test
  void a_customer_or_an_agent_reply_brings_an_old_conversation_in() {
    now = now.plusSeconds(3600);
    touchAllOld();
    Conversation customerReplied = old.get(10); // 1016
    Conversation agentReplied = old.get(41); // 1047
    intercom.put(
        touched(
            customerReplied,
            now.minusSeconds(60),
            ConversationState.OPEN,
            List.of(),
            Optional.of(now.minusSeconds(60)),
            Optional.empty()));
    intercom.put(
        touched(
            agentReplied,
            now.minusSeconds(50),
            ConversationState.OPEN,
            List.of(),
            Optional.empty(),
            Optional.of(now.minusSeconds(50))));

    sync.run(ACME, SyncKind.HOURLY, LEASE);

    Set<String> expected = new TreeSet<>(ids(1, RECENT));
    expected.addAll(Set.of("1016", "1047"));
    assertEquals(expected, stored());
  }

  @Test
  void webhooks_bring_an_old_conversation_in_only_with_a_reply() {
    now = now.plusSeconds(3600);
    touchAllOld(); // tagged or closed: what a webhook for a tag or a status change reports
    Conversation replied = old.get(30); // 1036
    intercom.put(
        touched(
            replied,
            now.minusSeconds(20),
            ConversationState.OPEN,
            List.of(),
            Optional.of(now.minusSeconds(20)),
            Optional.empty()));

    SyncOutcome webhooks =
        sync.resync(
            ACME,
            old.subList(0, 40).stream()
                .<WebhookItem>map(c -> new WebhookItem.Conversation(c.id()))
                .toList(),
            LEASE);

    assertInstanceOf(SyncOutcome.Completed.class, webhooks);
    Set<String> expected = new TreeSet<>(ids(1, RECENT));
    expected.add("1036");
    assertEquals(expected, stored(), "only the old conversation with a new reply came in");
  }

  @Test
  void the_backfill_after_an_upgrade_fetches_nothing_already_stored() {
    now = now.plusSeconds(3600);
    Conversation replied = old.get(20); // 1026, brought in by a reply
    intercom.put(
        touched(
            replied,
            now.minusSeconds(60),
            ConversationState.OPEN,
            List.of(),
            Optional.of(now.minusSeconds(60)),
            Optional.empty()));
    sync.run(ACME, SyncKind.HOURLY, LEASE);
    // A webhook for a customer's reply stores another old one (1071).
    intercom.put(
        touched(
            old.get(65),
            now.minusSeconds(30),
            ConversationState.OPEN,
            List.of(),
            Optional.of(now.minusSeconds(30)),
            Optional.empty()));
    sync.resync(ACME, List.of(new WebhookItem.Conversation(old.get(65).id())), LEASE);
    Set<String> storedBefore = stored();
    assertTrue(storedBefore.containsAll(Set.of("1026", "1071")), storedBefore.toString());
    int fetchesBefore = intercom.fetchedConversations().size();

    accounts.with(new Account(ACME, "Acme Research", Plan.PAID));
    SyncOutcome backfill = sync.run(ACME, SyncKind.BACKFILL, LEASE);

    assertInstanceOf(SyncOutcome.Completed.class, backfill);
    assertEquals(ids(1, RECENT + OLD), stored(), "all history in the end");
    List<ConversationId> fetched =
        intercom
            .fetchedConversations()
            .subList(fetchesBefore, intercom.fetchedConversations().size());
    Set<String> fetchedIds =
        fetched.stream().map(ConversationId::value).collect(Collectors.toSet());
    assertEquals(fetched.size(), fetchedIds.size(), "none fetched twice");
    Set<String> expected = new HashSet<>(ids(RECENT + 1, RECENT + OLD));
    expected.removeAll(storedBefore);
    assertEquals(expected, fetchedIds, "exactly the old ones nothing had stored");
    assertEquals(OLD - 2, fetched.size());
  }
}
