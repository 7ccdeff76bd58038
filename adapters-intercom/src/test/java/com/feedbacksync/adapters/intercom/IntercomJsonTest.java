package com.feedbacksync.adapters.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.AuthorType;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ContactRole;
import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.ConversationListing;
import com.feedbacksync.domain.intercom.ConversationState;
import com.feedbacksync.domain.intercom.DeliveredAs;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.sync.ReplyRequiredFilter;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every payload in shared/intercom-fixtures reads into the domain as its README describes. */
class IntercomJsonTest {

  static JsonObject fixture(String name) {
    try (InputStream in =
        IntercomJsonTest.class.getResourceAsStream("/intercom-fixtures/" + name)) {
      return IntercomJson.parse(new Reply(200, Map.of(), in.readAllBytes()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}: a customer replied = {1}")
  @CsvSource({
    "conversation-user-initiated-with-replies.json, true",
    "conversation-outbound-no-reply.json, false",
    "conversation-outbound-with-customer-reply.json, true",
    "conversation-tags-custom-attributes-inline-image.json, true"
  })
  void reads_each_conversation_fixture_and_the_filter_agrees_with_its_readme(
      String file, boolean kept) {
    Conversation c = IntercomJson.conversation(fixture(file));
    assertEquals(kept, new ReplyRequiredFilter().judge(c).kept());
  }

  @Test
  void reads_tags_attributes_parts_and_attachments_of_any_json_type() {
    Conversation c =
        IntercomJson.conversation(fixture("conversation-tags-custom-attributes-inline-image.json"));
    assertEquals("215474154280003", c.id().value());
    assertEquals(ConversationState.SNOOZED, c.state());
    assertEquals(List.of("9001", "9002"), c.tags().stream().map(t -> t.id().value()).toList());
    assertEquals(AuthorType.ADMIN, c.tags().get(0).appliedBy().orElseThrow().type());
    assertEquals(new AttributeValue.Bool(true), c.customAttributes().get("Is regression"));
    assertEquals(
        new AttributeValue.Number(new BigDecimal("49.5")),
        c.customAttributes().get("Refund amount"));
    assertEquals(5, c.parts().size());
    assertEquals("conversation_attribute_updated_by_admin", c.parts().get(2).type().value());
    assertEquals("9001", c.parts().get(1).tags().get(0).id().value());
    assertEquals("text/csv", c.source().attachments().get(0).contentType());
    assertTrue(c.source().body().contains("<img src="));
    assertEquals(AuthorType.BOT, c.parts().get(0).author().type());
  }

  @Test
  void reads_an_outbound_conversation_without_statistics() {
    Conversation c = IntercomJson.conversation(fixture("conversation-outbound-no-reply.json"));
    assertEquals(DeliveredAs.ADMIN_INITIATED, c.source().deliveredAs());
    assertEquals(Optional.empty(), c.anyFirstContactReply());
    assertEquals(List.of(), c.parts());
  }

  @Test
  void reads_listings_of_a_search_page_without_parts() {
    JsonObject page = fixture("search-conversations-response.json");
    List<ConversationListing> listings =
        IntercomJson.objects(page, "conversations").stream().map(IntercomJson::listing).toList();
    assertEquals(2, listings.size());
    assertEquals(Optional.of("7301245"), listings.get(0).adminAssigneeId());
    assertTrue(listings.get(0).statistics().lastAdminReplyAt().isPresent());
    assertEquals(
        List.of(new ContactId("66a1f0c2e4b0a1b2c3d4e5f6")),
        listings.get(0).contactIds(),
        "the customers, to look up ahead of the fetches");
  }

  @Test
  void reads_a_contact_with_its_custom_attributes_and_company() {
    var contact = ProfileJson.contact(fixture("contact-with-custom-attributes-and-company.json"));
    assertEquals(ContactRole.USER, contact.role());
    assertEquals(Optional.of("Casey Customer"), contact.name());
    assertEquals(
        new AttributeValue.Number(BigDecimal.valueOf(12)), contact.customAttributes().get("seats"));
    assertEquals(new AttributeValue.Text("7301246"), contact.standardAttributes().get("owner_id"));
    assertEquals(
        new AttributeValue.Text("Dublin"), contact.standardAttributes().get("location.city"));
    assertEquals("6762f07f1bb69f9f2193baf5", contact.companyIds().get(0).value());
    assertFalse(contact.moreCompanies(), "its one company is listed");
  }

  @Test
  void knows_when_a_contact_lists_only_some_of_its_companies() {
    JsonObject contact = fixture("contact-with-custom-attributes-and-company.json");
    JsonObject companies = contact.getJsonObject("companies");
    JsonObject more =
        jakarta.json.Json.createObjectBuilder(contact)
            .add(
                "companies",
                jakarta.json.Json.createObjectBuilder(companies)
                    .add("total_count", 12)
                    .add("has_more", true))
            .build();
    assertTrue(ProfileJson.contact(more).moreCompanies(), "has_more");
    JsonObject countOnly =
        jakarta.json.Json.createObjectBuilder(contact)
            .add(
                "companies", jakarta.json.Json.createObjectBuilder(companies).add("total_count", 2))
            .build();
    assertTrue(ProfileJson.contact(countOnly).moreCompanies(), "a total above what is listed");
  }

  @Test
  void reads_a_company_its_plan_and_the_segments() {
    var company = ProfileJson.company(fixture("company.json"));
    assertEquals("Example Analytics Ltd", company.name());
    assertEquals(new AttributeValue.Text("Pro"), company.standardAttributes().get("plan"));
    assertEquals(new AttributeValue.Bool(false), company.customAttributes().get("churn_risk"));
    assertEquals(
        List.of("Active", "Pro plan"),
        IntercomJson.objects(fixture("contact-segments.json"), "data").stream()
            .map(IntercomJson::segment)
            .map(s -> s.orElseThrow().name())
            .toList());
  }

  @Test
  void reads_the_workspace_and_its_region_from_me() {
    Workspace w = IntercomJson.workspace(fixture("me.json"));
    assertEquals("abc12345", w.id().value());
    assertEquals("Acme SaaS", w.name());
    assertEquals(Region.EU, w.region());
  }

  @Test
  void accepts_the_older_shapes_and_unknown_fields() {
    String old =
        "{\"type\":\"conversation\",\"id\":215474154263922,\"created_at\":1785000000,\"updated_at\":1785000001,"
            + "\"open\":false,\"priority\":\"not_priority\",\"admin_assignee_id\":null,\"brand_new_field\":{\"x\":[1,2]},"
            + "\"source\":{\"delivered_as\":\"customer_initiated\",\"author\":{\"type\":\"user\",\"id\":\"c1\"},\"body\":\"<p>hi</p>\","
            + "\"attachments\":[{\"url\":\"https://downloads.intercomcdn.com/x.csv\",\"width\":null,\"height\":null}]},"
            + "\"conversation_parts\":{\"conversation_parts\":[{\"id\":1,\"part_type\":\"call_summary\",\"created_at\":1785000001,"
            + "\"author\":{\"type\":\"admin\",\"id\":7}}],\"total_count\":1}}";
    Conversation c =
        IntercomJson.conversation(IntercomJson.parse(new Reply(200, Map.of(), old.getBytes())));
    assertEquals("215474154263922", c.id().value());
    assertEquals(ConversationState.CLOSED, c.state());
    assertEquals("call_summary", c.parts().get(0).type().value());
    ConversationListing l =
        IntercomJson.listing(IntercomJson.parse(new Reply(200, Map.of(), old.getBytes())));
    assertEquals(Optional.empty(), l.adminAssigneeId());
    assertEquals("not_priority", l.priority());
  }

  @Test
  void refuses_what_is_not_intercoms_json() {
    assertThrows(
        IntercomJson.Malformed.class,
        () -> IntercomJson.parse(new Reply(200, Map.of(), "{\"type\":\"conv".getBytes())));
    assertThrows(
        IntercomJson.Malformed.class,
        () -> IntercomJson.parse(new Reply(200, Map.of(), "[1]".getBytes())));
    assertThrows(
        IntercomJson.Malformed.class,
        () ->
            IntercomJson.conversation(
                IntercomJson.parse(
                    new Reply(200, Map.of(), "{\"type\":\"conversation\"}".getBytes()))));
  }

  @ParameterizedTest(name = "custom attribute nested {0} deep")
  @org.junit.jupiter.params.provider.ValueSource(ints = {40, 900})
  void keeps_a_deeply_nested_attribute_whole(int depth) {
    Conversation c = IntercomJson.conversation(IntercomJson.parse(nested(depth)));
    AttributeValue v = c.customAttributes().get("deep");
    int levels = 0;
    while (v instanceof AttributeValue.ObjectValue o) {
      v = o.fields().get("a");
      levels++;
    }
    assertEquals(depth, levels);
    assertEquals(new AttributeValue.Number(BigDecimal.ONE), v);
  }

  @ParameterizedTest(name = "custom attribute nested {0} deep")
  @org.junit.jupiter.params.provider.ValueSource(ints = {1_001, 200_000})
  void refuses_nesting_beyond_the_parsers_limit_as_an_unreadable_answer(int depth) {
    IntercomJson.Malformed refused =
        assertThrows(IntercomJson.Malformed.class, () -> IntercomJson.parse(nested(depth)));
    assertTrue(refused.getMessage().contains("nested"), refused.getMessage());
  }

  private static Reply nested(int depth) {
    String deep = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    return new Reply(
        200,
        Map.of(),
        ("{\"type\":\"conversation\",\"id\":\"1\",\"created_at\":1,\"updated_at\":1,"
                + "\"custom_attributes\":{\"deep\":"
                + deep
                + "}}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "company.json",
        "contact-companies.json",
        "contact-segments.json",
        "contact-with-custom-attributes-and-company.json",
        "conversation-outbound-no-reply.json",
        "conversation-outbound-with-customer-reply.json",
        "conversation-tags-custom-attributes-inline-image.json",
        "conversation-user-initiated-with-replies.json",
        "error-401-unauthorized.json",
        "error-403-api-plan-restricted.json",
        "error-404-not-found.json",
        "error-429-rate-limit.json",
        "list-conversations-page.json",
        "me.json",
        "oauth-token-response.json",
        "search-conversations-request.json",
        "search-conversations-response-last-page.json",
        "search-conversations-response.json",
        "webhook-conversation-user-replied.json"
      })
  void reads_every_shared_fixture(String file) {
    JsonObject json = fixture(file);
    switch (file) {
      // Each item is read (count() on a sized stream would skip map and so the reader).
      case "list-conversations-page.json" ->
          assertEquals(
              List.of("215474154280003", "215474154270002"),
              IntercomJson.objects(json, "conversations").stream()
                  .map(IntercomJson::listing)
                  .map(l -> l.id().value())
                  .toList());
      case "search-conversations-response.json" ->
          assertEquals(
              List.of("215474154263922", "215474154270002"),
              IntercomJson.objects(json, "conversations").stream()
                  .map(IntercomJson::listing)
                  .map(l -> l.id().value())
                  .toList());
      case "search-conversations-response-last-page.json" ->
          assertEquals(
              List.of("215474154280003"),
              IntercomJson.objects(json, "conversations").stream()
                  .map(IntercomJson::listing)
                  .map(l -> l.id().value())
                  .toList());
      case "contact-companies.json" ->
          assertEquals(
              List.of("Example Analytics Ltd"),
              IntercomJson.objects(json, "companies").stream()
                  .map(ProfileJson::company)
                  .map(c -> c.name())
                  .toList());
      case "webhook-conversation-user-replied.json" ->
          assertEquals("conversation.user.replied", json.getString("topic"));
      case "oauth-token-response.json" ->
          assertTrue(IntercomJson.text(json, "access_token").isPresent());
      default -> assertTrue(!json.isEmpty());
    }
  }

  @Test
  void reads_the_conversation_a_webhook_carries() {
    JsonObject item =
        fixture("webhook-conversation-user-replied.json")
            .getJsonObject("data")
            .getJsonObject("item");
    Conversation c = IntercomJson.conversation(item);
    assertTrue(new ReplyRequiredFilter().judge(c).kept());
  }
}
