package com.feedbacksync.domain.document;

import static com.feedbacksync.domain.testing.ConversationBuilder.admin;
import static com.feedbacksync.domain.testing.ConversationBuilder.conversation;
import static com.feedbacksync.domain.testing.ConversationBuilder.customerSource;
import static com.feedbacksync.domain.testing.ConversationBuilder.outboundSource;
import static com.feedbacksync.domain.testing.ConversationBuilder.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.AuthorType;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationState;
import com.feedbacksync.domain.intercom.DeliveredAs;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Source;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.FlatTag;
import com.feedbacksync.domain.testing.FixtureConversations;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentMappingTest {

  private static final Workspace ACME_US =
      new Workspace(new WorkspaceId("abc12345"), "Acme", Region.US);
  private static final Instant SYNCED = Instant.ofEpochSecond(1_786_000_000L);

  private final DocumentMapping mapping = new DocumentMapping(MappingSettings.DEFAULT);

  @Test
  void maps_the_tagged_fixture_with_every_piece_of_document_info() {
    Conversation c = FixtureConversations.tagsCustomAttributesInlineImage();
    FeedbackDocument d = mapping.map(ACME_US, c, SYNCED);

    assertEquals(new WorkspaceId("abc12345"), d.workspace());
    assertEquals(new ConversationId("215474154280003"), d.conversationId());
    assertEquals("Chart legend overlaps the axis", d.title());
    assertEquals(ConversationState.SNOOZED, d.status());
    assertEquals(
        List.of("bug", "feature-area: charts"), d.tags().stream().map(FlatTag::name).toList());
    assertEquals(
        List.of("Product area", "Severity", "Is regression", "Jira issue key", "Refund amount"),
        List.copyOf(d.attributes().keySet()));
    assertEquals(new AttributeValue.Bool(true), d.attributes().get("Is regression"));
    assertEquals(
        "https://app.intercom.com/a/inbox/abc12345/inbox/conversation/215474154280003",
        d.originalUrl());
    assertEquals("conversation", d.sourceType());
    assertEquals(DeliveredAs.CUSTOMER_INITIATED, d.deliveredAs());
    assertEquals(Optional.of(new ContactId("66a1f0c2e4b0a1b2c3d4e5f6")), d.customer());
    assertEquals(Instant.ofEpochSecond(1785300000), d.createdAt());
    assertEquals(Instant.ofEpochSecond(1785309000), d.updatedAt());
    assertEquals(SYNCED, d.syncedAt());
  }

  @Test
  void keeps_the_opening_and_the_replies_in_order_and_leaves_out_notes_and_events() {
    FeedbackDocument d =
        mapping.map(ACME_US, FixtureConversations.tagsCustomAttributesInlineImage(), SYNCED);

    assertEquals(
        List.of("source", "31890002001", "31890002002"),
        d.messages().stream().map(DocumentMessage::id).toList());
    DocumentMessage opening = d.messages().get(0);
    assertEquals(MessageKind.OPENING, opening.kind());
    assertEquals(AuthorType.USER, opening.author().type());
    assertTrue(
        opening.html().contains("<img src=\"https://downloads.intercomcdn.com/"),
        "inline image kept");
    assertEquals(1, opening.attachments().size());
    assertEquals(AuthorType.BOT, d.messages().get(1).author().type());
    assertEquals(Instant.ofEpochSecond(1785300800), d.messages().get(2).createdAt());
  }

  @Test
  void includes_internal_notes_when_the_account_chose_to() {
    FeedbackDocument d =
        new DocumentMapping(new MappingSettings(true))
            .map(ACME_US, FixtureConversations.userInitiatedWithReplies(), SYNCED);
    assertEquals(
        List.of(
            MessageKind.OPENING,
            MessageKind.REPLY,
            MessageKind.REPLY,
            MessageKind.INTERNAL_NOTE,
            MessageKind.REPLY),
        d.messages().stream().map(DocumentMessage::kind).toList());
  }

  @Test
  void shows_an_outbound_opening_as_the_companys_message_and_links_the_replying_customer() {
    FeedbackDocument d =
        mapping.map(ACME_US, FixtureConversations.outboundWithCustomerReply(), SYNCED);
    assertEquals(AuthorType.ADMIN, d.messages().get(0).author().type());
    assertEquals(4, d.messages().size());
    assertEquals(Optional.of(new ContactId("66a1f11ae4b0a1b2c3d4e700")), d.customer());
    assertEquals("Your trial ends in 3 days", d.title());
    assertEquals(DeliveredAs.AUTOMATED, d.deliveredAs());
    assertEquals("email", d.sourceType());
  }

  @Test
  void orders_replies_by_time_whatever_order_intercom_listed_them_in() {
    Conversation c =
        conversation()
            .part(
                new com.feedbacksync.domain.intercom.Part(
                    new com.feedbacksync.domain.intercom.PartId("2"),
                    com.feedbacksync.domain.intercom.PartType.COMMENT,
                    "later",
                    Instant.ofEpochSecond(2000),
                    admin("1"),
                    List.of(),
                    List.of(),
                    false))
            .part(
                new com.feedbacksync.domain.intercom.Part(
                    new com.feedbacksync.domain.intercom.PartId("1"),
                    com.feedbacksync.domain.intercom.PartType.COMMENT,
                    "earlier",
                    Instant.ofEpochSecond(1000),
                    user("c1"),
                    List.of(),
                    List.of(),
                    false))
            .build();
    assertEquals(
        List.of("source", "1", "2"),
        mapping.map(ACME_US, c, SYNCED).messages().stream().map(DocumentMessage::id).toList());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "US, https://app.intercom.com/a/inbox/abc12345/inbox/conversation/42",
    "EU, https://app.eu.intercom.com/a/inbox/abc12345/inbox/conversation/42",
    "AU, https://app.au.intercom.com/a/inbox/abc12345/inbox/conversation/42"
  })
  void links_to_the_conversation_in_the_inbox_of_the_workspaces_region(Region region, String url) {
    Workspace workspace = new Workspace(new WorkspaceId("abc12345"), "Acme", region);
    assertEquals(
        url, mapping.map(workspace, conversation().id("42").build(), SYNCED).originalUrl());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "title wins                 | Export fails | Re: hi | <p>Hello there</p> | Export fails",
        "then the subject           |              | <b>Re:</b> hi | <p>Hello</p> | Re: hi",
        "then the customer's words  |              |        | <p>The <b>export</b> fails</p> | The export fails",
        "then a fallback            |              |        | <p> </p>           | Conversation 77"
      })
  void titles_a_document_by_the_first_thing_that_says_what_it_is_about(
      String rule, String title, String subject, String body, String expected) {
    Source source =
        new Source(
            "conversation",
            DeliveredAs.CUSTOMER_INITIATED,
            subject,
            body,
            user("c1"),
            List.of(),
            false);
    Conversation c = conversation().id("77").title(title).source(source).build();
    assertEquals(expected, mapping.map(ACME_US, c, SYNCED).title(), rule);
  }

  @Test
  void titles_by_the_first_customer_message_before_the_companys() {
    Conversation c =
        conversation()
            .source(
                new Source(
                    "email",
                    DeliveredAs.ADMIN_INITIATED,
                    "",
                    "<p>Our news</p>",
                    admin("1"),
                    List.of(),
                    false))
            .part("comment", user("c1"), "<p>My feedback</p>")
            .build();
    assertEquals("My feedback", mapping.map(ACME_US, c, SYNCED).title());
  }

  @Test
  void titles_by_the_companys_words_when_no_customer_wrote_text() {
    Conversation c =
        conversation()
            .source(
                new Source(
                    "email",
                    DeliveredAs.ADMIN_INITIATED,
                    "",
                    "<p>Our news</p>",
                    admin("1"),
                    List.of(),
                    false))
            .build();
    assertEquals("Our news", mapping.map(ACME_US, c, SYNCED).title());
  }

  @Test
  void shortens_a_long_title_at_a_word_boundary() {
    String words = "word ".repeat(40).strip();
    String title = DocumentMapping.shorten(words);
    assertTrue(title.length() <= DocumentMapping.TITLE_LENGTH, title);
    assertTrue(title.endsWith("word…"), title);
    assertEquals("short", DocumentMapping.shorten("short"));
    String exactly = "x".repeat(DocumentMapping.TITLE_LENGTH);
    assertEquals(exactly, DocumentMapping.shorten(exactly));
  }

  @Test
  void cuts_a_long_word_without_spaces_hard() {
    String title = DocumentMapping.shorten("x".repeat(200));
    assertEquals(DocumentMapping.TITLE_LENGTH, title.length());
    assertTrue(title.endsWith("x…"));
  }

  @Test
  void links_to_the_conversations_first_contact_when_no_customer_wrote() {
    Conversation c =
        conversation()
            .source(outboundSource(DeliveredAs.ADMIN_INITIATED, admin("1"), "<p>Hi</p>"))
            .contact("c42")
            .build();
    assertEquals(Optional.of(new ContactId("c42")), mapping.map(ACME_US, c, SYNCED).customer());
    Conversation nobody =
        conversation()
            .source(outboundSource(DeliveredAs.ADMIN_INITIATED, admin("1"), "<p>Hi</p>"))
            .build();
    assertEquals(Optional.empty(), mapping.map(ACME_US, nobody, SYNCED).customer());
  }

  @Test
  void leaves_out_an_empty_opening_and_empty_replies() {
    Source empty =
        new Source(
            "conversation", DeliveredAs.CUSTOMER_INITIATED, "", "", user("c1"), List.of(), false);
    Conversation c =
        conversation()
            .source(empty)
            .part("comment", admin("1"), "<p></p>")
            .part("comment", user("c1"), "<p>ok</p>")
            .build();
    assertEquals(
        List.of("31890000002"),
        mapping.map(ACME_US, c, SYNCED).messages().stream().map(DocumentMessage::id).toList());
  }

  @Test
  void keeps_an_opening_that_has_only_a_subject() {
    Source subjectOnly =
        new Source(
            "email", DeliveredAs.CUSTOMER_INITIATED, "Refund?", "", user("c1"), List.of(), false);
    assertEquals(
        1,
        mapping.map(ACME_US, conversation().source(subjectOnly).build(), SYNCED).messages().size());
  }

  @Test
  void a_customer_source_is_the_default_opening() {
    assertEquals(
        "Hello",
        mapping
            .map(ACME_US, conversation().source(customerSource("<p>Hello</p>")).build(), SYNCED)
            .title());
  }

  @Test
  void titles_by_the_first_message_with_words_skipping_files_and_notes() {
    Conversation c =
        conversation()
            .source(
                new Source(
                    "email",
                    DeliveredAs.ADMIN_INITIATED,
                    "",
                    "",
                    admin("1"),
                    List.of(com.feedbacksync.domain.testing.ConversationBuilder.file("a.png")),
                    false))
            .part("note", admin("1"), "<p>internal only</p>")
            .part("comment", admin("1"), "<p>Public answer</p>")
            .build();
    assertEquals(
        "Public answer",
        new DocumentMapping(new MappingSettings(true)).map(ACME_US, c, SYNCED).title());
  }
}
