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
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.model.WebhookItem;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.document.DocumentMessage;
import com.feedbacksync.domain.intercom.Attachment;
import com.feedbacksync.domain.intercom.Author;
import com.feedbacksync.domain.intercom.AuthorType;
import com.feedbacksync.domain.intercom.Contact;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ContactRole;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.DeliveredAs;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Source;
import com.feedbacksync.domain.intercom.Statistics;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A re-sync (a reply, a tag, a webhook) links the files the store holds for the conversation again
 * instead of downloading them once more; all the files it holds count against the budget, each
 * once.
 */
class FilesOnReSyncTest {

  private static final Instant CONNECTED = Instant.parse("2026-11-01T00:00:00Z");
  private static final AccountId ACME = new AccountId("acme");
  private static final Workspace WORKSPACE =
      new Workspace(new WorkspaceId("abc12345"), "Acme", Region.US);
  private static final LeaseToken LEASE = new LeaseToken(ACME, "sync", "test", 1);
  private static final ConversationId ID = new ConversationId("150");
  private static final String CDN = "https://downloads.intercomcdn.com/i/o/";

  private final Instant now = CONNECTED.plusSeconds(3600);
  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryConnections connections = new InMemoryConnections();
  private final InMemorySyncStore store = new InMemorySyncStore(connections).clock(() -> now);
  private final FakeIntercom intercom = new FakeIntercom(7);
  private SyncService sync;

  @BeforeEach
  void setUp() {
    accounts.with(new Account(ACME, "Acme Research", Plan.PAID));
    connections.save(EngineUnderTest.connected(ACME, WORKSPACE, CONNECTED));
    sync = EngineUnderTest.over(accounts, connections, intercom, store, () -> now).build();
    intercom.put(
        new Contact(
            new ContactId("c-150"),
            ContactRole.USER,
            Optional.of("Casey"),
            Optional.empty(),
            CONNECTED.minusSeconds(86_400),
            Map.of(),
            Map.of(),
            List.of()));
  }

  @Test
  void a_re_sync_links_the_stored_files_again_and_downloads_only_the_new_one() {
    String image = CDN + "1/chart.png?expires=1&signature=x";
    Attachment export = pdf("export.pdf", OptionalLong.of(10));
    intercom.put(withFiles(image, List.of(export), CONNECTED.minusSeconds(60)));
    assertInstanceOf(SyncOutcome.Completed.class, sync.run(ACME, SyncKind.FIRST, LEASE));
    assertEquals(2, intercom.downloads());
    assertEquals(0, store.fileLookups(), "a history walk's conversations have nothing stored");

    // A reply brings a new attachment; Intercom signs the image's link anew.
    Attachment added = pdf("added.pdf", OptionalLong.of(10));
    intercom.put(
        withFiles(
            image.replace("signature=x", "signature=y"),
            List.of(export, added),
            CONNECTED.plusSeconds(60)));
    assertInstanceOf(
        SyncOutcome.Completed.class,
        sync.resync(ACME, List.of(new WebhookItem.Conversation(ID)), LEASE));

    assertEquals(3, intercom.downloads(), "only the new attachment was downloaded");
    assertEquals(1, store.fileLookups(), "the store asked once for the document");
    DocumentMessage message = message();
    assertTrue(
        message.html().contains("src=\"/files/150/" + FileCopies.fileId(image) + "\""),
        message.html());
    assertEquals(
        List.of(
            "/files/150/" + FileCopies.fileId(export.url()),
            "/files/150/" + FileCopies.fileId(added.url())),
        message.attachments().stream().map(Attachment::url).toList());
    assertEquals(3, store.data(ACME).files.size());
    assertEquals(0, intercom.undiscardedDownloads());
  }

  @Test
  void files_stored_before_count_against_the_documents_budget() {
    List<Attachment> eleven = new ArrayList<>(tenStoredOf25Megabytes());
    Attachment late = pdf("late.pdf", OptionalLong.of(25L << 20));
    intercom.fileOfSize(late.url(), 25 << 20);
    eleven.add(late);
    intercom.put(withFiles("", eleven, CONNECTED.plusSeconds(60)));
    sync.resync(ACME, List.of(new WebhookItem.Conversation(ID)), LEASE);

    assertEquals(10, intercom.downloads(), "neither the stored ten nor the eleventh downloaded");
    List<Attachment> files = message().attachments();
    for (int i = 0; i < 10; i++) {
      assertFalse(files.get(i).tooLarge(), "file " + i + " keeps its copy");
    }
    assertTrue(files.get(10).tooLarge(), "the eleventh is beyond what the ten left");
    assertEquals(late.url(), files.get(10).url());
  }

  @Test
  void a_stored_file_shown_under_several_links_counts_once() {
    List<Attachment> ten = tenStoredOf25Megabytes();
    // The first shown three times more, with other query strings (as anyone may write them).
    List<Attachment> again = new ArrayList<>(ten);
    for (int i = 1; i <= 3; i++) {
      again.add(new Attachment("copy" + i + ".pdf", ten.get(0).url() + "?v=" + i, "pdf", none()));
    }
    Attachment small = pdf("small.pdf", OptionalLong.of(5L << 20));
    intercom.fileOfSize(small.url(), 5 << 20);
    again.add(small);
    intercom.put(withFiles("", again, CONNECTED.plusSeconds(60)));
    sync.resync(ACME, List.of(new WebhookItem.Conversation(ID)), LEASE);

    List<Attachment> files = message().attachments();
    for (int i = 10; i < 13; i++) {
      assertEquals("/files/150/" + FileCopies.fileId(ten.get(0).url()), files.get(i).url());
    }
    assertFalse(files.get(13).tooLarge(), "250 MB stored and 5 MB more fit the 256 MB");
    assertEquals(11, intercom.downloads());
  }

  @Test
  void files_the_conversation_no_longer_shows_still_count_against_its_budget() {
    tenStoredOf25Megabytes();
    Attachment next = pdf("next.pdf", OptionalLong.of(25L << 20));
    intercom.fileOfSize(next.url(), 25 << 20);
    // The ten were removed from the conversation; the store keeps them until it is deleted.
    intercom.put(withFiles("", List.of(next), CONNECTED.plusSeconds(60)));
    sync.resync(ACME, List.of(new WebhookItem.Conversation(ID)), LEASE);

    assertTrue(message().attachments().get(0).tooLarge(), "the 250 MB stored leave no room");
    assertEquals(10, intercom.downloads());
  }

  /** Conversation 150 first synced with ten files of 25 MB: 250 of its 256 MB. */
  private List<Attachment> tenStoredOf25Megabytes() {
    List<Attachment> ten = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Attachment file = pdf("part" + i + ".pdf", OptionalLong.of(25L << 20));
      intercom.fileOfSize(file.url(), 25 << 20);
      ten.add(file);
    }
    intercom.put(withFiles("", ten, CONNECTED.minusSeconds(60)));
    sync.run(ACME, SyncKind.FIRST, LEASE);
    assertEquals(10, intercom.downloads());
    return ten;
  }

  private static OptionalLong none() {
    return OptionalLong.empty();
  }

  private DocumentMessage message() {
    return store.data(ACME).documents.get(ID).document().messages().get(0);
  }

  private static Attachment pdf(String name, OptionalLong declared) {
    return new Attachment(name, CDN + name, "application/pdf", declared);
  }

  /** Conversation 150 by customer c-150, with an inline image (unless blank) and attachments. */
  private static com.feedbacksync.domain.intercom.Conversation withFiles(
      String image, List<Attachment> attachments, Instant updated) {
    Instant created = CONNECTED.minusSeconds(120);
    String html =
        "<p>Feedback</p>"
            + (image.isEmpty() ? "" : "<img src=\"" + image.replace("&", "&amp;") + "\" />");
    return conversation()
        .id(ID.value())
        .createdAt(created)
        .updatedAt(updated)
        .source(
            new Source(
                "conversation",
                DeliveredAs.CUSTOMER_INITIATED,
                "",
                html,
                Author.of(AuthorType.USER, "c-150", "Casey", "casey@example.com"),
                attachments,
                false))
        .firstContactReplyAt(created)
        .statistics(new Statistics(Optional.of(created), Optional.of(created), Optional.empty()))
        .contact("c-150")
        .build();
  }
}
