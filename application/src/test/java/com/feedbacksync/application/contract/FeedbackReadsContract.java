package com.feedbacksync.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.CustomerQuery;
import com.feedbacksync.application.model.DocumentQuery;
import com.feedbacksync.application.model.DocumentSummary;
import com.feedbacksync.application.model.FileContent;
import com.feedbacksync.application.model.Lookup;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.Slice;
import com.feedbacksync.application.model.SliceCursor;
import com.feedbacksync.application.model.StoredFile;
import com.feedbacksync.application.model.SyncBatch;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.application.port.out.CustomerDirectory;
import com.feedbacksync.application.port.out.DocumentLibrary;
import com.feedbacksync.application.port.out.SyncStore;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.document.DocumentMapping;
import com.feedbacksync.domain.document.FeedbackDocument;
import com.feedbacksync.domain.document.MappingSettings;
import com.feedbacksync.domain.document.PartsCount;
import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.Author;
import com.feedbacksync.domain.intercom.AuthorType;
import com.feedbacksync.domain.intercom.CompanyId;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ContactRole;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationState;
import com.feedbacksync.domain.intercom.DeliveredAs;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Source;
import com.feedbacksync.domain.intercom.Tag;
import com.feedbacksync.domain.intercom.TagId;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.profile.CompanyRef;
import com.feedbacksync.domain.profile.CustomerProfile;
import com.feedbacksync.domain.sync.SyncedConversation;
import com.feedbacksync.domain.testing.ConversationBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the admin API's reads promise ({@link DocumentLibrary}, {@link CustomerDirectory}) over what
 * the {@link SyncStore} wrote, run against the in-memory fake and against MariaDB: the same content
 * back, newest first, keyset pages that neither repeat nor skip, filters, tombstones, and never
 * another account's data.
 */
public abstract class FeedbackReadsContract {

  private static final Workspace WORKSPACE =
      new Workspace(new WorkspaceId("abc12345"), "Acme", Region.US);
  private static final Instant T = Instant.parse("2026-07-01T10:00:00Z");

  protected abstract SyncStore store();

  protected abstract DocumentLibrary library();

  protected abstract CustomerDirectory directory();

  /** A new account the store may hold data for (a real store needs its row). */
  protected abstract AccountId newAccount();

  private static SyncBatch.StoredDocument document(
      String id,
      Instant updatedAt,
      ConversationState state,
      String customer,
      String body,
      String tag) {
    var conversation =
        ConversationBuilder.conversation()
            .id(id)
            .title("Feedback " + id)
            .createdAt(T)
            .updatedAt(updatedAt)
            .state(state)
            .source(
                new Source(
                    "conversation",
                    DeliveredAs.CUSTOMER_INITIATED,
                    "",
                    "<p>" + body + "</p>",
                    Author.of(AuthorType.USER, customer, "Casey", "casey@example.com"),
                    List.of(),
                    false))
            .tag(Tag.named("t-" + tag, tag))
            .build();
    return new SyncBatch.StoredDocument(
        new DocumentMapping(MappingSettings.DEFAULT).map(WORKSPACE, conversation, updatedAt),
        SyncedConversation.of(conversation));
  }

  private static CustomerProfile profile(
      String id, Instant updatedAt, String email, String segment) {
    return new CustomerProfile(
        WORKSPACE.id(),
        new ContactId(id),
        ContactRole.USER,
        Optional.of("Customer " + id),
        Optional.of(email),
        List.of(segment),
        List.of(
            new CompanyRef(
                new CompanyId("co-1"),
                "Globex",
                Map.of(
                    "plan", new AttributeValue.Text("enterprise"),
                    "size", new AttributeValue.Number(new BigDecimal("85")),
                    "tags.names",
                        new AttributeValue.ListValue(List.of(new AttributeValue.Text("vip"))))),
            new CompanyRef(new CompanyId("co-2"), "Initech")),
        Map.of("company.plan", new AttributeValue.Text("enterprise")),
        updatedAt);
  }

  private void commit(
      AccountId account,
      List<SyncBatch.StoredDocument> documents,
      List<CustomerProfile> profiles,
      List<ConversationId> deletions,
      List<ContactId> goneContacts,
      List<StoredFile> files) {
    store()
        .commit(
            account,
            new SyncBatch(
                SyncStream.HISTORY,
                documents,
                profiles,
                deletions,
                goneContacts,
                files,
                Checkpoint.START,
                RunCounts.NONE));
  }

  private void commitDocuments(AccountId account, SyncBatch.StoredDocument... documents) {
    commit(account, List.of(documents), List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void reads_a_document_back_as_it_was_written() {
    AccountId account = newAccount();
    var conversation =
        ConversationBuilder.conversation()
            .id("42")
            .title("Export <b>fails</b>")
            .createdAt(T)
            .updatedAt(T.plusSeconds(600))
            .state(ConversationState.SNOOZED)
            .part(
                "comment",
                ConversationBuilder.admin("7"),
                "<p>Try <a href=\"https://acme.example/help\">this</a></p>",
                List.of(ConversationBuilder.file("shot.png")),
                List.of(
                    new Tag(
                        new TagId("t-2"),
                        "export",
                        Optional.of(T.plusSeconds(60)),
                        Optional.of(ConversationBuilder.admin("7")))),
                false)
            .part("comment", ConversationBuilder.user("c1"), "<p>Thanks</p>")
            .tag(Tag.named("t-1", "bug"))
            .attribute("priority score", new AttributeValue.Number(new BigDecimal("2.5")))
            .attribute("vip", new AttributeValue.Bool(true))
            .attribute(
                "areas",
                new AttributeValue.ListValue(
                    List.of(new AttributeValue.Text("billing"), new AttributeValue.Null())))
            .contact("c1")
            .intercomAttribute("priority", new AttributeValue.Text("high"))
            .intercomAttribute("admin_assignee_id", new AttributeValue.Text("991267715123456789"))
            .intercomAttribute("conversation_rating.rating", AttributeValue.number(4))
            .intercomAttribute(
                "conversation_rating.created_at", new AttributeValue.Text("2026-07-29T07:10:00Z"))
            .intercomAttribute("ai_agent_participated", new AttributeValue.Bool(true))
            .intercomAttribute(
                "teammates.ids",
                new AttributeValue.ListValue(List.of(new AttributeValue.Text("7"))))
            // Intercom says 800 parts; it returned these two.
            .partsTotalCount(800)
            .build();
    FeedbackDocument written =
        new DocumentMapping(MappingSettings.DEFAULT)
            .map(WORKSPACE, conversation, T.plusSeconds(700));
    assertEquals(new PartsCount(800, 2), written.parts());
    commitDocuments(
        account, new SyncBatch.StoredDocument(written, SyncedConversation.of(conversation)));

    Lookup<FeedbackDocument> read = library().document(account, new ConversationId("42"));

    assertEquals(new Lookup.Found<>(written), read);
  }

  @Test
  void a_ten_megabyte_message_and_six_hundred_parts_are_kept_whole() {
    AccountId account = newAccount();
    ConversationBuilder builder =
        ConversationBuilder.conversation()
            .id("huge")
            .createdAt(T)
            .updatedAt(T.plusSeconds(1))
            .part(
                "comment",
                ConversationBuilder.user("c1"),
                "<p>" + "word ".repeat(2_000_000) + "</p>");
    for (int i = 0; i < 599; i++) {
      builder.part("comment", ConversationBuilder.admin("7"), "<p>reply " + i + "</p>");
    }
    var conversation = builder.contact("c1").build();
    FeedbackDocument written =
        new DocumentMapping(MappingSettings.DEFAULT).map(WORKSPACE, conversation, T.plusSeconds(2));
    commitDocuments(
        account, new SyncBatch.StoredDocument(written, SyncedConversation.of(conversation)));

    FeedbackDocument read =
        ((Lookup.Found<FeedbackDocument>) library().document(account, new ConversationId("huge")))
            .item();
    assertEquals(written.messages().size(), read.messages().size());
    assertEquals(601, read.messages().size(), "the opening message and 600 parts");
    assertEquals(written.messages().get(1).html().length(), read.messages().get(1).html().length());
    assertEquals(written, read);
  }

  @Test
  void lists_newest_activity_first_in_pages_that_neither_repeat_nor_skip() {
    AccountId account = newAccount();
    List<SyncBatch.StoredDocument> documents = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      // Two documents share each update second, so the id decides their order.
      documents.add(
          document("d" + i, T.plusSeconds(i / 2 * 60L), ConversationState.OPEN, "c1", "x", "bug"));
    }
    commit(account, documents, List.of(), List.of(), List.of(), List.of());

    List<String> seen = new ArrayList<>();
    DocumentQuery query = DocumentQuery.firstPage(3);
    int pages = 0;
    while (true) {
      Slice<DocumentSummary> slice = library().documents(account, query);
      slice.items().forEach(d -> seen.add(d.id().value()));
      pages++;
      if (slice.next().isEmpty()) {
        break;
      }
      query = query.after(slice.next().get());
    }

    assertEquals(List.of("d7", "d6", "d5", "d4", "d3", "d2", "d1"), seen);
    assertEquals(3, pages);
  }

  @Test
  void filters_by_tag_status_customer_and_words() {
    AccountId account = newAccount();
    commitDocuments(
        account,
        document(
            "a",
            T.plusSeconds(1),
            ConversationState.OPEN,
            "c1",
            "The export button crashes",
            "bug"),
        document(
            "b", T.plusSeconds(2), ConversationState.CLOSED, "c2", "Please add dark mode", "idea"),
        document(
            "c", T.plusSeconds(3), ConversationState.CLOSED, "c1", "Export to PDF please", "idea"));

    assertEquals(
        List.of("c", "b"),
        ids(
            query(
                Optional.of("idea"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                account)));
    assertEquals(
        List.of("a"),
        ids(
            query(
                Optional.empty(),
                Optional.of(ConversationState.OPEN),
                Optional.empty(),
                Optional.empty(),
                account)));
    assertEquals(
        List.of("c", "a"),
        ids(
            query(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("c1"), account)));
    assertEquals(
        List.of("c", "a"),
        ids(
            query(
                Optional.empty(),
                Optional.empty(),
                Optional.of("export"),
                Optional.empty(),
                account)));
    assertEquals(
        List.of("b"),
        ids(
            query(
                Optional.empty(),
                Optional.empty(),
                Optional.of("dark mode"),
                Optional.empty(),
                account)));
    assertEquals(
        List.of("c"),
        ids(
            query(
                Optional.of("idea"),
                Optional.of(ConversationState.CLOSED),
                Optional.of("export"),
                Optional.of("c1"),
                account)));
    assertEquals(
        List.of(),
        ids(
            query(
                Optional.of("nope"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                account)));
  }

  @Test
  void counts_every_document_the_filters_select_whatever_the_page() {
    AccountId account = newAccount();
    List<SyncBatch.StoredDocument> documents = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      documents.add(
          document(
              "n" + i,
              T.plusSeconds(i * 60L),
              i % 2 == 0 ? ConversationState.CLOSED : ConversationState.OPEN,
              "c1",
              "x",
              "bug"));
    }
    commit(account, documents, List.of(), List.of(), List.of(), List.of());
    DocumentQuery all = DocumentQuery.firstPage(2);
    assertEquals(7, library().count(account, all), "the page's size does not limit the count");
    Slice<DocumentSummary> first = library().documents(account, all);
    assertEquals(7, library().count(account, all.after(first.next().orElseThrow())));
    assertEquals(
        3,
        library()
            .count(
                account,
                new DocumentQuery(
                    Optional.empty(),
                    Optional.of(ConversationState.CLOSED),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    10)));
    assertEquals(0, library().count(newAccount(), all), "another account's count is its own");
  }

  private Slice<DocumentSummary> query(
      Optional<String> tag,
      Optional<ConversationState> status,
      Optional<String> text,
      Optional<String> customer,
      AccountId account) {
    return library()
        .documents(
            account,
            new DocumentQuery(
                tag, status, text, customer.map(ContactId::new), Optional.empty(), 10));
  }

  private static List<String> ids(Slice<DocumentSummary> slice) {
    return slice.items().stream().map(d -> d.id().value()).toList();
  }

  @Test
  void a_summary_carries_the_flat_tags_and_the_customer() {
    AccountId account = newAccount();
    commitDocuments(account, document("s", T, ConversationState.OPEN, "c9", "hi", "bug"));

    DocumentSummary summary =
        library().documents(account, DocumentQuery.firstPage(5)).items().get(0);

    assertEquals(
        new DocumentSummary(
            new ConversationId("s"),
            "Feedback s",
            ConversationState.OPEN,
            List.of("bug"),
            Optional.of(new ContactId("c9")),
            T,
            T),
        summary);
  }

  @Test
  void a_summary_says_whether_intercom_cut_the_conversation_short() {
    AccountId account = newAccount();
    var cut =
        ConversationBuilder.conversation()
            .id("cut")
            .createdAt(T)
            .updatedAt(T.plusSeconds(5))
            .part("comment", ConversationBuilder.user("c1"), "<p>the latest</p>")
            .partsTotalCount(801)
            .build();
    commitDocuments(
        account,
        document("whole", T, ConversationState.OPEN, "c9", "hi", "bug"),
        new SyncBatch.StoredDocument(
            new DocumentMapping(MappingSettings.DEFAULT).map(WORKSPACE, cut, T.plusSeconds(5)),
            SyncedConversation.of(cut)));

    List<DocumentSummary> items = library().documents(account, DocumentQuery.firstPage(5)).items();

    assertEquals(List.of("cut", "whole"), items.stream().map(d -> d.id().value()).toList());
    assertEquals(
        List.of(true, false), items.stream().map(DocumentSummary::truncatedByIntercom).toList());
  }

  @Test
  void a_deleted_conversation_is_a_tombstone_not_a_listed_document() {
    AccountId account = newAccount();
    commitDocuments(
        account,
        document("keep", T, ConversationState.OPEN, "c1", "x", "bug"),
        document("gone", T.plusSeconds(1), ConversationState.OPEN, "c1", "x", "bug"));
    commit(
        account, List.of(), List.of(), List.of(new ConversationId("gone")), List.of(), List.of());

    assertEquals(List.of("keep"), ids(library().documents(account, DocumentQuery.firstPage(10))));
    assertInstanceOf(Lookup.Deleted.class, library().document(account, new ConversationId("gone")));
    assertInstanceOf(
        Lookup.Missing.class, library().document(account, new ConversationId("never")));
  }

  @Test
  void another_accounts_documents_files_and_customers_are_not_found() {
    AccountId owner = newAccount();
    AccountId other = newAccount();
    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
    commit(
        owner,
        List.of(document("mine", T, ConversationState.OPEN, "c1", "x", "bug")),
        List.of(profile("c1", T, "casey@example.com", "VIP")),
        List.of(),
        List.of(),
        List.of(
            new StoredFile(
                new ConversationId("mine"), "f1", "shot.png", "image/png", FileContent.of(png))));

    assertInstanceOf(Lookup.Missing.class, library().document(other, new ConversationId("mine")));
    assertEquals(List.of(), library().documents(other, DocumentQuery.firstPage(10)).items());
    assertTrue(library().file(other, new ConversationId("mine"), "f1").isEmpty());
    assertInstanceOf(Lookup.Missing.class, directory().customer(other, new ContactId("c1")));
    assertEquals(List.of(), directory().customers(other, CustomerQuery.firstPage(10)).items());

    StoredFile file = library().file(owner, new ConversationId("mine"), "f1").orElseThrow();
    assertEquals("image/png", file.contentType());
    assertEquals("shot.png", file.name());
    assertEquals(List.of((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G'), bytes(file.content()));
  }

  private static List<Byte> bytes(FileContent content) {
    byte[] b;
    try (java.io.InputStream in = content.open()) {
      b = in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertEquals(b.length, content.size(), "its size says how many bytes it gives");
    List<Byte> list = new ArrayList<>();
    for (byte x : b) {
      list.add(x);
    }
    return list;
  }

  @Test
  void customers_read_back_page_and_filter_by_email_and_segment() {
    AccountId account = newAccount();
    CustomerProfile first = profile("c1", T, "Casey@Example.com", "VIP");
    commit(
        account,
        List.of(),
        List.of(
            first,
            profile("c2", T.plusSeconds(1), "lee@example.com", "Trial"),
            profile("c3", T.plusSeconds(2), "kim@example.com", "VIP")),
        List.of(),
        List.of(),
        List.of());

    assertEquals(new Lookup.Found<>(first), directory().customer(account, new ContactId("c1")));
    Slice<CustomerProfile> page = directory().customers(account, CustomerQuery.firstPage(2));
    assertEquals(List.of("c3", "c2"), contactIds(page));
    assertEquals(
        List.of("c1"),
        contactIds(
            directory()
                .customers(account, CustomerQuery.firstPage(2).after(page.next().orElseThrow()))));
    assertEquals(
        List.of("c1"),
        contactIds(
            directory()
                .customers(
                    account,
                    new CustomerQuery(
                        Optional.of("casey@example.com"),
                        Optional.empty(),
                        Optional.empty(),
                        10))));
    assertEquals(
        List.of("c3", "c1"),
        contactIds(
            directory()
                .customers(
                    account,
                    new CustomerQuery(
                        Optional.empty(), Optional.of("VIP"), Optional.empty(), 10))));
  }

  @Test
  void a_deleted_contact_is_a_tombstone_not_a_listed_profile() {
    AccountId account = newAccount();
    commit(
        account,
        List.of(),
        List.of(profile("c1", T, "a@example.com", "VIP"), profile("c2", T, "b@example.com", "VIP")),
        List.of(),
        List.of(),
        List.of());
    commit(account, List.of(), List.of(), List.of(), List.of(new ContactId("c2")), List.of());

    assertEquals(
        List.of("c1"), contactIds(directory().customers(account, CustomerQuery.firstPage(10))));
    assertInstanceOf(Lookup.Deleted.class, directory().customer(account, new ContactId("c2")));
  }

  @Test
  void a_cursor_survives_its_wire_form() {
    SliceCursor cursor = new SliceCursor(T.plusNanos(123_000), "2154/x.y");
    assertEquals(cursor, SliceCursor.decode(cursor.encode()));
  }

  private static List<String> contactIds(Slice<CustomerProfile> slice) {
    return slice.items().stream().map(p -> p.contactId().value()).toList();
  }
}
