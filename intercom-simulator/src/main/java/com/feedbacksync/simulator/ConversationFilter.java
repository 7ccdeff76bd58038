package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Model.AppliedTag;
import com.feedbacksync.simulator.Model.Conversation;
import com.feedbacksync.simulator.Search.BadRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Compiles a conversation search's {@code query} (fields compared by the 2.16 operators, in AND/OR
 * groups) into a test of a conversation.
 */
final class ConversationFilter {

  static final Set<String> FIELDS =
      Set.of(
          "id",
          "created_at",
          "updated_at",
          "state",
          "open",
          "read",
          "priority",
          "source.type",
          "source.delivered_as",
          "source.author.type",
          "source.author.id",
          "contact_ids",
          "tag_ids",
          "admin_assignee_id",
          "statistics.first_contact_reply_at",
          "statistics.last_contact_reply_at",
          "statistics.last_admin_reply_at");
  private static final Set<String> OPERATORS =
      Set.of("=", "!=", "IN", "NIN", ">", "<", "~", "!~", "^", "$");

  private ConversationFilter() {}

  static Predicate<Conversation> compile(JsonNode query, int depth) {
    if (!query.isObject()) {
      throw new BadRequest("parameter_invalid", "a query is an object");
    }
    String operator = query.path("operator").asString("");
    if (operator.equals("AND") || operator.equals("OR")) {
      if (depth >= 2) {
        throw new BadRequest("parameter_invalid", "at most 2 nested filters are allowed");
      }
      JsonNode value = query.path("value");
      if (!value.isArray() || value.isEmpty() || value.size() > 15) {
        throw new BadRequest("parameter_invalid", "an AND/OR group holds 1 to 15 filters");
      }
      List<Predicate<Conversation>> parts = new ArrayList<>();
      value.forEach(v -> parts.add(compile(v, depth + 1)));
      return operator.equals("AND")
          ? c -> parts.stream().allMatch(p -> p.test(c))
          : c -> parts.stream().anyMatch(p -> p.test(c));
    }
    String field = query.path("field").asString(null);
    if (field == null || !FIELDS.contains(field)) {
      throw new BadRequest("parameter_invalid", "field " + field + " is not searchable");
    }
    if (!OPERATORS.contains(operator)) {
      throw new BadRequest("parameter_invalid", "operator " + operator + " is not supported");
    }
    JsonNode value = query.get("value");
    if (value == null) {
      throw new BadRequest("parameter_not_found", "value is required");
    }
    return c -> test(valueOf(c, field), operator, value);
  }

  static Object valueOf(Conversation c, String field) {
    return switch (field) {
      case "id" -> Long.parseLong(c.id);
      case "created_at" -> c.createdAt;
      case "updated_at" -> c.updatedAt;
      case "state" -> c.state;
      case "open" -> !c.state.equals("closed");
      case "read" -> c.read;
      case "priority" -> c.priority;
      case "source.type" -> c.sourceType;
      case "source.delivered_as" -> c.deliveredAs;
      case "source.author.type" -> c.sourceAuthorType;
      case "source.author.id" -> c.sourceAuthorId;
      case "contact_ids" -> List.of(c.contactId);
      case "tag_ids" -> c.tags.stream().map(AppliedTag::id).toList();
      case "admin_assignee_id" -> c.adminAssigneeId;
      case "statistics.first_contact_reply_at" -> c.firstContactReplyAt;
      case "statistics.last_contact_reply_at" -> c.lastContactReplyAt;
      case "statistics.last_admin_reply_at" -> c.lastAdminReplyAt;
      default -> throw new IllegalArgumentException(field);
    };
  }

  private static boolean test(Object actual, String operator, JsonNode value) {
    if (actual instanceof List<?> list) {
      return switch (operator) {
        case "=", "IN" -> values(value).stream().anyMatch(v -> list.contains(v));
        case "!=", "NIN" -> values(value).stream().noneMatch(v -> list.contains(v));
        default ->
            throw new BadRequest("parameter_invalid", operator + " does not apply to a list field");
      };
    }
    if (value.isNull()) {
      return switch (operator) {
        case "=" -> actual == null;
        case "!=" -> actual != null;
        default -> throw new BadRequest("parameter_invalid", "null compares with = and != only");
      };
    }
    if (actual == null) {
      return operator.equals("!=") || operator.equals("NIN") || operator.equals("!~");
    }
    if (actual instanceof Long number) {
      return switch (operator) {
        case "=" -> number == asLong(value);
        case "!=" -> number != asLong(value);
        case ">" -> number >= asLong(value);
        case "<" -> number <= asLong(value);
        case "IN" -> values(value).stream().anyMatch(v -> number == Long.parseLong(v));
        case "NIN" -> values(value).stream().noneMatch(v -> number == Long.parseLong(v));
        default ->
            throw new BadRequest("parameter_invalid", operator + " does not apply to a number");
      };
    }
    String text = String.valueOf(actual);
    return switch (operator) {
      case "=" -> text.equals(value.asString());
      case "!=" -> !text.equals(value.asString());
      case "IN" -> values(value).contains(text);
      case "NIN" -> !values(value).contains(text);
      case "~" -> text.contains(value.asString());
      case "!~" -> !text.contains(value.asString());
      case "^" -> text.startsWith(value.asString());
      case "$" -> text.endsWith(value.asString());
      default -> throw new BadRequest("parameter_invalid", operator + " does not apply to text");
    };
  }

  private static long asLong(JsonNode value) {
    if (value.isNumber()) {
      return value.asLong();
    }
    try {
      return Long.parseLong(value.asString());
    } catch (NumberFormatException e) {
      throw new BadRequest("parameter_invalid", "value must be a number");
    }
  }

  private static List<String> values(JsonNode value) {
    List<String> list = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(v -> list.add(v.asString()));
    } else {
      list.add(value.asString());
    }
    return list;
  }
}
