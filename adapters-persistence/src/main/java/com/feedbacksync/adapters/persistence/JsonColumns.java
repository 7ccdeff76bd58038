package com.feedbacksync.adapters.persistence;

import com.feedbacksync.domain.document.DocumentMessage;
import com.feedbacksync.domain.document.MessageKind;
import com.feedbacksync.domain.intercom.Attachment;
import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.Author;
import com.feedbacksync.domain.intercom.AuthorType;
import com.feedbacksync.domain.intercom.CompanyId;
import com.feedbacksync.domain.intercom.PartId;
import com.feedbacksync.domain.intercom.TagId;
import com.feedbacksync.domain.profile.CompanyRef;
import com.feedbacksync.domain.sync.FlatTag;
import com.feedbacksync.domain.sync.TagProvenance;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The JSON kept in text columns: messages, tags with provenance, attributes, lists. */
final class JsonColumns {

  /** Looked up once: {@code Json.*} looks the provider up through the class loaders every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private JsonColumns() {}

  static String messages(List<DocumentMessage> messages) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (DocumentMessage m : messages) {
      JsonArrayBuilder files = JSON.createArrayBuilder();
      for (Attachment a : m.attachments()) {
        JsonObjectBuilder file =
            JSON.createObjectBuilder()
                .add("name", a.name())
                .add("url", a.url())
                .add("content_type", a.contentType());
        a.sizeBytes().ifPresent(size -> file.add("size", size));
        if (a.tooLarge()) {
          file.add("too_large", true);
        }
        files.add(file);
      }
      array.add(
          JSON.createObjectBuilder()
              .add("id", m.id())
              .add("kind", m.kind().name())
              .add("author", author(m.author()))
              .add("created_at", m.createdAt().toString())
              .add("html", m.html())
              .add("attachments", files)
              .add("redacted", m.redacted()));
    }
    return array.build().toString();
  }

  static String tags(List<FlatTag> tags) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (FlatTag t : tags) {
      JsonArrayBuilder provenance = JSON.createArrayBuilder();
      for (TagProvenance p : t.provenance()) {
        JsonObjectBuilder o = JSON.createObjectBuilder();
        p.part().ifPresent(part -> o.add("part_id", part.value()));
        p.appliedAt().ifPresent(at -> o.add("applied_at", at.toString()));
        p.appliedBy().ifPresent(by -> o.add("applied_by", author(by)));
        provenance.add(o);
      }
      array.add(
          JSON.createObjectBuilder()
              .add("id", t.id().value())
              .add("name", t.name())
              .add("provenance", provenance));
    }
    return array.build().toString();
  }

  static String attributes(Map<String, AttributeValue> attributes) {
    return attributesObject(attributes).build().toString();
  }

  private static JsonObjectBuilder attributesObject(Map<String, AttributeValue> attributes) {
    JsonObjectBuilder o = JSON.createObjectBuilder();
    attributes.forEach((k, v) -> o.add(k, value(v)));
    return o;
  }

  static String strings(Collection<String> values) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    values.forEach(array::add);
    return array.build().toString();
  }

  static String companies(List<CompanyRef> companies) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    companies.forEach(
        c ->
            array.add(
                JSON.createObjectBuilder()
                    .add("id", c.id().value())
                    .add("name", c.name())
                    .add("properties", attributesObject(c.properties()))));
    return array.build().toString();
  }

  private static JsonObjectBuilder author(Author a) {
    JsonObjectBuilder o =
        JSON.createObjectBuilder().add("type", a.type().name().toLowerCase(Locale.ROOT));
    add(o, "id", a.id());
    add(o, "name", a.name());
    add(o, "email", a.email());
    return o;
  }

  private static void add(JsonObjectBuilder o, String field, Optional<String> value) {
    value.ifPresent(v -> o.add(field, v));
  }

  private static JsonValue value(AttributeValue v) {
    if (v instanceof AttributeValue.Text t) {
      return JSON.createValue(t.value());
    }
    if (v instanceof AttributeValue.Number n) {
      return JSON.createValue(n.value());
    }
    if (v instanceof AttributeValue.Bool b) {
      return b.value() ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (v instanceof AttributeValue.ListValue l) {
      JsonArrayBuilder array = JSON.createArrayBuilder();
      l.values().forEach(x -> array.add(value(x)));
      return array.build();
    }
    if (v instanceof AttributeValue.ObjectValue o) {
      JsonObjectBuilder object = JSON.createObjectBuilder();
      o.fields().forEach((k, x) -> object.add(k, value(x)));
      return object.build();
    }
    return JsonValue.NULL;
  }

  // Reading back: the inverse of the writers above, for the admin API.

  static List<DocumentMessage> readMessages(String json) {
    List<DocumentMessage> messages = new ArrayList<>();
    for (JsonValue v : array(json)) {
      JsonObject m = v.asJsonObject();
      List<Attachment> attachments = new ArrayList<>();
      for (JsonValue f : m.getJsonArray("attachments")) {
        JsonObject file = f.asJsonObject();
        attachments.add(
            new Attachment(
                file.getString("name"),
                file.getString("url", ""),
                file.getString("content_type"),
                file.containsKey("size")
                    ? OptionalLong.of(file.getJsonNumber("size").longValue())
                    : OptionalLong.empty(),
                file.getBoolean("too_large", false)));
      }
      messages.add(
          new DocumentMessage(
              m.getString("id"),
              MessageKind.valueOf(m.getString("kind")),
              readAuthor(m.getJsonObject("author")),
              instant(m.get("created_at")),
              m.getString("html"),
              attachments,
              m.getBoolean("redacted")));
    }
    return messages;
  }

  static List<FlatTag> readTags(String json) {
    List<FlatTag> tags = new ArrayList<>();
    for (JsonValue v : array(json)) {
      JsonObject t = v.asJsonObject();
      List<TagProvenance> provenance = new ArrayList<>();
      for (JsonValue p : t.getJsonArray("provenance")) {
        JsonObject o = p.asJsonObject();
        provenance.add(
            new TagProvenance(
                Optional.ofNullable(o.getString("part_id", null)).map(PartId::new),
                Optional.ofNullable(o.get("applied_at")).map(JsonColumns::instant),
                Optional.ofNullable(o.getJsonObject("applied_by")).map(JsonColumns::readAuthor)));
      }
      tags.add(new FlatTag(new TagId(t.getString("id")), t.getString("name"), provenance));
    }
    return tags;
  }

  /**
   * Only the tags' names, as a list shows them. A profile of the document list had the full read
   * (every provenance's time parsed, its author built) at a sixth of a request's CPU.
   */
  static List<String> readTagNames(String json) {
    List<String> names = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(new StringReader(json))) {
      int depth = 0;
      while (parser.hasNext()) {
        switch (parser.next()) {
          case START_ARRAY, START_OBJECT -> depth++;
          case END_ARRAY, END_OBJECT -> depth--;
          case KEY_NAME -> {
            // Depth 2 is a tag's own object; the authors inside its provenance have names too.
            if (depth == 2 && parser.getString().equals("name")) {
              parser.next();
              names.add(parser.getString());
            }
          }
          default -> {}
        }
      }
    }
    return names;
  }

  static Map<String, AttributeValue> readAttributes(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return attributesOf(reader.readObject());
    }
  }

  private static Map<String, AttributeValue> attributesOf(JsonObject object) {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    object.forEach((k, v) -> attributes.put(k, attribute(v)));
    return attributes;
  }

  static List<String> readStrings(String json) {
    return array(json).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  static List<CompanyRef> readCompanies(String json) {
    return array(json).stream()
        .map(JsonValue::asJsonObject)
        .map(
            c ->
                new CompanyRef(
                    new CompanyId(c.getString("id")),
                    c.getString("name"),
                    // Rows written before every company kept its properties have none.
                    c.containsKey("properties")
                        ? attributesOf(c.getJsonObject("properties"))
                        : Map.of()))
        .toList();
  }

  private static JsonArray array(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.readArray();
    }
  }

  private static Author readAuthor(JsonObject o) {
    return Author.of(
        AuthorType.fromIntercom(o.getString("type")),
        o.getString("id", null),
        o.getString("name", null),
        o.getString("email", null));
  }

  /** ISO-8601 since V8; epoch seconds in rows written before. */
  private static Instant instant(JsonValue v) {
    return v.getValueType() == JsonValue.ValueType.NUMBER
        ? Instant.ofEpochSecond(((JsonNumber) v).longValue())
        : Instant.parse(((JsonString) v).getString());
  }

  private static AttributeValue attribute(JsonValue v) {
    return switch (v.getValueType()) {
      case STRING -> new AttributeValue.Text(((JsonString) v).getString());
      case NUMBER -> new AttributeValue.Number(((JsonNumber) v).bigDecimalValue());
      case TRUE -> new AttributeValue.Bool(true);
      case FALSE -> new AttributeValue.Bool(false);
      case ARRAY ->
          new AttributeValue.ListValue(
              v.asJsonArray().stream().map(JsonColumns::attribute).toList());
      case OBJECT -> {
        Map<String, AttributeValue> fields = new LinkedHashMap<>();
        v.asJsonObject().forEach((k, x) -> fields.put(k, attribute(x)));
        yield new AttributeValue.ObjectValue(fields);
      }
      case NULL -> new AttributeValue.Null();
    };
  }

  /** An outbox event's data: strings, longs and booleans, flat. */
  static String eventData(Map<String, Object> data) {
    JsonObjectBuilder o = JSON.createObjectBuilder();
    data.forEach(
        (key, value) -> {
          if (value instanceof Long n) {
            o.add(key, n);
          } else if (value instanceof Boolean b) {
            o.add(key, b);
          } else {
            o.add(key, (String) value);
          }
        });
    return o.build().toString();
  }

  static Map<String, Object> eventData(String json) {
    Map<String, Object> data = new LinkedHashMap<>();
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      reader
          .readObject()
          .forEach(
              (key, value) ->
                  data.put(
                      key,
                      switch (value.getValueType()) {
                        case NUMBER -> ((JsonNumber) value).longValueExact();
                        case TRUE -> Boolean.TRUE;
                        case FALSE -> Boolean.FALSE;
                        default -> ((JsonString) value).getString();
                      }));
    }
    return data;
  }
}
