package com.feedbacksync.application.sync;

import static com.feedbacksync.domain.testing.ConversationBuilder.admin;
import static com.feedbacksync.domain.testing.ConversationBuilder.conversation;
import static com.feedbacksync.domain.testing.ConversationBuilder.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.feedbacksync.application.fakes.FakeIntercom;
import com.feedbacksync.application.fakes.InMemoryAccounts;
import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.fakes.InMemorySyncRuns;
import com.feedbacksync.application.fakes.InMemorySyncStore;
import com.feedbacksync.application.model.DocumentQuery;
import com.feedbacksync.application.model.DocumentSummary;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.document.FeedbackDocument;
import com.feedbacksync.domain.document.PartsCount;
import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Statistics;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.testing.ConversationBuilder;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Completeness through the engine: a conversation of 800 parts of which Intercom returns the 500
 * most recent is stored with both counts, flagged in the document list, and counted in each run
 * that stores it; Intercom's own attributes reach the stored document. The expected counts are
 * those the conversations are built with here.
 */
class CompletenessInTheEngineTest {

  private static final Instant CONNECTED = Instant.parse("2026-11-01T00:00:00Z");
  private static final AccountId ACME = new AccountId("acme");
  private static final LeaseToken LEASE = new LeaseToken(ACME, "sync", "test", 1);

  private Instant now = CONNECTED.plusSeconds(3600);
  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryConnections connections = new InMemoryConnections();
  private final InMemorySyncStore store = new InMemorySyncStore(connections);
  private final InMemorySyncRuns runs = new InMemorySyncRuns();
  private final FakeIntercom intercom = new FakeIntercom(2);
  private SyncService sync;

  @BeforeEach
  void setUp() {
    accounts.with(new Account(ACME, "Acme Research", Plan.PAID));
    connections.save(
        EngineUnderTest.connected(
            ACME, new Workspace(new WorkspaceId("abc12345"), "Acme", Region.US), CONNECTED));
    sync =
        EngineUnderTest.over(accounts, connections, intercom, store, () -> now).runs(runs).build();
  }

  /** A customer conversation with {@code returned} parts of the {@code total} Intercom reports. */
  private static ConversationBuilder thread(String id, long hours, int returned, int total) {
    Instant created = CONNECTED.minusSeconds(hours * 3600);
    ConversationBuilder b = conversation().id(id).createdAt(created).updatedAt(created);
    for (int i = 0; i < returned; i++) {
      b.part("comment", i % 2 == 0 ? user("c1") : admin("7"), "<p>message " + i + "</p>");
    }
    return b.partsTotalCount(total);
  }

  private Map<String, Boolean> listed() {
    return store.documents(ACME, DocumentQuery.firstPage(100)).items().stream()
        .collect(Collectors.toMap(s -> s.id().value(), DocumentSummary::truncatedByIntercom));
  }

  private FeedbackDocument stored(String id) {
    return store.data(ACME).documents.get(new ConversationId(id)).document();
  }

  @Test
  void a_conversation_intercom_cut_to_500_of_800_parts_is_flagged_listed_and_counted() {
    intercom.put(
        thread("801", 1, 500, 800)
            .intercomAttribute("priority", AttributeValue.text("high"))
            .intercomAttribute("statistics.count_conversation_parts", AttributeValue.number(800))
            .build());
    intercom.put(thread("802", 2, 500, 500).build());
    intercom.put(thread("803", 3, 4, 4).build());

    SyncOutcome first = sync.run(ACME, SyncKind.FIRST, LEASE);

    assertInstanceOf(SyncOutcome.Completed.class, first);
    assertEquals(1, first.counts().truncatedByIntercom());
    assertEquals(3, first.counts().kept());
    assertEquals(new PartsCount(800, 500), stored("801").parts());
    assertEquals(new PartsCount(500, 500), stored("802").parts());
    assertEquals(new PartsCount(4, 4), stored("803").parts());
    assertEquals(Map.of("801", true, "802", false, "803", false), listed());
    assertEquals(AttributeValue.text("high"), stored("801").intercomAttributes().get("priority"));

    // The customer writes again: the hourly run stores it anew, still cut short, and counts it.
    now = now.plusSeconds(3600);
    Instant replied = now.minusSeconds(600);
    intercom.put(
        thread("801", 1, 500, 801)
            .updatedAt(replied)
            .statistics(new Statistics(Optional.empty(), Optional.of(replied), Optional.empty()))
            .build());

    SyncOutcome hourly = sync.run(ACME, SyncKind.HOURLY, LEASE);

    assertEquals(1, hourly.counts().resynced());
    assertEquals(1, hourly.counts().truncatedByIntercom());
    assertEquals(new PartsCount(801, 500), stored("801").parts());
  }
}
