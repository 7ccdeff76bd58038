package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Model.Company;
import com.feedbacksync.simulator.Model.Contact;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Companies: one company, the list of all companies ({@code POST /companies/list}: by page number,
 * by {@code last_request_at}, descending unless asked, leaving out companies without contacts, at
 * most {@value #LIST_LIMIT} in all), a company's contacts by page number, and the scroll (one open
 * scroll per workspace, expiring after a minute unused).
 */
final class Companies {

  static final int SCROLL_PAGE = 50;
  static final long SCROLL_IDLE_SECONDS = 60;

  /** "There is a limit of 10,000 Companies that can be returned" by paging the list. */
  static final int LIST_LIMIT = 10_000;

  /** The list's default page size (its description: 15); a company's contacts page by fifty. */
  static final int LIST_PER_PAGE = 15;

  static final int CONTACTS_PER_PAGE = 50;

  private final SimWorkspace workspace;
  private final ContactRender render;
  private String scrollParam;
  private int scrollPosition;
  private long scrollUsedAt;

  Companies(SimWorkspace workspace, ContactRender render) {
    this.workspace = workspace;
    this.render = render;
  }

  JsonNode company(String id) {
    return workspace.read(() -> render.company(require(id)));
  }

  private Company require(String id) {
    Company c = workspace.companies().get(id);
    if (c == null) {
      throw new NoSuchElementException(id);
    }
    return c;
  }

  /** {@code POST /companies/list?page=&per_page=&order=}. */
  JsonNode list(Http.Request r) {
    int page = number(r, "page", 1);
    int perPage = number(r, "per_page", LIST_PER_PAGE);
    String order = r.param("order") == null ? "desc" : r.param("order");
    if (!order.equals("asc") && !order.equals("desc")) {
      throw new Search.BadRequest("parameter_invalid", "order must be asc or desc");
    }
    return workspace.read(
        () -> {
          // Company.updatedAt stands for last_request_at too (ContactRender shows both so).
          Comparator<Company> byRequest =
              Comparator.comparingLong((Company c) -> c.updatedAt).thenComparing(c -> c.id);
          List<Company> withContacts =
              workspace.companies().values().stream()
                  .filter(c -> !contactsOf(c.id).isEmpty())
                  .sorted(order.equals("asc") ? byRequest : byRequest.reversed())
                  .limit(LIST_LIMIT)
                  .toList();
          return numbered(withContacts, page, perPage, render::company);
        });
  }

  /** {@code GET /companies/{id}/contacts?page=&per_page=}. */
  JsonNode contacts(String companyId, Http.Request r) {
    int page = number(r, "page", 1);
    int perPage = number(r, "per_page", CONTACTS_PER_PAGE);
    return workspace.read(
        () -> {
          require(companyId);
          return numbered(contactsOf(companyId), page, perPage, render::contact);
        });
  }

  private List<Contact> contactsOf(String companyId) {
    return workspace.contacts().values().stream()
        .filter(c -> c.companyIds.contains(companyId))
        .sorted(Comparator.comparing(c -> c.id))
        .toList();
  }

  private static int number(Http.Request r, String name, int otherwise) {
    String value = r.param(name);
    try {
      int n = value == null ? otherwise : Integer.parseInt(value);
      if (n < 1 || name.equals("per_page") && n > Contacts.MAX_PER_PAGE) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new Search.BadRequest("parameter_invalid", name + " is not a valid number: " + value);
    }
  }

  /** One page of a listing paged by number, shaped as Intercom's {@code pages} object. */
  private static <T> ObjectNode numbered(
      List<T> all, int page, int perPage, java.util.function.Function<T, ObjectNode> render) {
    int totalPages = (all.size() + perPage - 1) / perPage;
    int from = (int) Math.min(all.size(), (long) (page - 1) * perPage);
    int to = Math.min(all.size(), from + perPage);
    ObjectNode o = Render.object();
    o.put("type", "list");
    ArrayNode data = o.putArray("data");
    all.subList(from, to).forEach(item -> data.add(render.apply(item)));
    o.put("total_count", all.size());
    ObjectNode pages = o.putObject("pages");
    pages.put("type", "pages");
    if (page < totalPages) {
      pages.putObject("next").put("page", page + 1);
    } else {
      pages.putNull("next");
    }
    pages.put("page", page);
    pages.put("per_page", perPage);
    pages.put("total_pages", totalPages);
    return o;
  }

  /** One scroll per workspace; an unused scroll expires after a minute; an empty page ends it. */
  synchronized JsonNode scroll(String param) {
    long now = workspace.now();
    if (scrollParam != null && now - scrollUsedAt > SCROLL_IDLE_SECONDS) {
      scrollParam = null;
    }
    if (param == null || param.isEmpty()) {
      if (scrollParam != null) {
        throw new Search.BadRequest(
            "scroll_exists",
            "A scroll is already open for this workspace; finish it or wait a minute.");
      }
      scrollParam = UUID.randomUUID().toString();
      scrollPosition = 0;
    } else if (!param.equals(scrollParam)) {
      throw new NoSuchElementException("scroll expired");
    }
    scrollUsedAt = now;
    List<Company> all = workspace.read(() -> List.copyOf(workspace.companies().values()));
    int end = Math.min(all.size(), scrollPosition + SCROLL_PAGE);
    ObjectNode o = Render.object();
    o.put("type", "list");
    ArrayNode data = o.putArray("data");
    workspace.read(
        () -> {
          all.subList(scrollPosition, end).forEach(c -> data.add(render.company(c)));
          return null;
        });
    o.putNull("pages");
    o.putNull("total_count");
    o.put("scroll_param", scrollParam);
    if (scrollPosition == end) {
      scrollParam = null; // the empty page ends the scroll
    }
    scrollPosition = end;
    return o;
  }
}
