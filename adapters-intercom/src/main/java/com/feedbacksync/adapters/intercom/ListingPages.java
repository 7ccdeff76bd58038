package com.feedbacksync.adapters.intercom;

import com.feedbacksync.application.model.ItemKind;
import com.feedbacksync.application.model.Page;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.application.model.SetAside;
import com.feedbacksync.domain.intercom.ConversationId;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Intercom's listing answers (searches, lists) read into pages with their cursors. */
final class ListingPages {

  private ListingPages() {}

  /** A listing page whose items the caller reads itself (a mapping failure fails the page). */
  static <T> Page<T> of(JsonObject json, String field, Function<JsonObject, T> item) {
    return of(json, field, item, Optional.empty());
  }

  /**
   * A listing page, its items mapped one by one: an item the mapping refuses is kept out of the
   * items and reported with the page (under its id when it has a usable one), so one corrupt item
   * never fails its page and with it every later run of the account.
   */
  static <T> Page<T> of(
      JsonObject json, String field, Function<JsonObject, T> item, Optional<ItemKind> kind) {
    List<T> items = new ArrayList<>();
    List<SetAside> unreadable = new ArrayList<>();
    int unidentified = 0;
    JsonValue listed = json.get(field);
    for (JsonValue value : listed instanceof JsonArray array ? array : List.<JsonValue>of()) {
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        unidentified++;
        continue;
      }
      JsonObject object = value.asJsonObject();
      try {
        items.add(item.apply(object));
      } catch (RuntimeException | StackOverflowError e) {
        if (kind.isEmpty()) {
          throw e;
        }
        Optional<String> id = IntercomJson.text(object, "id").filter(ListingPages::usableId);
        if (id.isPresent()) {
          unreadable.add(
              SetAside.unreadable(
                  kind.get(),
                  id.get(),
                  "Intercom listed it unreadably: "
                      + e.getClass().getSimpleName()
                      + " "
                      + e.getMessage()));
        } else {
          unidentified++;
        }
      }
    }
    Optional<PageCursor> next =
        IntercomJson.object(json, "pages")
            .flatMap(p -> IntercomJson.object(p, "next"))
            .flatMap(n -> IntercomJson.text(n, "starting_after"))
            .filter(s -> !s.isBlank())
            .map(PageCursor::new);
    return new Page<>(
        items,
        next,
        IntercomJson.number(json, "total_count").map(Long::intValue),
        unreadable,
        unidentified);
  }

  /** Whether an unreadable item's id can still name it: the rule every Intercom id follows here. */
  private static boolean usableId(String id) {
    try {
      new ConversationId(id);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
