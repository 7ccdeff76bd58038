package com.feedbacksync.adapters.intercom;

import com.feedbacksync.domain.intercom.AttributeValue;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Intercom's own fields as typed attributes under stable names: the JSON path, dotted ({@code
 * location.city}, {@code conversation_rating.rating}). The types follow what a field is, not how
 * Intercom happened to encode it: ids ({@code id}, {@code *_id}) are text, exact however large;
 * times ({@code *_at}, {@code waiting_since}, {@code snoozed_until}) are ISO-8601 text in UTC;
 * counts and durations (seconds) are numbers; booleans stay booleans. What carries nothing is
 * absent: {@code null}, blank text, a time of 0, empty lists. A nested {@code type} is Intercom's
 * marker of an object's kind and is left out. A list object ({@code {"type":"list","data":[...]}},
 * {@code {"type":"tag.list","tags":[...]}}) becomes {@code <name>.ids} and {@code <name>.names} of
 * its items, and {@code <name>.total_count}; its paging fields ({@code url}, {@code has_more}) are
 * left out. Items without an id are kept whole, as objects.
 */
final class AttributeFlattening {

  private static final Set<String> TIMES_WITHOUT_AT = Set.of("waiting_since", "snoozed_until");

  /** Paging fields of Intercom's list objects: links and flags, not data. */
  static final Set<String> LIST_PAGING = Set.of("url", "has_more", "pages");

  private AttributeFlattening() {}

  /** Adds {@code value} under {@code name}, typed, flattened when it is an object. */
  static void put(Map<String, AttributeValue> into, String name, JsonValue value) {
    if (value == null) {
      return;
    }
    switch (value.getValueType()) {
      case OBJECT -> putObject(into, name, value.asJsonObject());
      case ARRAY -> {
        List<AttributeValue> items = new ArrayList<>();
        value.asJsonArray().forEach(v -> item(v).ifPresent(items::add));
        if (!items.isEmpty()) {
          into.put(name, new AttributeValue.ListValue(items));
        }
      }
      default -> scalar(leaf(name), value).ifPresent(v -> into.put(name, v));
    }
  }

  /** Whether an object is one of Intercom's lists (addressable or typed {@code *.list}). */
  static boolean isList(JsonObject o) {
    return IntercomJson.text(o, "type")
        .filter(t -> t.equals("list") || t.endsWith(".list"))
        .isPresent();
  }

  /** The array a list object carries: {@code data}, or the one other array field. */
  static Optional<String> listField(JsonObject o) {
    if (o.get("data") instanceof JsonArray) {
      return Optional.of("data");
    }
    return o.entrySet().stream()
        .filter(e -> e.getValue().getValueType() == JsonValue.ValueType.ARRAY)
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private static void putObject(Map<String, AttributeValue> into, String name, JsonObject o) {
    if (isList(o)) {
      putList(into, name, o);
      return;
    }
    o.forEach(
        (k, v) -> {
          if (!k.equals("type")) {
            put(into, name + "." + k, v);
          }
        });
  }

  private static void putList(Map<String, AttributeValue> into, String name, JsonObject list) {
    Optional<String> field = listField(list);
    List<AttributeValue> ids = new ArrayList<>();
    List<AttributeValue> names = new ArrayList<>();
    List<AttributeValue> whole = new ArrayList<>();
    for (JsonObject item : field.map(f -> IntercomJson.objects(list, f)).orElse(List.of())) {
      Optional<String> id = IntercomJson.text(item, "id");
      if (id.isPresent()) {
        ids.add(new AttributeValue.Text(id.get()));
        IntercomJson.text(item, "name")
            .filter(n -> !n.isBlank())
            .ifPresent(n -> names.add(new AttributeValue.Text(n)));
      } else {
        item(item).ifPresent(whole::add);
      }
    }
    if (!ids.isEmpty()) {
      into.put(name + ".ids", new AttributeValue.ListValue(ids));
    }
    if (!names.isEmpty()) {
      into.put(name + ".names", new AttributeValue.ListValue(names));
    }
    if (!whole.isEmpty()) {
      into.put(name, new AttributeValue.ListValue(whole));
    }
    IntercomJson.number(list, "total_count")
        .ifPresent(n -> into.put(name + ".total_count", AttributeValue.number(n)));
  }

  /** An item of a list: a scalar typed as itself, an object without its kind marker. */
  private static Optional<AttributeValue> item(JsonValue v) {
    if (v.getValueType() == JsonValue.ValueType.OBJECT) {
      Map<String, AttributeValue> fields = new LinkedHashMap<>();
      v.asJsonObject()
          .forEach(
              (k, x) -> {
                if (!k.equals("type")) {
                  put(fields, k, x);
                }
              });
      return fields.isEmpty()
          ? Optional.empty()
          : Optional.of(new AttributeValue.ObjectValue(fields));
    }
    return scalar("", v);
  }

  private static Optional<AttributeValue> scalar(String leaf, JsonValue v) {
    boolean id = leaf.equals("id") || leaf.endsWith("_id");
    boolean time = leaf.endsWith("_at") || TIMES_WITHOUT_AT.contains(leaf);
    return switch (v.getValueType()) {
      case STRING -> {
        String s = ((JsonString) v).getString();
        if (s.isBlank()) {
          yield Optional.empty();
        }
        if (time && s.strip().chars().allMatch(Character::isDigit)) {
          // A time too large to be one stays the text it is: a bad detail of the metadata never
          // makes the whole conversation or contact unreadable.
          yield time(s.strip());
        }
        yield Optional.of(new AttributeValue.Text(s));
      }
      case NUMBER -> {
        JsonNumber n = (JsonNumber) v;
        if (id) {
          yield Optional.of(new AttributeValue.Text(n.bigDecimalValue().toPlainString()));
        }
        yield time
            ? time(n.bigDecimalValue().toPlainString())
            : Optional.of(new AttributeValue.Number(n.bigDecimalValue()));
      }
      case TRUE -> Optional.of(new AttributeValue.Bool(true));
      case FALSE -> Optional.of(new AttributeValue.Bool(false));
      default -> Optional.empty();
    };
  }

  /**
   * Epoch seconds as ISO-8601 text; zero or less is no time (absent); what cannot be a time (too
   * large, a fraction) stays the text it came as.
   */
  private static Optional<AttributeValue> time(String epochSeconds) {
    try {
      long seconds = Long.parseLong(epochSeconds);
      return seconds > 0
          ? Optional.of(new AttributeValue.Text(Instant.ofEpochSecond(seconds).toString()))
          : Optional.empty();
    } catch (NumberFormatException | DateTimeException notATime) {
      return Optional.of(new AttributeValue.Text(epochSeconds));
    }
  }

  private static String leaf(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
