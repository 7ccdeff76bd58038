package com.feedbacksync.domain.sync;

import static com.feedbacksync.domain.testing.ConversationBuilder.admin;
import static com.feedbacksync.domain.testing.ConversationBuilder.author;
import static com.feedbacksync.domain.testing.ConversationBuilder.conversation;
import static com.feedbacksync.domain.testing.ConversationBuilder.customerSource;
import static com.feedbacksync.domain.testing.ConversationBuilder.file;
import static com.feedbacksync.domain.testing.ConversationBuilder.outboundSource;
import static com.feedbacksync.domain.testing.ConversationBuilder.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.domain.intercom.AuthorType;
import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.DeliveredAs;
import com.feedbacksync.domain.intercom.Part;
import com.feedbacksync.domain.intercom.PartId;
import com.feedbacksync.domain.intercom.PartType;
import com.feedbacksync.domain.intercom.Source;
import com.feedbacksync.domain.intercom.Statistics;
import com.feedbacksync.domain.sync.ReplyVerdict.Evidence;
import com.feedbacksync.domain.sync.ReplyVerdict.SkipReason;
import com.feedbacksync.domain.testing.ConversationBuilder;
import com.feedbacksync.domain.testing.FixtureConversations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ReplyRequiredFilterTest {

  private final ReplyRequiredFilter filter = new ReplyRequiredFilter();

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of(
            "user-initiated with replies",
            FixtureConversations.userInitiatedWithReplies(),
            true,
            Evidence.CUSTOMER_OPENED),
        Arguments.of("outbound, no reply", FixtureConversations.outboundNoReply(), false, null),
        Arguments.of(
            "outbound with a customer reply",
            FixtureConversations.outboundWithCustomerReply(),
            true,
            Evidence.CUSTOMER_REPLIED),
        Arguments.of(
            "tags, custom attributes, inline image",
            FixtureConversations.tagsCustomAttributesInlineImage(),
            true,
            Evidence.CUSTOMER_OPENED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void judges_every_fixture_as_its_readme_expects(
      String name, Conversation conversation, boolean kept, Evidence evidence) {
    ReplyVerdict verdict = filter.judge(conversation);
    assertEquals(kept, verdict.kept(), name);
    if (kept) {
      assertEquals(evidence, ((ReplyVerdict.Keep) verdict).evidence());
    }
  }

  @Test
  void names_the_customer_reply_that_keeps_an_outbound_conversation() {
    ReplyVerdict verdict = filter.judge(FixtureConversations.outboundWithCustomerReply());
    assertEquals(Optional.of(new PartId("31890001001")), ((ReplyVerdict.Keep) verdict).part());
  }

  @Test
  void says_an_unanswered_outbound_message_is_skipped_for_that_reason() {
    assertEquals(
        new ReplyVerdict.Skip(SkipReason.OUTBOUND_WITHOUT_CUSTOMER_REPLY),
        filter.judge(FixtureConversations.outboundNoReply()));
  }

  @ParameterizedTest
  @EnumSource(
      value = DeliveredAs.class,
      names = {"ADMIN_INITIATED", "AUTOMATED", "OPERATOR_INITIATED", "CAMPAIGNS_INITIATED"})
  void never_counts_the_opening_of_an_outbound_conversation(DeliveredAs deliveredAs) {
    for (AuthorType opener : List.of(AuthorType.ADMIN, AuthorType.BOT, AuthorType.TEAM)) {
      Conversation outbound =
          conversation()
              .source(outboundSource(deliveredAs, author(opener, "9"), "<p>News!</p>"))
              .part("comment", admin("9"), "<p>Did you see it?</p>")
              .build();
      assertFalse(filter.judge(outbound).kept(), deliveredAs + " opened by " + opener);
    }
  }

  @Test
  void does_not_count_an_outbound_opening_even_when_intercom_names_a_customer_as_its_author() {
    Conversation odd =
        conversation()
            .source(outboundSource(DeliveredAs.AUTOMATED, user("c1"), "<p>Hi from us</p>"))
            .build();
    assertFalse(filter.judge(odd).kept());
  }

  @ParameterizedTest
  @EnumSource(
      value = AuthorType.class,
      names = {"USER", "LEAD", "CONTACT"})
  void counts_a_reply_by_any_kind_of_customer(AuthorType customer) {
    Conversation answered =
        conversation()
            .source(outboundSource(DeliveredAs.ADMIN_INITIATED, admin("1"), "<p>Hi</p>"))
            .part("comment", author(customer, "c9"), "<p>Thanks!</p>")
            .build();
    assertTrue(filter.judge(answered).kept());
  }

  @ParameterizedTest
  @EnumSource(
      value = AuthorType.class,
      names = {"ADMIN", "BOT", "TEAM", "UNKNOWN"})
  void does_not_count_comments_by_the_company_or_unknown_authors(AuthorType type) {
    Conversation unanswered =
        conversation()
            .source(outboundSource(DeliveredAs.ADMIN_INITIATED, admin("1"), "<p>Hi</p>"))
            .part("comment", author(type, "x"), "<p>Anything else?</p>")
            .build();
    assertFalse(filter.judge(unanswered).kept());
  }

  static Stream<Arguments> partsThatAreNotCustomerReplies() {
    return Stream.of(
        Arguments.of("internal note by an admin", "note", admin("1"), "<p>internal</p>"),
        Arguments.of("a note Intercom attributes to a user", "note", user("c1"), "<p>odd</p>"),
        Arguments.of("a note that reopens", "note_and_reopen", user("c1"), "<p>odd</p>"),
        Arguments.of("an admin's closing words", "close", admin("1"), "<p>Closing this</p>"),
        Arguments.of("an admin reopening", "open", admin("1"), "<p>Back to it</p>"),
        Arguments.of("a bot's quick-reply options", "quick_reply", author(AuthorType.BOT, "b"), ""),
        Arguments.of("assignment", "assignment", admin("1"), ""),
        Arguments.of(
            "attribute update by a user, no words",
            "conversation_attribute_updated_by_user",
            user("c1"),
            ""),
        Arguments.of("a user reopening without words", "open", user("c1"), ""),
        Arguments.of("an empty customer comment", "comment", user("c1"), "<p> </p>"),
        Arguments.of("a customer comment of only markup", "comment", user("c1"), "<br/><p></p>"),
        Arguments.of(
            "a customer comment of a non-breaking space", "comment", user("c1"), "&nbsp;"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("partsThatAreNotCustomerReplies")
  void does_not_count(
      String name, String type, com.feedbacksync.domain.intercom.Author author, String body) {
    Conversation conversation =
        conversation()
            .source(outboundSource(DeliveredAs.ADMIN_INITIATED, admin("1"), "<p>Hi</p>"))
            .part(type, author, body)
            .build();
    assertFalse(filter.judge(conversation).kept(), name);
  }

  /** Intercom carries a customer's words in more part types than comment (issue 18, item 1). */
  static Stream<Arguments> customerWordsInOtherPartTypes() {
    return Stream.of(
        Arguments.of("a user's reply that reopens a closed conversation", "open", user("c1")),
        Arguments.of("a lead's reply that reopens", "open", author(AuthorType.LEAD, "l1")),
        Arguments.of("a quick-reply answer the customer chose", "quick_reply", user("c1")),
        Arguments.of("a reply with an assignment", "assign_and_reopen", user("c1")),
        Arguments.of(
            "a type Intercom adds later", "call_summary", author(AuthorType.CONTACT, "c")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("customerWordsInOtherPartTypes")
  void counts_customer_words_whatever_the_part_type(
      String name, String type, com.feedbacksync.domain.intercom.Author customer) {
    Conversation conversation =
        conversation()
            .source(outboundSource(DeliveredAs.ADMIN_INITIATED, admin("1"), "<p>Hi</p>"))
            .part("comment", admin("1"), "<p>Closing, thanks</p>")
            .part(type, customer, "<p>Wait, it broke again</p>")
            .build();
    PartId customersPart = conversation.parts().get(1).id();
    assertEquals(
        new ReplyVerdict.Keep(Evidence.CUSTOMER_REPLIED, Optional.of(customersPart)),
        filter.judge(conversation),
        name);
  }

  @Test
  void counts_a_customer_reply_that_was_later_redacted() {
    Conversation conversation =
        conversation()
            .source(outboundSource(DeliveredAs.ADMIN_INITIATED, admin("1"), "<p>Hi</p>"))
            .part("comment", user("c1"), "", List.of(), List.of(), true)
            .build();
    assertTrue(filter.judge(conversation).kept());
  }

  @Test
  void counts_a_customer_reply_that_carries_only_an_attachment() {
    Conversation conversation =
        conversation()
            .source(outboundSource(DeliveredAs.ADMIN_INITIATED, admin("1"), "<p>Hi</p>"))
            .part("comment", user("c1"), "", List.of(file("screenshot.png")), List.of(), false)
            .build();
    assertTrue(filter.judge(conversation).kept());
  }

  @Test
  void counts_a_customer_opening_that_carries_only_an_attachment_or_was_redacted() {
    Source attachmentOnly =
        new Source(
            "conversation",
            DeliveredAs.CUSTOMER_INITIATED,
            "",
            "",
            user("c1"),
            List.of(file("a.png")),
            false);
    Source redacted =
        new Source(
            "conversation", DeliveredAs.CUSTOMER_INITIATED, "", "", user("c1"), List.of(), true);
    assertTrue(filter.judge(conversation().source(attachmentOnly).build()).kept());
    assertTrue(filter.judge(conversation().source(redacted).build()).kept());
  }

  @Test
  void skips_a_customer_initiated_conversation_whose_opening_is_empty_and_nobody_replied() {
    Conversation empty = conversation().source(customerSource("<p></p>")).build();
    assertEquals(new ReplyVerdict.Skip(SkipReason.NO_CUSTOMER_MESSAGE), filter.judge(empty));
  }

  @Test
  void keeps_a_customer_initiated_conversation_with_an_empty_opening_if_the_customer_replied() {
    Conversation conversation =
        conversation()
            .source(customerSource(""))
            .part("comment", user("c1"), "<p>here it is</p>")
            .build();
    assertEquals(
        Evidence.CUSTOMER_REPLIED, ((ReplyVerdict.Keep) filter.judge(conversation)).evidence());
  }

  @Test
  void does_not_count_an_admin_written_opening_of_an_unknown_delivery() {
    Source adminOpened =
        new Source(
            "conversation", DeliveredAs.UNKNOWN, "", "<p>x</p>", admin("1"), List.of(), false);
    assertFalse(filter.judge(conversation().source(adminOpened).build()).kept());
  }

  @Test
  void counts_a_customer_opening_of_an_unknown_delivery() {
    Source customerOpened =
        new Source(
            "conversation", DeliveredAs.UNKNOWN, "", "<p>x</p>", user("c1"), List.of(), false);
    assertTrue(filter.judge(conversation().source(customerOpened).build()).kept());
  }

  @Test
  void falls_back_on_intercoms_first_contact_reply_when_older_parts_were_cut_off() {
    ConversationBuilder longOne =
        conversation()
            .source(outboundSource(DeliveredAs.AUTOMATED, admin("1"), "<p>Hi</p>"))
            .partsTotalCount(612);
    for (int i = 0; i < 500; i++) {
      longOne.part("comment", admin("1"), "<p>admin " + i + "</p>");
    }
    Conversation fromFirstContactReply =
        longOne.firstContactReplyAt(Instant.ofEpochSecond(1_785_000_100L)).build();
    assertEquals(
        Evidence.CUSTOMER_REPLIED_BEFORE_THE_PARTS_RETURNED,
        ((ReplyVerdict.Keep) filter.judge(fromFirstContactReply)).evidence());

    Conversation fromStatistics =
        longOne
            .firstContactReplyAt(null)
            .statistics(
                new Statistics(
                    Optional.of(Instant.ofEpochSecond(1_785_000_100L)),
                    Optional.empty(),
                    Optional.empty()))
            .build();
    assertTrue(filter.judge(fromStatistics).kept());

    Conversation noRecord = longOne.firstContactReplyAt(null).statistics(Statistics.NONE).build();
    assertFalse(filter.judge(noRecord).kept());
  }

  @Test
  void trusts_the_parts_over_intercoms_record_when_nothing_was_cut_off() {
    Conversation conversation =
        conversation()
            .source(outboundSource(DeliveredAs.AUTOMATED, admin("1"), "<p>Hi</p>"))
            .part("comment", admin("1"), "<p>hello?</p>")
            .firstContactReplyAt(Instant.ofEpochSecond(1_785_000_100L))
            .build();
    assertFalse(filter.judge(conversation).kept());
  }

  @Property(tries = 500)
  void never_keeps_a_conversation_without_customer_written_content(
      @ForAll("conversationsWithoutCustomerContent") Conversation conversation) {
    assertFalse(filter.judge(conversation).kept());
  }

  @Property(tries = 500)
  void any_customer_part_with_words_keeps_a_conversation_whatever_its_type_and_place(
      @ForAll("conversationsWithoutCustomerContent") Conversation base,
      @ForAll("customerAuthors") AuthorType customer,
      @ForAll("typesThatAreNotNotes") String type,
      @ForAll("customerReplyBodies") String body,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 8) int place) {
    int at = Math.min(place, base.parts().size());
    Part reply =
        new Part(
            new PartId("customer-reply"),
            new PartType(type),
            body,
            ConversationBuilder.T0,
            author(customer, "c1"),
            List.of(),
            List.of(),
            false);
    List<Part> parts = new ArrayList<>(base.parts());
    parts.add(at, reply);
    ConversationBuilder answered = conversation().source(base.source());
    parts.forEach(answered::part);
    if (base.isPartsTruncated()) {
      answered.partsTotalCount(base.partsTotalCount() + 1);
    }
    assertEquals(
        new ReplyVerdict.Keep(Evidence.CUSTOMER_REPLIED, Optional.of(reply.id())),
        filter.judge(answered.build()));
  }

  /**
   * Outbound openings (even those Intercom names a customer as the author of), customer-initiated
   * conversations whose opening is blank, parts by anyone but a customer (with words, files or
   * redacted), notes by anyone, customer parts without words (blank, markup only, a non-breaking
   * space), threads Intercom cut off with no record of a customer reply, and statistics that claim
   * a customer reply the parts (all returned) do not show.
   */
  @Provide
  Arbitrary<Conversation> conversationsWithoutCustomerContent() {
    Arbitrary<DeliveredAs> outbound =
        Arbitraries.of(
            DeliveredAs.ADMIN_INITIATED,
            DeliveredAs.AUTOMATED,
            DeliveredAs.OPERATOR_INITIATED,
            DeliveredAs.CAMPAIGNS_INITIATED);
    Arbitrary<Source> outboundOpening =
        Combinators.combine(outbound, Arbitraries.of(AuthorType.values()), words())
            .as((d, who, body) -> outboundSource(d, author(who, "1"), body));
    Arbitrary<Source> blankCustomerOpening = blankBodies().map(ConversationBuilder::customerSource);
    Arbitrary<Source> opening = Arbitraries.oneOf(outboundOpening, blankCustomerOpening);

    Arbitrary<AuthorType> company =
        Arbitraries.of(AuthorType.ADMIN, AuthorType.BOT, AuthorType.TEAM, AuthorType.UNKNOWN);
    Arbitrary<Part> byTheCompany =
        Combinators.combine(
                anyTypes(), company, words(), Arbitraries.of(true, false), Arbitraries.of(0, 1))
            .as((type, who, body, redacted, files) -> part(type, who, body, files, redacted));
    Arbitrary<Part> notes =
        Combinators.combine(
                Arbitraries.of("note", "note_and_reopen"),
                Arbitraries.of(AuthorType.values()),
                words(),
                Arbitraries.of(true, false),
                Arbitraries.of(0, 1))
            .as((type, who, body, redacted, files) -> part(type, who, body, files, redacted));
    Arbitrary<Part> blankByACustomer =
        Combinators.combine(typesThatAreNotNotes(), customerAuthors(), blankBodies())
            .as((type, who, body) -> part(type, who, body, 0, false));
    Arbitrary<List<Part>> parts =
        Arbitraries.oneOf(byTheCompany, notes, blankByACustomer).list().ofMaxSize(8);

    Arbitrary<Integer> cutOff =
        Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 600));
    Arbitrary<Boolean> statisticsClaimAReply = Arbitraries.of(true, false);
    return Combinators.combine(opening, parts, cutOff, statisticsClaimAReply)
        .as(
            (source, ps, cut, claim) -> {
              ConversationBuilder b = conversation().source(source);
              ps.forEach(b::part);
              if (cut > 0) {
                // Cut off: Intercom kept no record of a customer reply among the older parts.
                b.partsTotalCount(ps.size() + cut);
              } else if (claim) {
                // Every part returned: Intercom's record is overruled by the parts themselves.
                b.firstContactReplyAt(ConversationBuilder.T0)
                    .statistics(
                        new Statistics(
                            Optional.of(ConversationBuilder.T0),
                            Optional.of(ConversationBuilder.T0),
                            Optional.empty()));
              }
              return b.build();
            });
  }

  private static int partIds;

  private static Part part(String type, AuthorType who, String body, int files, boolean redacted) {
    return new Part(
        new PartId("g" + partIds++),
        new PartType(type),
        body,
        ConversationBuilder.T0,
        author(who, "a"),
        files == 0 ? List.of() : List.of(file("f.png")),
        List.of(),
        redacted);
  }

  private static Arbitrary<String> words() {
    return Arbitraries.of("", "<p>text</p>", "<p></p>", "hello", "<p>Thanks!</p>");
  }

  private static Arbitrary<String> blankBodies() {
    return Arbitraries.of("", " ", "<p></p>", "<p> </p>", "<br/>", "&nbsp;", "<p>&#160;</p>");
  }

  private static Arbitrary<String> anyTypes() {
    return Arbitraries.of(
        "comment", "open", "close", "snoozed", "assignment", "quick_reply", "custom_x");
  }

  @Provide
  static Arbitrary<String> typesThatAreNotNotes() {
    return Arbitraries.of(
        "comment",
        "open",
        "close",
        "quick_reply",
        "assign_and_reopen",
        "conversation_attribute_updated_by_user",
        "call_summary",
        "custom_x");
  }

  @Provide
  static Arbitrary<AuthorType> customerAuthors() {
    return Arbitraries.of(AuthorType.USER, AuthorType.LEAD, AuthorType.CONTACT);
  }

  @Provide
  Arbitrary<String> customerReplyBodies() {
    return Arbitraries.strings()
        .alpha()
        .ofMinLength(1)
        .ofMaxLength(20)
        .map(s -> "<p>" + s + "</p>");
  }
}
