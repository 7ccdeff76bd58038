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

  /**
   * A listing page with a cursor ({@code pages.next.starting_after}), its items mapped one by one:
   * an item the mapping refuses is kept out of the items and reported with the page, so one corrupt
   * item never fails its page and with it every later run of the account.
   *
   * @param kind what an unreadable item is set aside as, under its id; without one (a company has
   *     no dead letter of its own) such an item is only counted
   */
  static <T> Page<T> of(
      JsonObject json, String field, Function<JsonObject, T> item, Optional<ItemKind> kind) {
    Read<T> read = read(json, field, item, kind);
    Optional<PageCursor> next =
        IntercomJson.object(json, "pages")
            .flatMap(p -> IntercomJson.object(p, "next"))
            .flatMap(n -> IntercomJson.text(n, "starting_after"))
            .filter(s -> !s.isBlank())
            .map(PageCursor::new);
    return read.page(next, json);
  }

  /**
   * A page of a listing paged by number ({@code data}), read as {@link #of} reads: the next page
   * while {@code pages.total_pages} says there is one and this page brought something.
   */
  static <T> Page<T> numbered(
      JsonObject json, int page, Function<JsonObject, T> item, Optional<ItemKind> kind) {
    Read<T> read = read(json, "data", item, kind);
    int totalPages =
        IntercomJson.object(json, "pages")
            .flatMap(p -> IntercomJson.number(p, "total_pages"))
            .map(Long::intValue)
            .orElse(page);
    boolean more = page < totalPages && read.listed() > 0;
    return read.page(
        more ? Optional.of(new PageCursor(String.valueOf(page + 1))) : Optional.empty(), json);
  }

  /** A page's items as read: the readable ones, and the others. */
  private record Read<T>(List<T> items, List<SetAside> unreadable, int unidentified) {

    int listed() {
      return items.size() + unreadable.size() + unidentified;
    }

    Page<T> page(Optional<PageCursor> next, JsonObject json) {
      return new Page<>(
          items,
          next,
          IntercomJson.number(json, "total_count").map(Long::intValue),
          unreadable,
          unidentified);
    }
  }

  private static <T> Read<T> read(
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
        Optional<String> id = IntercomJson.text(object, "id").filter(ListingPages::usableId);
        if (kind.isPresent() && id.isPresent()) {
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
    return new Read<>(items, unreadable, unidentified);
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
