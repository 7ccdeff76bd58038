package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Model.Contact;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Contacts and companies: list, search (text fields by {@code =}, {@code !=}, {@code IN}, {@code
 * NIN}, {@code ~}, {@code !~}, {@code ^}, {@code $}; timestamps matched by calendar day, as
 * Intercom 2.16 does; pages of up to {@value #MAX_PER_PAGE}), one contact with its segments and
 * companies. Companies themselves are {@link Companies}'.
 */
final class Contacts {

  private static final Set<String> DATE_FIELDS =
      Set.of("created_at", "updated_at", "signed_up_at", "last_seen_at");
  private static final Set<String> TEXT_FIELDS =
      Set.of("id", "role", "email", "name", "external_id");

  /** The largest page of contacts Intercom serves (the default is 50). */
  static final int MAX_PER_PAGE = 150;

  private final SimWorkspace workspace;
  private final ContactRender render;

  Contacts(SimWorkspace workspace, ContactRender render) {
    this.workspace = workspace;
    this.render = render;
  }

  JsonNode list(Http.Request r) {
    int perPage = r.param("per_page") == null ? 50 : Integer.parseInt(r.param("per_page"));
    return page(c -> true, "created_at", true, perPage, r.param("starting_after"));
  }

  JsonNode search(JsonNode body) {
    if (!body.has("query")) {
      throw new Search.BadRequest("parameter_not_found", "query parameter is required");
    }
    Predicate<Contact> filter = compile(body.get("query"), 0);
    String field = body.path("sort").path("field").asString("created_at");
    String order = body.path("sort").path("order").asString("descending");
    if (!order.equals("ascending") && !order.equals("descending")) {
      throw new Search.BadRequest(
          "invalid_sort_order", "sort order must be ascending or descending");
    }
    if (!DATE_FIELDS.contains(field)) {
      throw new Search.BadRequest("parameter_invalid", "sort field " + field + " is not sortable");
    }
    JsonNode pagination = body.path("pagination");
    return page(
        filter,
        field,
        order.equals("ascending"),
        pagination.path("per_page").asInt(50),
        pagination.path("starting_after").isNull()
            ? null
            : pagination.path("starting_after").asString(null));
  }

  private JsonNode page(
      Predicate<Contact> filter, String field, boolean ascending, int perPage, String after) {
    if (perPage < 1 || perPage > MAX_PER_PAGE) {
      throw new Search.BadRequest(
          "parameter_invalid", "per_page must be between 1 and " + MAX_PER_PAGE);
    }
    return workspace.read(
        () -> {
          List<Contact> matches = new ArrayList<>();
          for (Contact c : workspace.contacts().values()) {
            if (filter.test(c)) {
              matches.add(c);
            }
          }
          Comparator<Contact> order =
              Comparator.comparingLong((Contact c) -> time(c, field)).thenComparing(c -> c.id);
          matches.sort(ascending ? order : order.reversed());
          int start = 0;
          int page = 1;
          if (after != null && !after.isEmpty()) {
            String[] cursor = decode(after);
            long key = Long.parseLong(cursor[0]);
            String id = cursor[1];
            page = Integer.parseInt(cursor[2]);
            while (start < matches.size()) {
              Contact c = matches.get(start);
              int cmp =
                  time(c, field) != key ? Long.compare(time(c, field), key) : c.id.compareTo(id);
              if (ascending ? cmp > 0 : cmp < 0) {
                break;
              }
              start++;
            }
          }
          int end = Math.min(matches.size(), start + perPage);
          ObjectNode o = Render.object();
          o.put("type", "list");
          ArrayNode data = o.putArray("data");
          matches.subList(start, end).forEach(c -> data.add(render.contact(c)));
          o.put("total_count", matches.size());
          ObjectNode pages = o.putObject("pages");
          pages.put("type", "pages");
          if (end < matches.size()) {
            Contact last = matches.get(end - 1);
            ObjectNode next = pages.putObject("next");
            next.put("page", page + 1);
            next.put("starting_after", encode(time(last, field), last.id, page + 1));
          }
          pages.put("page", page);
          pages.put("per_page", perPage);
          pages.put("total_pages", Math.max(1, (matches.size() + perPage - 1) / perPage));
          return o;
        });
  }

  private static long time(Contact c, String field) {
    return field.equals("updated_at") || field.equals("last_seen_at") ? c.updatedAt : c.createdAt;
  }

  private static String encode(long key, String id, int page) {
    String raw = key + ":" + id + ":" + page;
    return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }

  private static String[] decode(String cursor) {
    try {
      String[] parts =
          new String(Base64.getDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
      if (parts.length != 3) {
        throw new IllegalArgumentException();
      }
      Long.parseLong(parts[0]);
      Integer.parseInt(parts[2]);
      return parts;
    } catch (IllegalArgumentException e) {
      throw new Search.BadRequest("parameter_invalid", "starting_after is not a valid cursor");
    }
  }

  private Predicate<Contact> compile(JsonNode query, int depth) {
    String operator = query.path("operator").asString("");
    if (operator.equals("AND") || operator.equals("OR")) {
      if (depth >= 2 || !query.path("value").isArray() || query.path("value").size() > 15) {
        throw new Search.BadRequest("parameter_invalid", "invalid AND/OR group");
      }
      List<Predicate<Contact>> parts = new ArrayList<>();
      query.path("value").forEach(v -> parts.add(compile(v, depth + 1)));
      return operator.equals("AND")
          ? c -> parts.stream().allMatch(p -> p.test(c))
          : c -> parts.stream().anyMatch(p -> p.test(c));
    }
    String field = query.path("field").asString("");
    JsonNode value = query.path("value");
    if (DATE_FIELDS.contains(field)) {
      if (!Set.of("=", "<", ">").contains(operator)) {
        throw new Search.BadRequest("parameter_invalid", "dates compare with =, < and > only");
      }
      // Matched by calendar day (UTC here): '>' starts at the next day, '<' ends before the day.
      LocalDate day = day(value.asLong());
      return c -> {
        LocalDate d = day(time(c, field));
        return switch (operator) {
          case "=" -> d.equals(day);
          case ">" -> d.isAfter(day);
          default -> d.isBefore(day);
        };
      };
    }
    if (TEXT_FIELDS.contains(field) && (operator.equals("IN") || operator.equals("NIN"))) {
      // "Shortcut for OR queries. Values must be in Array" (2.16); a page answers at most
      // MAX_PER_PAGE of the matches, the rest on the next pages.
      if (!value.isArray()) {
        throw new Search.BadRequest("parameter_invalid", operator + " takes an array of values");
      }
      Set<String> values = new HashSet<>();
      value.forEach(v -> values.add(v.asString()));
      boolean in = operator.equals("IN");
      return c -> values.contains(text(c, field)) == in;
    }
    if (TEXT_FIELDS.contains(field)) {
      String text = value.asString();
      return c -> {
        String actual = text(c, field);
        return switch (operator) {
          case "=" -> text.equals(actual);
          case "!=" -> !text.equals(actual);
          case "~" -> actual != null && actual.contains(text);
          case "!~" -> actual == null || !actual.contains(text);
          case "^" -> actual != null && actual.startsWith(text);
          case "$" -> actual != null && actual.endsWith(text);
          default ->
              throw new Search.BadRequest(
                  "parameter_invalid", "operator " + operator + " not supported");
        };
      };
    }
    throw new Search.BadRequest("parameter_invalid", "field " + field + " is not searchable");
  }

  private static String text(Contact c, String field) {
    return switch (field) {
      case "id" -> c.id;
      case "role" -> c.role;
      case "email" -> c.email;
      case "name" -> c.name;
      default -> c.externalId;
    };
  }

  private static LocalDate day(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC).toLocalDate();
  }

  JsonNode contact(String id) {
    return workspace.read(() -> render.contact(require(id)));
  }

  private Contact require(String id) {
    Contact c = workspace.contacts().get(id);
    if (c == null) {
      throw new NoSuchElementException(id);
    }
    return c;
  }

  JsonNode segments(String contactId) {
    return workspace.read(
        () -> {
          Contact c = require(contactId);
          ObjectNode o = Render.object();
          o.put("type", "list");
          ArrayNode data = o.putArray("data");
          workspace.segments().stream()
              .filter(s -> c.segmentIds.contains(s.id))
              .forEach(s -> data.add(render.segment(s)));
          return o;
        });
  }

  JsonNode companies(String contactId) {
    return workspace.read(
        () -> {
          Contact c = require(contactId);
          ObjectNode o = Render.object();
          o.put("type", "list");
          ArrayNode list = o.putArray("companies");
          c.companyIds.stream()
              .map(id -> workspace.companies().get(id))
              .filter(Objects::nonNull)
              .forEach(company -> list.add(render.company(company)));
          o.put("total_count", list.size());
          ObjectNode pages = o.putObject("pages");
          pages.put("type", "pages");
          pages.putNull("next");
          pages.put("page", 1);
          pages.put("per_page", 50);
          pages.put("total_pages", 1);
          return o;
        });
  }
}
