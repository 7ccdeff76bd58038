package com.feedbacksync.simulator;

import static com.feedbacksync.simulator.Replies.json;
import static com.feedbacksync.simulator.Replies.ok;

import com.feedbacksync.simulator.Http.Request;
import com.feedbacksync.simulator.Http.Response;
import com.feedbacksync.simulator.Http.Route;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Intercom's routes: OAuth, signed files and the REST API, each mapped to what answers it. Matched
 * in order, so literal paths ({@code /conversations/deleted}) come before templates.
 */
final class ApiRoutes {

  private ApiRoutes() {}

  static List<Route> of(
      OAuth oauth,
      Files files,
      WorkspaceDirectory directory,
      ConversationEndpoints conversations,
      Contacts contacts,
      Companies companies) {
    return List.of(
        Route.of("GET", "/oauth", oauth::consentPage),
        Route.of("POST", "/oauth/allow", oauth::allow),
        Route.of("POST", "/auth/eagle/token", oauth::token),
        Route.of("GET", "/i/o/{file}", r -> file(files, r)),
        Route.of("GET", "/me", r -> ok(directory.me())),
        Route.of("POST", "/conversations/search", conversations::search),
        Route.of("GET", "/conversations/deleted", conversations::deleted),
        Route.of("GET", "/conversations/{id}", conversations::one),
        Route.of("GET", "/conversations", conversations::list),
        Route.of("GET", "/contacts", r -> ok(contacts.list(r))),
        Route.of("POST", "/contacts/search", r -> ok(contacts.search(json(r)))),
        Route.of(
            "GET", "/contacts/{id}/segments", r -> ok(contacts.segments(r.pathParams().get(0)))),
        Route.of(
            "GET", "/contacts/{id}/companies", r -> ok(contacts.companies(r.pathParams().get(0)))),
        Route.of("GET", "/contacts/{id}", r -> ok(contacts.contact(r.pathParams().get(0)))),
        Route.of("GET", "/companies/scroll", r -> ok(companies.scroll(r.param("scroll_param")))),
        Route.of("POST", "/companies/list", r -> ok(companies.list(r))),
        Route.of(
            "GET",
            "/companies/{id}/contacts",
            r -> ok(companies.contacts(r.pathParams().get(0), r))),
        Route.of("GET", "/companies/{id}", r -> ok(companies.company(r.pathParams().get(0)))),
        Route.of("GET", "/tags", r -> ok(directory.tags())),
        Route.of("GET", "/admins", r -> ok(directory.admins())),
        Route.of("GET", "/teams", r -> ok(directory.teams())));
  }

  /** A file behind a signed URL; an expired or forged link finds nothing, as on Intercom. */
  private static Response file(Files files, Request r) {
    return files
        .open(r.pathParams().get(0), r.param("expires"), r.param("signature"))
        .map(f -> new Response(200, f.contentType(), f.bytes(), new LinkedHashMap<>()))
        .orElseGet(() -> Response.html(404, "<h1>Not found</h1><p>The link expired.</p>"));
  }
}
