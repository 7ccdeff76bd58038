package com.feedbacksync.adapters.persistence;

import com.feedbacksync.domain.document.DocumentMessage;
import com.feedbacksync.domain.intercom.Attachment;
import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.Author;
import com.feedbacksync.domain.profile.CompanyRef;
import com.feedbacksync.domain.sync.FlatTag;
import com.feedbacksync.domain.sync.TagProvenance;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON kept in text columns: messages, tags with provenance, attributes, lists. */
final class JsonColumns {

  private JsonColumns() {}

  static String messages(List<DocumentMessage> messages) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (DocumentMessage m : messages) {
      JsonArrayBuilder files = Json.createArrayBuilder();
      for (Attachment a : m.attachments()) {
        JsonObjectBuilder file =
            Json.createObjectBuilder().add("name", a.name()).add("content_type", a.contentType());
        a.sizeBytes().ifPresent(size -> file.add("size", size));
        files.add(file);
      }
      array.add(
          Json.createObjectBuilder()
              .add("id", m.id())
              .add("kind", m.kind().name())
              .add("author", author(m.author()))
              .add("created_at", m.createdAt().getEpochSecond())
              .add("html", m.html())
              .add("attachments", files)
              .add("redacted", m.redacted()));
    }
    return array.build().toString();
  }

  static String tags(List<FlatTag> tags) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (FlatTag t : tags) {
      JsonArrayBuilder provenance = Json.createArrayBuilder();
      for (TagProvenance p : t.provenance()) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        p.part().ifPresent(part -> o.add("part_id", part.value()));
        p.appliedAt().ifPresent(at -> o.add("applied_at", at.getEpochSecond()));
        p.appliedBy().ifPresent(by -> o.add("applied_by", author(by)));
        provenance.add(o);
      }
      array.add(
          Json.createObjectBuilder()
              .add("id", t.id().value())
              .add("name", t.name())
              .add("provenance", provenance));
    }
    return array.build().toString();
  }

  static String attributes(Map<String, AttributeValue> attributes) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    attributes.forEach((k, v) -> o.add(k, value(v)));
    return o.build().toString();
  }

  static String strings(Collection<String> values) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    values.forEach(array::add);
    return array.build().toString();
  }

  static String companies(List<CompanyRef> companies) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    companies.forEach(
        c -> array.add(Json.createObjectBuilder().add("id", c.id().value()).add("name", c.name())));
    return array.build().toString();
  }

  private static JsonObjectBuilder author(Author a) {
    JsonObjectBuilder o =
        Json.createObjectBuilder().add("type", a.type().name().toLowerCase(java.util.Locale.ROOT));
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
      return Json.createValue(t.value());
    }
    if (v instanceof AttributeValue.Number n) {
      return Json.createValue(n.value());
    }
    if (v instanceof AttributeValue.Bool b) {
      return b.value() ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (v instanceof AttributeValue.ListValue l) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      l.values().forEach(x -> array.add(value(x)));
      return array.build();
    }
    if (v instanceof AttributeValue.ObjectValue o) {
      JsonObjectBuilder object = Json.createObjectBuilder();
      o.fields().forEach((k, x) -> object.add(k, value(x)));
      return object.build();
    }
    return JsonValue.NULL;
  }
}
