package com.feedbacksync.simulator;

import static com.feedbacksync.simulator.Replies.json;
import static com.feedbacksync.simulator.Replies.ok;

import com.feedbacksync.simulator.Http.Request;
import com.feedbacksync.simulator.Http.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Intercom's conversation endpoints: search, list, one conversation, and the deleted ones. */
final class ConversationEndpoints {

  private final SimWorkspace workspace;
  private final Search search;
  private final ConversationRender render;
  private final Supplier<String> baseUrl;
  private final CallLedger ledger;

  ConversationEndpoints(
      SimWorkspace workspace,
      Search search,
      ConversationRender render,
      Supplier<String> baseUrl,
      CallLedger ledger) {
    this.workspace = workspace;
    this.search = search;
    this.render = render;
    this.baseUrl = baseUrl;
    this.ledger = ledger;
  }

  Response search(Request r) {
    Search.Page page = search.search(json(r));
    ledger.listed(page.items().size());
    return ok(workspace.read(() -> Search.listJson(page, render)));
  }

  Response list(Request r) {
    int perPage = r.param("per_page") == null ? 20 : Integer.parseInt(r.param("per_page"));
    Search.Page page = search.list(perPage, r.param("starting_after"));
    ledger.listed(page.items().size());
    return ok(workspace.read(() -> Search.listJson(page, render)));
  }

  Response one(Request r) {
    String id = r.pathParams().get(0);
    boolean plaintext = "plaintext".equals(r.param("display_as"));
    return workspace.read(
        () ->
            workspace
                .conversation(id)
                .map(c -> ok(render.conversation(c, true, plaintext)))
                .orElseGet(Replies::notFound));
  }

  /** Deleted conversations, paged by page number (not by cursor, unlike the other lists). */
  Response deleted(Request r) {
    int page = r.param("page") == null ? 1 : Integer.parseInt(r.param("page"));
    int perPage = r.param("per_page") == null ? 20 : Integer.parseInt(r.param("per_page"));
    if (perPage < 1 || perPage > 60 || page < 1) {
      throw new IllegalArgumentException("per_page is 1 to 60, page from 1");
    }
    boolean desc = "desc".equals(r.param("order"));
    List<SimWorkspace.Deleted> all =
        new ArrayList<>(workspace.read(workspace::deletedConversations));
    if (desc) {
      Collections.reverse(all);
    }
    int from = Math.min(all.size(), (page - 1) * perPage);
    int to = Math.min(all.size(), from + perPage);
    ObjectNode o = Render.object();
    o.put("type", "conversations.list");
    ArrayNode list = o.putArray("conversations");
    for (SimWorkspace.Deleted d : all.subList(from, to)) {
      ObjectNode item = list.addObject();
      item.put("type", "conversation");
      item.put("id", d.id());
      item.put("metrics_retained", false);
      item.put("deleted_at", d.deletedAt());
    }
    o.put("total_count", all.size());
    ObjectNode pages = o.putObject("pages");
    pages.put("type", "pages");
    pages.put("page", page);
    pages.put("per_page", perPage);
    pages.put("total_pages", Math.max(1, (all.size() + perPage - 1) / perPage));
    if (to < all.size()) {
      pages.put(
          "next",
          baseUrl.get()
              + "/conversations/deleted?page="
              + (page + 1)
              + "&per_page="
              + perPage
              + (desc ? "&order=desc" : "&order=asc"));
    } else {
      pages.putNull("next");
    }
    return ok(o);
  }
}
