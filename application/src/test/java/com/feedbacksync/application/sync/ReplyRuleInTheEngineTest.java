package com.feedbacksync.application.sync;

import static com.feedbacksync.domain.testing.ConversationBuilder.admin;
import static com.feedbacksync.domain.testing.ConversationBuilder.conversation;
import static com.feedbacksync.domain.testing.ConversationBuilder.file;
import static com.feedbacksync.domain.testing.ConversationBuilder.outboundSource;
import static com.feedbacksync.domain.testing.ConversationBuilder.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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
import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.DeliveredAs;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Statistics;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.testing.ConversationBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reply rule end to end through the engine, on conversations whose statistics disagree with
 * their parts. The expected sets are written from how each conversation is built here (its parts),
 * never from the rule: deleting the engine's reply check keeps the unanswered ones and fails this.
 */
class ReplyRuleInTheEngineTest {

  private static final Instant CONNECTED = Instant.parse("2026-11-01T00:00:00Z");
  private static final AccountId ACME = new AccountId("acme");
  private static final Workspace WORKSPACE =
      new Workspace(new WorkspaceId("abc12345"), "Acme", Region.US);
  private static final Statistics CLAIMS_A_REPLY =
      new Statistics(
          Optional.of(CONNECTED.minusSeconds(3600)),
          Optional.of(CONNECTED.minusSeconds(3600)),
          Optional.empty());

  private Instant now = CONNECTED.plusSeconds(3600);
  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryConnections connections = new InMemoryConnections();
  private final InMemorySyncStore store = new InMemorySyncStore(connections);
  private final FakeIntercom intercom = new FakeIntercom(2);
  private SyncService sync;

  @BeforeEach
  void setUp() {
    accounts.with(new Account(ACME, "Acme Research", Plan.PAID));
    connections.save(EngineUnderTest.connected(ACME, WORKSPACE, CONNECTED));
    sync = EngineUnderTest.over(accounts, connections, intercom, store, () -> now).build();
  }

  /** An outbound message created {@code hours} before connecting, with what the test adds. */
  private static ConversationBuilder outbound(String id, long hours) {
    Instant created = CONNECTED.minusSeconds(hours * 3600);
    return conversation()
        .id(id)
        .createdAt(created)
        .updatedAt(created)
        .source(outboundSource(DeliveredAs.ADMIN_INITIATED, admin("1"), "<p>News</p>"));
  }

  private void putTheDisputedOnes() {
    // Statistics claim a customer reply; the parts (all returned) show none.
    intercom.put(
        outbound("901", 1)
            .part("comment", admin("1"), "<p>Any thoughts?</p>")
            .firstContactReplyAt(CONNECTED.minusSeconds(3600))
            .statistics(CLAIMS_A_REPLY)
            .build());
    // A customer comment without words or files; Intercom counted it as a reply.
    intercom.put(
        outbound("902", 2)
            .part("comment", user("c1"), "<p>&nbsp;</p>")
            .statistics(CLAIMS_A_REPLY)
            .build());
    // The reverse: a customer's attachment-only reply, which no "first text part" statistic shows.
    intercom.put(
        outbound("903", 3)
            .part("comment", user("c1"), "", List.of(file("photo.png")), List.of(), false)
            .build());
    // A user's reply that reopened the conversation, as an 'open' part.
    intercom.put(outbound("904", 4).part("open", user("c1"), "<p>Still broken</p>").build());
    // A customer reply that was redacted later: still the customer's.
    intercom.put(
        outbound("905", 5).part("comment", user("c1"), "", List.of(), List.of(), true).build());
    // Nobody answered; no statistics either.
    intercom.put(outbound("906", 6).build());
  }

  @Test
  void the_first_sync_keeps_what_the_parts_show_whatever_the_statistics_say() {
    putTheDisputedOnes();

    SyncOutcome outcome = sync.run(ACME, SyncKind.FIRST, new LeaseToken(ACME, "sync", "test", 1));

    assertInstanceOf(SyncOutcome.Completed.class, outcome);
    assertEquals(Set.of("903", "904", "905"), stored());
    assertEquals(3, outcome.counts().kept());
    assertEquals(3, outcome.counts().skippedWithoutReply());
  }

  @Test
  void the_hourly_sync_judges_new_conversations_on_their_parts_too() {
    sync.run(ACME, SyncKind.FIRST, new LeaseToken(ACME, "sync", "test", 1));
    now = now.plusSeconds(3600);
    Instant t = now.minusSeconds(600);
    intercom.put(outbound("911", 0).updatedAt(t).statistics(CLAIMS_A_REPLY).build());
    intercom.put(
        outbound("912", 0)
            .updatedAt(t)
            .part("quick_reply", user("c1"), "<p>Yes, call me</p>")
            .build());

    SyncOutcome outcome = sync.run(ACME, SyncKind.HOURLY, new LeaseToken(ACME, "sync", "test", 1));

    assertEquals(Set.of("912"), stored());
    assertEquals(1, outcome.counts().kept());
    assertEquals(1, outcome.counts().skippedWithoutReply());
  }

  @Test
  void a_webhook_for_an_unanswered_outbound_conversation_stores_nothing() {
    sync.run(ACME, SyncKind.FIRST, new LeaseToken(ACME, "sync", "test", 1));
    Conversation unanswered =
        outbound("921", 0)
            .part("comment", admin("1"), "<p>Hello?</p>")
            .statistics(CLAIMS_A_REPLY)
            .build();
    intercom.put(unanswered);
    int commits = store.data(ACME).commits;

    SyncOutcome outcome =
        sync.resync(
            ACME,
            List.of(new WebhookItem.Conversation(unanswered.id())),
            new LeaseToken(ACME, "sync", "test", 1));

    assertEquals(Set.of(), stored());
    assertEquals(1, outcome.counts().skippedWithoutReply());
    assertEquals(0, outcome.counts().kept() + outcome.counts().resynced());
    assertEquals(
        Set.of(),
        store.data(ACME).profiles.keySet(),
        "no profile of a customer who never wrote, commits " + commits);
    assertEquals(Set.of(), store.data(ACME).tombstones.keySet());
    assertEquals(List.of(), List.copyOf(store.data(ACME).files.keySet()));
    assertEquals(
        Optional.empty(),
        Optional.ofNullable(store.data(ACME).documents.get(new ConversationId("921"))));
  }

  private Set<String> stored() {
    return store.data(ACME).documents.keySet().stream()
        .map(ConversationId::value)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
