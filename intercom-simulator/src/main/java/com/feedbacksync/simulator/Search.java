package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Model.Conversation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /conversations/search} and {@code GET /conversations}: filters with AND/OR nesting
 * ({@link ConversationFilter}), the operators of the 2.16 description ({@code >} and {@code <}
 * inclusive), the undocumented but working {@code sort}, and stateless {@code starting_after}
 * cursors. A walk over an unchanging workspace returns each conversation exactly once; one that
 * changes between pages may skip or repeat, as Intercom's does.
 */
final class Search {

  /** A client error: answered with 400 and Intercom's error body. */
  static final class BadRequest extends RuntimeException {
    final String code;

    BadRequest(String code, String message) {
      super(message);
      this.code = code;
    }
  }

  record Page(List<Conversation> items, int total, int page, int perPage, String next) {}

  private record Sorted(long version, List<Conversation> items, long[] keys) {}

  private static final Set<String> SORT_FIELDS = Set.of("created_at", "updated_at", "id");
  static final int MAX_PER_PAGE = 150;

  private final SimWorkspace workspace;
  private final Map<String, Sorted> cache =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Sorted> eldest) {
          return size() > 8;
        }
      };

  Search(SimWorkspace workspace) {
    this.workspace = workspace;
  }

  /** Runs a search request body ({@code query}, {@code pagination}, {@code sort}). */
  Page search(JsonNode body) {
    if (body == null || !body.isObject() || !body.has("query")) {
      throw new BadRequest("parameter_not_found", "query parameter is required");
    }
    Predicate<Conversation> filter = ConversationFilter.compile(body.get("query"), 0);
    JsonNode pagination = body.path("pagination");
    JsonNode sort = body.path("sort");
    String field = sort.path("field").asString("updated_at");
    String order = sort.path("order").asString("descending");
    if (!SORT_FIELDS.contains(field)) {
      throw new BadRequest("parameter_invalid", "sort field " + field + " is not sortable");
    }
    if (!order.equals("ascending") && !order.equals("descending")) {
      throw new BadRequest("invalid_sort_order", "sort order must be ascending or descending");
    }
    int perPage = pagination.path("per_page").asInt(20);
    String after =
        pagination.path("starting_after").isNull()
            ? null
            : pagination.path("starting_after").asString(null);
    return page(
        body.get("query").toString() + "|" + field + "|" + order,
        filter,
        field,
        order.equals("ascending"),
        perPage,
        after);
  }

  /** {@code GET /conversations}: everything, most recently updated first. */
  Page list(int perPage, String after) {
    return page("*", c -> true, "updated_at", false, perPage, after);
  }

  private Page page(
      String key,
      Predicate<Conversation> filter,
      String field,
      boolean ascending,
      int perPage,
      String after) {
    if (perPage < 1 || perPage > MAX_PER_PAGE) {
      throw new BadRequest("parameter_invalid", "per_page must be between 1 and " + MAX_PER_PAGE);
    }
    Sorted sorted = sorted(key, filter, field, ascending);
    int start = 0;
    int page = 1;
    if (after != null && !after.isEmpty()) {
      long[] cursor = decode(after);
      page = (int) cursor[2];
      start = firstAfter(sorted, cursor[0], cursor[1], ascending);
    }
    int end = Math.min(sorted.items().size(), start + perPage);
    List<Conversation> items = sorted.items().subList(start, end);
    String next = null;
    if (end < sorted.items().size() && !items.isEmpty()) {
      next = encode(sorted.keys()[2 * (end - 1)], sorted.keys()[2 * (end - 1) + 1], page + 1);
    }
    return new Page(List.copyOf(items), sorted.items().size(), page, perPage, next);
  }

  synchronized void clearCache() {
    cache.clear();
  }

  private synchronized Sorted sorted(
      String key, Predicate<Conversation> filter, String field, boolean ascending) {
    long version = workspace.version();
    Sorted cached = cache.get(key);
    if (cached != null && cached.version() == version) {
      return cached;
    }
    List<Conversation> matches =
        workspace.read(
            () -> {
              List<Conversation> found = new ArrayList<>();
              for (Conversation c : workspace.conversations()) {
                if (filter.test(c)) {
                  found.add(c);
                }
              }
              return found;
            });
    Comparator<Conversation> order =
        Comparator.comparingLong((Conversation c) -> sortKey(c, field))
            .thenComparingLong(c -> Long.parseLong(c.id));
    matches.sort(ascending ? order : order.reversed());
    long[] keys = new long[matches.size() * 2];
    for (int i = 0; i < matches.size(); i++) {
      keys[2 * i] = sortKey(matches.get(i), field);
      keys[2 * i + 1] = Long.parseLong(matches.get(i).id);
    }
    Sorted fresh = new Sorted(version, matches, keys);
    cache.put(key, fresh);
    return fresh;
  }

  /** The first position strictly after (key, id) in the walk's order: a binary search. */
  private static int firstAfter(Sorted sorted, long key, long id, boolean ascending) {
    int lo = 0;
    int hi = sorted.items().size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      long k = sorted.keys()[2 * mid];
      long i = sorted.keys()[2 * mid + 1];
      int cmp = k != key ? Long.compare(k, key) : Long.compare(i, id);
      boolean afterCursor = ascending ? cmp > 0 : cmp < 0;
      if (afterCursor) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private static long sortKey(Conversation c, String field) {
    return switch (field) {
      case "created_at" -> c.createdAt;
      case "updated_at" -> c.updatedAt;
      default -> Long.parseLong(c.id);
    };
  }

  /** Cursors look like Intercom's: base64 of a JSON array (sort value in ms, id, next page). */
  static String encode(long key, long id, int page) {
    String json = "[" + key * (key < 100_000_000_000L ? 1000 : 1) + "," + id + "," + page + "]";
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.US_ASCII));
  }

  static long[] decode(String cursor) {
    try {
      String json = new String(Base64.getDecoder().decode(cursor), StandardCharsets.US_ASCII);
      JsonNode array = Render.JSON.readTree(json);
      long key = array.get(0).asLong();
      // Times travel in milliseconds like Intercom's cursors; ids as they are.
      if (key > 1_000_000_000_000L && key < 100_000_000_000_000L) {
        key /= 1000;
      }
      return new long[] {key, array.get(1).asLong(), array.get(2).asLong()};
    } catch (RuntimeException e) {
      throw new BadRequest("parameter_invalid", "starting_after is not a valid cursor");
    }
  }

  static ObjectNode listJson(Page page, ConversationRender render) {
    ObjectNode o = Render.object();
    o.put("type", "conversation.list");
    ObjectNode pages = o.putObject("pages");
    pages.put("type", "pages");
    if (page.next() != null) {
      ObjectNode next = pages.putObject("next");
      next.put("page", page.page() + 1);
      next.put("starting_after", page.next());
    }
    pages.put("page", page.page());
    pages.put("per_page", page.perPage());
    pages.put("total_pages", Math.max(1, (page.total() + page.perPage() - 1) / page.perPage()));
    o.put("total_count", page.total());
    ArrayNode list = o.putArray("conversations");
    page.items().forEach(c -> list.add(render.conversation(c, false, false)));
    return o;
  }
}
