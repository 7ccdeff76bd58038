package com.feedbacksync.domain.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.domain.testing.ConversationBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IntercomModelTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "US, US",
        "EU, EU",
        "eu, EU",
        " Europe , EU",
        "AU, AU",
        "australia, AU",
        "null, US",
        "moon, US",
        "'', US"
      })
  void reads_the_workspace_region_leniently(String wire, Region region) {
    assertEquals(region, Region.fromIntercom(wire));
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "user, USER, true", "LEAD, LEAD, true", "contact, CONTACT, true", "admin, ADMIN, false",
        "bot, BOT, false", "team, TEAM, false", "visitor, UNKNOWN, false", "null, UNKNOWN, false"
      })
  void knows_which_authors_are_customers(String wire, AuthorType type, boolean customer) {
    assertEquals(type, AuthorType.fromIntercom(wire));
    assertEquals(customer, type.isCustomer());
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "customer_initiated, CUSTOMER_INITIATED, false",
        "admin_initiated, ADMIN_INITIATED, true",
        "automated, AUTOMATED, true",
        "operator_initiated, OPERATOR_INITIATED, true",
        "campaigns_initiated, CAMPAIGNS_INITIATED, true",
        "something_new, UNKNOWN, false",
        "null, UNKNOWN, false"
      })
  void knows_which_deliveries_are_outbound(String wire, DeliveredAs deliveredAs, boolean outbound) {
    assertEquals(deliveredAs, DeliveredAs.fromIntercom(wire));
    assertEquals(outbound, deliveredAs.isOutbound());
  }

  @Test
  void writes_deliveries_and_states_as_intercom_does() {
    assertEquals("admin_initiated", DeliveredAs.ADMIN_INITIATED.wireName());
    assertEquals("snoozed", ConversationState.SNOOZED.wireName());
    assertEquals("lead", ContactRole.LEAD.wireName());
  }

  @ParameterizedTest
  @CsvSource({"open, OPEN", "Closed, CLOSED", " snoozed , SNOOZED"})
  void reads_conversation_states(String wire, ConversationState state) {
    assertEquals(state, ConversationState.fromIntercom(wire));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"pending", "deleted"})
  void refuses_a_state_it_does_not_know(String wire) {
    assertThrows(IllegalArgumentException.class, () -> ConversationState.fromIntercom(wire));
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {"lead, LEAD", "LEAD, LEAD", "user, USER", "null, USER", "other, USER"})
  void reads_contact_roles(String wire, ContactRole role) {
    assertEquals(role, ContactRole.fromIntercom(wire));
  }

  @Test
  void keeps_unknown_part_types_as_they_came() {
    assertEquals("call_summary", new PartType("call_summary").value());
    assertEquals("comment", new PartType(" Comment ").value());
    assertEquals("unknown", new PartType(null).value());
    assertEquals("unknown", new PartType("  ").value());
    assertTrue(new PartType("comment").isComment());
    assertFalse(new PartType("note").isComment());
    assertTrue(new PartType("note").isNote());
    assertFalse(PartType.QUICK_REPLY.isNote());
  }

  static Stream<Arguments> idTypes() {
    return Stream.of(
        Arguments.of((Function<String, Object>) ConversationId::new),
        Arguments.of((Function<String, Object>) PartId::new),
        Arguments.of((Function<String, Object>) TagId::new),
        Arguments.of((Function<String, Object>) ContactId::new),
        Arguments.of((Function<String, Object>) CompanyId::new),
        Arguments.of((Function<String, Object>) WorkspaceId::new));
  }

  @ParameterizedTest
  @MethodSource("idTypes")
  void takes_ids_as_strings_beyond_32_bits(Function<String, Object> id) {
    assertEquals("215474154263922", id.apply("215474154263922").toString());
    assertEquals("x".repeat(128), id.apply("x".repeat(128)).toString());
  }

  @ParameterizedTest
  @MethodSource("idTypes")
  void refuses_blank_padded_or_oversized_ids(Function<String, Object> id) {
    for (String bad : new String[] {null, "", "  ", " 1", "1 ", "x".repeat(129)}) {
      assertThrows(IllegalArgumentException.class, () -> id.apply(bad), String.valueOf(bad));
    }
  }

  @Test
  void segments_need_an_id_and_fall_back_on_it_for_a_name() {
    assertEquals("s1", new Segment("s1", " ").name());
    assertEquals("Active", new Segment("s1", " Active ").name());
    assertThrows(IllegalArgumentException.class, () -> new Segment("", "x"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<p>Hello&nbsp;<b>world</b></p>|Hello world",
        "a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;|a <b> & \"c\" 'd'",
        "<div class=\"intercom-container\"><img src=\"x.png\"></div>|''",
        "  <p> two \u00A0 lines </p>|two lines",
        "plain|plain"
      })
  void reads_the_text_out_of_message_html(String html, String text) {
    assertEquals(text, Html.toText(html));
  }

  @Test
  void reads_no_text_out_of_nothing() {
    assertEquals("", Html.toText(null));
    assertEquals("", Html.toText(""));
  }

  @Test
  void displays_attribute_values_as_an_admin_reads_them() {
    Map<String, AttributeValue> fields = new LinkedHashMap<>();
    fields.put("b", AttributeValue.number(2));
    fields.put("a", new AttributeValue.Null());
    assertEquals("Dashboards", AttributeValue.text("Dashboards").display());
    assertEquals("49.5", AttributeValue.number("49.5").display());
    assertEquals(
        "10000000000000000000001",
        new AttributeValue.Number(new BigDecimal("10000000000000000000001")).display());
    assertEquals("true", AttributeValue.bool(true).display());
    assertEquals(
        "x, 1",
        new AttributeValue.ListValue(List.of(AttributeValue.text("x"), AttributeValue.number(1)))
            .display());
    assertEquals("{b: 2, a: }", new AttributeValue.ObjectValue(fields).display());
    assertEquals("", new AttributeValue.Null().display());
    assertThrows(NullPointerException.class, () -> new AttributeValue.Text(null));
    assertThrows(NullPointerException.class, () -> new AttributeValue.Number(null));
  }

  @Test
  void fills_in_what_intercom_leaves_out() {
    Workspace unnamed = new Workspace(new WorkspaceId("abc"), " ", Region.US);
    assertEquals("abc", unnamed.name());
    assertEquals("Acme", new Workspace(new WorkspaceId("abc"), " Acme ", Region.US).name());
    Attachment bare = new Attachment(null, "https://x/y", " ", OptionalLong.empty());
    assertEquals("attachment", bare.name());
    assertEquals("application/octet-stream", bare.contentType());
    assertEquals("bug", Tag.named("1", "bug").name());
    assertEquals("1", Tag.named("1", null).name());
    assertEquals(
        "c1", new Company(new CompanyId("c1"), null, Instant.EPOCH, Map.of(), Map.of()).name());
    Source source =
        new Source(
            null,
            DeliveredAs.UNKNOWN,
            null,
            null,
            Author.of(AuthorType.USER, null, null, null),
            List.of(),
            false);
    assertEquals("conversation", source.type());
    assertEquals("", source.subject());
    assertEquals("", source.body());
    assertFalse(source.hasContent());
  }

  @Test
  void drops_blank_author_details() {
    Author author = Author.of(AuthorType.USER, " ", "  Casey ", "");
    assertEquals(Optional.empty(), author.id());
    assertEquals(Optional.of("Casey"), author.name());
    assertEquals(Optional.empty(), author.email());
    assertTrue(author.isCustomer());
  }

  @Test
  void knows_when_intercom_cut_older_parts_off() {
    assertFalse(ConversationBuilder.conversation().build().isPartsTruncated());
    assertTrue(ConversationBuilder.conversation().partsTotalCount(3).build().isPartsTruncated());
    Conversation undercounted =
        ConversationBuilder.conversation()
            .part("comment", ConversationBuilder.user("c"), "x")
            .partsTotalCount(0)
            .build();
    assertEquals(1, undercounted.partsTotalCount());
    assertFalse(undercounted.isPartsTruncated());
  }

  @Test
  void finds_the_first_customer_reply_in_either_place_intercom_records_it() {
    Instant first = Instant.ofEpochSecond(10);
    Instant fromStats = Instant.ofEpochSecond(20);
    Statistics stats = new Statistics(Optional.of(fromStats), Optional.empty(), Optional.empty());
    assertEquals(
        Optional.of(first),
        ConversationBuilder.conversation()
            .firstContactReplyAt(first)
            .statistics(stats)
            .build()
            .anyFirstContactReply());
    assertEquals(
        Optional.of(fromStats),
        ConversationBuilder.conversation().statistics(stats).build().anyFirstContactReply());
    assertEquals(
        Optional.empty(), ConversationBuilder.conversation().build().anyFirstContactReply());
  }

  @Test
  void contacts_drop_blank_names_and_emails() {
    Contact contact =
        new Contact(
            new ContactId("1"),
            ContactRole.LEAD,
            Optional.of(" "),
            Optional.of(" r@x.example "),
            Instant.EPOCH,
            Map.of(),
            Map.of(),
            List.of());
    assertEquals(Optional.empty(), contact.name());
    assertEquals(Optional.of("r@x.example"), contact.email());
  }

  @Test
  void finds_image_sources_decoded_as_sanitized_html_escapes_them() {
    String html =
        "<p>see</p><div><img src=\"https://x.example/i/o/1?expires&#61;17&amp;signature&#61;ab\" /></div>"
            + "<IMG alt=\"b\" SRC=\"https://x.example/2.png\"><img alt=\"no source\">";
    assertEquals(
        java.util.List.of(
            "https://x.example/i/o/1?expires=17&signature=ab", "https://x.example/2.png"),
        Html.imageSources(html));
    assertEquals(java.util.List.of(), Html.imageSources(null));
    assertEquals("a=b&c<\"'>", Html.decode("a&#x3d;b&amp;c&lt;&quot;&#39;&gt;"));
  }

  @Test
  void rewrites_image_sources_and_leaves_those_it_is_told_to() {
    String html =
        "<p>a</p><img src=\"https://cdn.example/1.png?x&#61;1&amp;y&#61;2\" /><img alt=\"k\" src=\"https://cdn.example/keep.png\">";
    String rewritten =
        Html.replaceImageSources(
            html,
            url ->
                url.contains("1.png")
                    ? java.util.Optional.of("/api/v1/documents/9/files/f&1")
                    : java.util.Optional.empty());
    assertEquals(
        "<p>a</p><img src=\"/api/v1/documents/9/files/f&amp;1\" /><img alt=\"k\" src=\"https://cdn.example/keep.png\">",
        rewritten);
    assertEquals("", Html.replaceImageSources(null, url -> java.util.Optional.empty()));
  }
}
