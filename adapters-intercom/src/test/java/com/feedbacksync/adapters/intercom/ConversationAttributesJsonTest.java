package com.feedbacksync.adapters.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.domain.document.DocumentMapping;
import com.feedbacksync.domain.document.FeedbackDocument;
import com.feedbacksync.domain.document.MappingSettings;
import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Intercom's own conversation attributes as Document Info shows them: typed, under stable names,
 * absent when Intercom leaves them out; and the part counts that say whether Intercom cut the
 * conversation short. Expected values are read off the payloads by hand.
 */
class ConversationAttributesJsonTest {

  private static Map<String, AttributeValue> attributes(String fixture) {
    return IntercomJson.conversation(IntercomJsonTest.fixture(fixture)).intercomAttributes();
  }

  private static AttributeValue text(String s) {
    return AttributeValue.text(s);
  }

  private static AttributeValue number(String s) {
    return new AttributeValue.Number(new BigDecimal(s));
  }

  @Test
  void keeps_priority_assignees_rating_channel_sla_statistics_and_the_ai_agent_typed() {
    Map<String, AttributeValue> a =
        attributes("conversation-tags-custom-attributes-inline-image.json");
    assertEquals(text("Chart legend overlaps the axis"), a.get("title"));
    assertEquals(text("high"), a.get("priority"));
    assertEquals(text("7301245"), a.get("admin_assignee_id"));
    assertEquals(text("5017691"), a.get("team_assignee_id"));
    assertEquals(text("2026-08-01T16:00:00Z"), a.get("snoozed_until"));
    assertEquals(number("4"), a.get("conversation_rating.rating"));
    assertEquals(text("Quick answer, thanks"), a.get("conversation_rating.remark"));
    assertEquals(text("2026-07-29T07:10:00Z"), a.get("conversation_rating.created_at"));
    assertEquals(text("7301245"), a.get("conversation_rating.teammate.id"));
    assertEquals(text("admin"), a.get("conversation_rating.teammate.type"));
    assertEquals(text("66a1f0c2e4b0a1b2c3d4e5f6"), a.get("conversation_rating.contact.id"));
    assertEquals(text("conversation"), a.get("source.type"));
    assertEquals(text("customer_initiated"), a.get("source.delivered_as"));
    assertEquals(text("https://app.acme-saas.example/dashboards/42"), a.get("source.url"));
    assertEquals(text("user"), a.get("source.author.type"));
    assertEquals(text("Premium 1h first response"), a.get("sla_applied.sla_name"));
    assertEquals(text("hit"), a.get("sla_applied.sla_status"));
    assertEquals(number("800"), a.get("statistics.time_to_admin_reply"));
    assertEquals(number("0"), a.get("statistics.count_reopens"));
    assertEquals(number("5"), a.get("statistics.count_conversation_parts"));
    assertEquals(text("2026-07-29T04:53:20Z"), a.get("statistics.first_admin_reply_at"));
    assertEquals(AttributeValue.bool(true), a.get("ai_agent_participated"));
    assertEquals(text("Support triage"), a.get("ai_agent.source_title"));
    assertEquals(text("escalated"), a.get("ai_agent.resolution_state"));
    assertFalse(a.containsKey("ai_agent.rating"), "Intercom's null is absent");
    assertEquals(
        List.of(text("7301245")), ((AttributeValue.ListValue) a.get("teammates.ids")).values());
    // The custom attributes stay where they were, CX Score and all.
    assertFalse(a.containsKey("Product area"));
  }

  @Test
  void leaves_out_what_intercom_leaves_empty() {
    Map<String, AttributeValue> a = attributes("conversation-user-initiated-with-replies.json");
    assertFalse(a.containsKey("title"), "title null");
    assertFalse(a.containsKey("team_assignee_id"), "team 0 is nobody");
    assertFalse(a.containsKey("source.subject"), "subject \"\"");
    assertFalse(a.containsKey("waiting_since"));
    assertFalse(a.containsKey("statistics.adjusted_handling_time"));
    assertTrue(a.keySet().stream().noneMatch(k -> k.startsWith("conversation_rating")));
    assertEquals(text("7301245"), a.get("statistics.last_closed_by_id"));
    assertEquals(number("420"), a.get("statistics.median_time_to_reply"));

    Map<String, AttributeValue> outbound =
        attributes("conversation-outbound-with-customer-reply.json");
    assertFalse(outbound.containsKey("admin_assignee_id"), "admin 0 is nobody");
    assertFalse(outbound.containsKey("source.url"), "url null for e-mail");
    assertEquals(text("Your trial ends in 3 days"), outbound.get("source.subject"));
    assertEquals(text("automated"), outbound.get("source.delivered_as"));
    assertEquals(text("2026-07-28T03:40:00Z"), outbound.get("waiting_since"));
  }

  @Test
  void keeps_big_ids_exact_as_text_and_the_older_shapes() {
    Map<String, AttributeValue> a =
        IntercomJson.conversation(
                ProfileJsonTest.json(
                    "{\"id\":\"1\",\"created_at\":1785000000,\"priority\":\"not_priority\","
                        + "\"admin_assignee_id\":991267715123456789,\"team_assignee_id\":null,"
                        + "\"channel\":{\"initial\":\"email\",\"current\":\"messenger\"},"
                        + "\"source\":{\"subject\":\"<p>Re: <b>invoice</b></p>\"},"
                        + "\"conversation_rating\":{\"rating\":2,\"teammate\":{\"type\":\"workflow\",\"id\":5}}}"))
            .intercomAttributes();
    assertEquals(text("991267715123456789"), a.get("admin_assignee_id"));
    assertFalse(a.containsKey("team_assignee_id"));
    assertEquals(text("not_priority"), a.get("priority"));
    assertEquals(text("email"), a.get("channel.initial"));
    assertEquals(text("messenger"), a.get("channel.current"));
    assertEquals(text("Re: invoice"), a.get("source.subject"));
    assertEquals(text("workflow"), a.get("conversation_rating.teammate.type"));
    assertEquals(text("5"), a.get("conversation_rating.teammate.id"));
  }

  @Test
  void no_conversation_in_intercoms_own_examples_maps_to_a_null_or_blank_attribute() {
    List<String> bad = new ArrayList<>();
    ReplyRuleOnIntercomsOwnPayloadsTest.conversationExamples()
        .forEach(
            (name, json) ->
                IntercomJson.conversation(json)
                    .intercomAttributes()
                    .forEach(
                        (k, v) -> {
                          if (v instanceof AttributeValue.Null
                              || v.display().isBlank()
                              || v.display().equals("null")) {
                            bad.add(name + ": " + k + " = " + v);
                          }
                        }));
    assertEquals(List.of(), bad);
  }

  @Test
  void a_conversation_intercom_cut_short_says_so_with_both_counts() {
    // Intercom returns the 500 most recent parts; the statistics and total_count say 800.
    StringBuilder parts = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      parts
          .append(i == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(i)
          .append("\",\"part_type\":\"comment\",\"created_at\":")
          .append(1785000000 + i)
          .append(",\"author\":{\"type\":\"user\",\"id\":\"c1\"},\"body\":\"<p>more</p>\"}");
    }
    String json =
        "{\"id\":\"42\",\"created_at\":1785000000,\"source\":{\"delivered_as\":\"customer_initiated\","
            + "\"author\":{\"type\":\"user\",\"id\":\"c1\"},\"body\":\"<p>hi</p>\"},"
            + "\"statistics\":{\"count_conversation_parts\":%s},"
            + "\"conversation_parts\":{\"conversation_parts\":["
            + parts
            + "],\"total_count\":%s}}";
    Workspace ws = new Workspace(new WorkspaceId("abc12345"), "Acme", Region.US);
    DocumentMapping mapping = new DocumentMapping(MappingSettings.DEFAULT);
    for (String[] counts : new String[][] {{"800", "800"}, {"800", "500"}, {"500", "800"}}) {
      Conversation c =
          IntercomJson.conversation(ProfileJsonTest.json(json.formatted(counts[0], counts[1])));
      FeedbackDocument d = mapping.map(ws, c, Instant.EPOCH);
      assertEquals(800, d.parts().reported(), String.join("/", counts));
      assertEquals(500, d.parts().received());
      assertTrue(d.parts().truncatedByIntercom());
    }
    Conversation whole =
        IntercomJson.conversation(ProfileJsonTest.json(json.formatted("500", "500")));
    assertFalse(mapping.map(ws, whole, Instant.EPOCH).parts().truncatedByIntercom());
    assertEquals(500, mapping.map(ws, whole, Instant.EPOCH).parts().reported());
  }
}
