package com.feedbacksync.adapters.intercom;

import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.Html;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Intercom's own attributes of a conversation, for Document Info: what a researcher filters and
 * quotes by (priority, who it was assigned to, the rating, the channel and the page or e-mail it
 * started from, the SLA, the AI agent's part, the statistics), typed and under stable names by
 * {@link AttributeFlattening}. The conversation names admins and teams by id only; their names are
 * not in it, so ids are kept ({@code admin_assignee_id}, {@code team_assignee_id}, {@code
 * conversation_rating.teammate.id}).
 */
final class ConversationAttributesJson {

  /**
   * The top-level fields kept, flattened under their own names. The rest of a conversation is the
   * document itself (id, times, state, tags, custom attributes, parts) or message content.
   */
  static final List<String> KEPT =
      List.of(
          "title",
          "priority",
          "admin_assignee_id",
          "team_assignee_id",
          "read",
          "waiting_since",
          "snoozed_until",
          "company",
          "conversation_rating",
          "channel",
          "sla_applied",
          "statistics",
          "first_contact_reply",
          "ai_agent_participated",
          "ai_agent",
          "ai_topics",
          "topics",
          "sales_agent_participated",
          "sales_agent",
          "teammates",
          "contacts",
          "linked_objects",
          "external_references");

  /**
   * The fields of {@code source} kept as {@code source.*}: where and how it started. Its body and
   * attachments are the opening message; its author's name and e-mail are that message's author.
   */
  static final List<String> SOURCE_KEPT = List.of("type", "delivered_as", "url", "id");

  /** Assignee fields whose 0 (2.16) or null (older) means "nobody". */
  private static final List<String> ASSIGNEES = List.of("admin_assignee_id", "team_assignee_id");

  private ConversationAttributesJson() {}

  static Map<String, AttributeValue> of(JsonObject c) {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    for (String field : KEPT) {
      if (ASSIGNEES.contains(field)
          && IntercomJson.text(c, field).filter("0"::equals).isPresent()) {
        continue;
      }
      AttributeFlattening.put(attributes, field, c.get(field));
    }
    // Whether an admin or a workflow asked for the rating (2.17 says "workflow"): the one kind
    // marker worth keeping.
    IntercomJson.object(c, "conversation_rating")
        .flatMap(r -> IntercomJson.object(r, "teammate"))
        .flatMap(t -> IntercomJson.text(t, "type"))
        .ifPresent(
            t -> attributes.put("conversation_rating.teammate.type", AttributeValue.text(t)));
    JsonObject source = IntercomJson.object(c, "source").orElse(JsonValue.EMPTY_JSON_OBJECT);
    for (String field : SOURCE_KEPT) {
      AttributeFlattening.put(attributes, "source." + field, source.get(field));
    }
    // The subject is HTML by default (plain text with display_as=plaintext): kept as its words.
    IntercomJson.text(source, "subject")
        .map(Html::toText)
        .filter(s -> !s.isBlank())
        .ifPresent(s -> attributes.put("source.subject", AttributeValue.text(s)));
    IntercomJson.object(source, "author")
        .ifPresent(
            a -> {
              AttributeFlattening.put(attributes, "source.author.type", a.get("type"));
              AttributeFlattening.put(attributes, "source.author.id", a.get("id"));
            });
    return attributes;
  }
}
