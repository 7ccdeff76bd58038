package com.feedbacksync.adapters.intercom;

import com.feedbacksync.domain.intercom.Attachment;
import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.Author;
import com.feedbacksync.domain.intercom.AuthorType;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationListing;
import com.feedbacksync.domain.intercom.ConversationState;
import com.feedbacksync.domain.intercom.DeliveredAs;
import com.feedbacksync.domain.intercom.Part;
import com.feedbacksync.domain.intercom.PartId;
import com.feedbacksync.domain.intercom.PartType;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Segment;
import com.feedbacksync.domain.intercom.Source;
import com.feedbacksync.domain.intercom.Statistics;
import com.feedbacksync.domain.intercom.Tag;
import com.feedbacksync.domain.intercom.TagId;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads Intercom's JSON into the domain, leniently: unknown fields are ignored, the 2.14/2.15
 * variants accepted (priority values, assignee 0 or null, owner_id string or number, custom
 * attributes of any JSON type, null attachment sizes), unknown part types kept; message HTML is
 * sanitized here ({@link SafeHtml}), so nothing downstream ever holds Intercom's raw markup. What
 * cannot be read at all (not JSON, no id) is a {@link Malformed} answer, which the caller retries.
 * Intercom's own conversation attributes are read by {@link ConversationAttributesJson}, contacts
 * and companies by {@link ProfileJson}.
 */
final class IntercomJson {

  /** Looked up once: {@code Json.*} looks the provider up through the class loaders every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** An answer that is not the JSON Intercom promises. */
  static final class Malformed extends RuntimeException {
    Malformed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private IntercomJson() {}

  static JsonObject parse(Reply reply) {
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(reply.body()))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      // Whatever the parser throws (JsonException, or a plain RuntimeException for nesting
      // deeper than its limit of 1,000) means the same: this answer cannot be read.
      throw new Malformed(
          "Intercom's answer is not a JSON object ("
              + reply.body().length
              + " bytes): "
              + e.getMessage(),
          e);
    }
  }

  static Workspace workspace(JsonObject me) {
    JsonObject app = object(me, "app").orElseThrow(() -> new Malformed("/me has no app", null));
    String id =
        text(app, "id_code").orElseThrow(() -> new Malformed("/me has no app.id_code", null));
    return new Workspace(
        new WorkspaceId(id),
        text(app, "name").orElse(id),
        Region.fromIntercom(text(app, "region").orElse(null)));
  }

  static ConversationListing listing(JsonObject c) {
    JsonObject source = object(c, "source").orElse(JsonValue.EMPTY_JSON_OBJECT);
    return new ConversationListing(
        conversationId(c),
        time(c, "created_at")
            .orElseThrow(() -> new Malformed("conversation without created_at", null)),
        time(c, "updated_at").or(() -> time(c, "created_at")).orElseThrow(),
        state(c),
        tags(c).stream().map(Tag::id).collect(Collectors.toSet()),
        statistics(c),
        DeliveredAs.fromIntercom(text(source, "delivered_as").orElse(null)),
        AuthorType.fromIntercom(
            object(source, "author").flatMap(a -> text(a, "type")).orElse(null)),
        // 2.16 says 0 for "unassigned"; older versions say null.
        text(c, "admin_assignee_id").filter(a -> !a.equals("0")),
        c.getBoolean("read", false),
        text(c, "priority").orElse(""),
        contactIds(c));
  }

  /** The conversation's contacts ({@code contacts.contacts[].id}), in Intercom's order. */
  private static List<ContactId> contactIds(JsonObject c) {
    return objects(object(c, "contacts").orElse(JsonValue.EMPTY_JSON_OBJECT), "contacts").stream()
        .map(ref -> text(ref, "id"))
        .flatMap(Optional::stream)
        .map(ContactId::new)
        .toList();
  }

  static Conversation conversation(JsonObject c) {
    JsonObject sourceJson = object(c, "source").orElse(JsonValue.EMPTY_JSON_OBJECT);
    Instant created =
        time(c, "created_at")
            .orElseThrow(() -> new Malformed("conversation without created_at", null));
    Source source =
        new Source(
            text(sourceJson, "type").orElse(null),
            DeliveredAs.fromIntercom(text(sourceJson, "delivered_as").orElse(null)),
            text(sourceJson, "subject").orElse(""),
            SafeHtml.sanitize(text(sourceJson, "body").orElse("")),
            author(object(sourceJson, "author")),
            attachments(sourceJson),
            sourceJson.getBoolean("redacted", false));
    JsonObject partsJson = object(c, "conversation_parts").orElse(JsonValue.EMPTY_JSON_OBJECT);
    List<Part> parts = new ArrayList<>();
    for (JsonObject p : objects(partsJson, "conversation_parts")) {
      Optional<String> id = text(p, "id");
      if (id.isEmpty()) {
        continue; // a part without an id cannot be referenced; nothing of it can be kept
      }
      parts.add(
          new Part(
              new PartId(id.get()),
              new PartType(text(p, "part_type").orElse(null)),
              SafeHtml.sanitize(text(p, "body").orElse("")),
              time(p, "created_at").or(() -> time(p, "updated_at")).orElse(created),
              author(object(p, "author")),
              attachments(p),
              objects(p, "tags").stream().map(IntercomJson::tag).flatMap(Optional::stream).toList(),
              p.getBoolean("redacted", false)));
    }
    // Intercom returns the 500 most recent parts; the list's total_count and the statistics say
    // how many there are. Whichever says more is the count the conversation is measured against.
    int total =
        Math.max(
            number(partsJson, "total_count").map(Long::intValue).orElse(parts.size()),
            object(c, "statistics")
                .flatMap(s -> number(s, "count_conversation_parts"))
                .map(Long::intValue)
                .orElse(0));
    return new Conversation(
        conversationId(c),
        text(c, "title").orElse(""),
        created,
        time(c, "updated_at").orElse(created),
        state(c),
        source,
        parts,
        total,
        tags(c),
        attributes(object(c, "custom_attributes")),
        statistics(c),
        object(c, "first_contact_reply").flatMap(f -> time(f, "created_at")),
        contactIds(c),
        ConversationAttributesJson.of(c));
  }

  static Optional<Segment> segment(JsonObject s) {
    return text(s, "id").map(id -> new Segment(id, text(s, "name").orElse(id)));
  }

  static Optional<Tag> tag(JsonObject t) {
    return text(t, "id")
        .map(
            id ->
                new Tag(
                    new TagId(id),
                    text(t, "name").orElse(id),
                    time(t, "applied_at"),
                    object(t, "applied_by")
                        .map(
                            by ->
                                Author.of(
                                    AuthorType.fromIntercom(text(by, "type").orElse(null)),
                                    text(by, "id").orElse(null),
                                    null,
                                    null))));
  }

  static List<JsonObject> objects(JsonObject parent, String field) {
    JsonValue v = parent.get(field);
    if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
      return List.of();
    }
    List<JsonObject> list = new ArrayList<>();
    for (JsonValue item : (JsonArray) v) {
      if (item.getValueType() == JsonValue.ValueType.OBJECT) {
        list.add(item.asJsonObject());
      }
    }
    return list;
  }

  static Optional<JsonObject> object(JsonObject parent, String field) {
    JsonValue v = parent.get(field);
    return v != null && v.getValueType() == JsonValue.ValueType.OBJECT
        ? Optional.of(v.asJsonObject())
        : Optional.empty();
  }

  /** Strings and numbers alike: Intercom sends ids both ways. */
  static Optional<String> text(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null) {
      return Optional.empty();
    }
    return switch (v.getValueType()) {
      case STRING -> Optional.of(((JsonString) v).getString());
      case NUMBER -> Optional.of(((JsonNumber) v).bigDecimalValue().toPlainString());
      default -> Optional.empty();
    };
  }

  static Optional<Long> number(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v instanceof JsonNumber n) {
      return Optional.of(n.longValue());
    }
    if (v instanceof JsonString s) {
      try {
        return Optional.of(Long.parseLong(s.getString().strip()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<Instant> time(JsonObject o, String field) {
    return number(o, field).filter(t -> t > 0).map(Instant::ofEpochSecond);
  }

  private static ConversationId conversationId(JsonObject c) {
    return new ConversationId(
        text(c, "id").orElseThrow(() -> new Malformed("conversation without id", null)));
  }

  private static ConversationState state(JsonObject c) {
    Optional<String> state = text(c, "state");
    if (state.isPresent() && Set.of("open", "closed", "snoozed").contains(state.get())) {
      return ConversationState.fromIntercom(state.get());
    }
    // Older answers carry only "open": true/false.
    return c.getBoolean("open", true) ? ConversationState.OPEN : ConversationState.CLOSED;
  }

  private static Statistics statistics(JsonObject c) {
    JsonObject s = object(c, "statistics").orElse(JsonValue.EMPTY_JSON_OBJECT);
    return new Statistics(
        time(s, "first_contact_reply_at"),
        time(s, "last_contact_reply_at"),
        time(s, "last_admin_reply_at"));
  }

  private static List<Tag> tags(JsonObject c) {
    return objects(object(c, "tags").orElse(JsonValue.EMPTY_JSON_OBJECT), "tags").stream()
        .map(IntercomJson::tag)
        .flatMap(Optional::stream)
        .toList();
  }

  private static Author author(Optional<JsonObject> author) {
    JsonObject a = author.orElse(JsonValue.EMPTY_JSON_OBJECT);
    return Author.of(
        AuthorType.fromIntercom(text(a, "type").orElse(null)),
        text(a, "id").orElse(null),
        text(a, "name").orElse(null),
        text(a, "email").orElse(null));
  }

  private static List<Attachment> attachments(JsonObject o) {
    List<Attachment> list = new ArrayList<>();
    for (JsonObject a : objects(o, "attachments")) {
      text(a, "url")
          .ifPresent(
              url ->
                  list.add(
                      new Attachment(
                          text(a, "name").orElse(null),
                          url,
                          text(a, "content_type").orElse(null),
                          number(a, "filesize")
                              .map(OptionalLong::of)
                              .orElse(OptionalLong.empty()))));
    }
    return list;
  }

  static Map<String, AttributeValue> attributes(Optional<JsonObject> attributes) {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    attributes.ifPresent(a -> a.forEach((k, v) -> map.put(k, value(v))));
    return map;
  }

  static AttributeValue value(JsonValue v) {
    return switch (v.getValueType()) {
      case STRING -> new AttributeValue.Text(((JsonString) v).getString());
      case NUMBER -> new AttributeValue.Number(((JsonNumber) v).bigDecimalValue());
      case TRUE -> new AttributeValue.Bool(true);
      case FALSE -> new AttributeValue.Bool(false);
      case NULL -> new AttributeValue.Null();
      case ARRAY ->
          new AttributeValue.ListValue(v.asJsonArray().stream().map(IntercomJson::value).toList());
      case OBJECT -> {
        Map<String, AttributeValue> fields = new LinkedHashMap<>();
        v.asJsonObject().forEach((k, x) -> fields.put(k, value(x)));
        yield new AttributeValue.ObjectValue(fields);
      }
    };
  }
}
