package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Faults.Fault;
import com.feedbacksync.simulator.Http.Request;
import com.feedbacksync.simulator.Http.Response;
import com.feedbacksync.simulator.Http.Route;
import com.feedbacksync.simulator.Model.Company;
import com.feedbacksync.simulator.Model.Contact;
import com.feedbacksync.simulator.Model.Conversation;
import com.feedbacksync.simulator.Model.Kind;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for Intercom's REST API (version 2.16) on a local port: OAuth, /me, conversations,
 * contacts, companies, tags, admins, teams and files, with Intercom's rate limits, errors and
 * faults on demand. Control endpoints under {@code /_sim/} (and the same operations as methods
 * here) change the workspace, send signed webhooks, read counters and answer what a correct sync
 * holds.
 */
public final class IntercomSimulator implements AutoCloseable {

  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, each answer
    // then
    // waits for the client's delayed ACK (~40 ms). Read once, when the server classes load.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  static final String CONTROL = "/_sim";
  private static final int MAX_BODY = 1 << 20;
  private static final Set<String> OPEN_ENDPOINTS =
      Set.of("GET /me", "GET /tags", "GET /admins", "GET /teams");

  private final SimulatorConfig config;
  private final SimWorkspace workspace;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Render render;
  private final Search search;
  private final Contacts contacts;
  private final RateLimiter limiter;
  private final Faults faults;
  private final Files files;
  private final List<Route> routes = new ArrayList<>();
  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();

  /** API calls per access token (answered or refused), to tell one account's calls apart. */
  private final Map<String, Map<String, AtomicLong>> callsByToken = new ConcurrentHashMap<>();

  /** The token issued last: an admin of one account can revoke just that account's access. */
  private final java.util.concurrent.atomic.AtomicReference<String> newest =
      new java.util.concurrent.atomic.AtomicReference<>();

  private final Map<String, String> codes = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
  private final AtomicLong bytesOut = new AtomicLong();
  private final AtomicLong served429 = new AtomicLong();
  private final SecureRandom random = new SecureRandom();
  private final HttpClient webhookClient =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private volatile boolean planRestricted;

  private IntercomSimulator(SimulatorConfig config) throws IOException {
    this.config = config;
    this.workspace = new SimWorkspace(config.workspace(), config.clock());
    this.server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 256);
    this.files =
        new Files(
            this::baseUrl, config.clientSecret() + ":files", config.fileTtl(), config.clock());
    this.render = new Render(workspace, files, config.appId());
    this.search = new Search(workspace);
    this.contacts = new Contacts(workspace, render);
    this.limiter = new RateLimiter(config.clock(), config.ratePerMinute());
    this.faults = new Faults(config.workspace().seed());
    this.planRestricted = config.planRestricted();
    config.presetToken().ifPresent(tokens::add);
    this.executor =
        Executors.newFixedThreadPool(Math.max(8, Runtime.getRuntime().availableProcessors() * 4));
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
    routes();
  }

  /** Generates the workspace and starts serving. */
  public static IntercomSimulator start(SimulatorConfig config) {
    try {
      IntercomSimulator simulator = new IntercomSimulator(config);
      simulator.server.start();
      return simulator;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the simulator: " + e.getMessage(), e);
    }
  }

  public URI baseUri() {
    return URI.create(baseUrl());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public SimulatorConfig config() {
    return config;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- routes ---------------------------------------------------------------------------------

  private void routes() {
    routes.add(Route.of("GET", "/oauth", this::consentPage));
    routes.add(Route.of("POST", "/oauth/allow", this::allow));
    routes.add(Route.of("POST", "/auth/eagle/token", this::token));
    routes.add(Route.of("GET", "/i/o/{file}", this::file));
    routes.add(Route.of("GET", "/me", r -> ok(me())));
    routes.add(Route.of("POST", "/conversations/search", this::searchConversations));
    routes.add(Route.of("GET", "/conversations/deleted", this::deletedConversations));
    routes.add(Route.of("GET", "/conversations/{id}", this::conversation));
    routes.add(Route.of("GET", "/conversations", this::listConversations));
    routes.add(Route.of("GET", "/contacts", r -> ok(contacts.list(r))));
    routes.add(Route.of("POST", "/contacts/search", r -> ok(contacts.search(json(r)))));
    routes.add(
        Route.of(
            "GET", "/contacts/{id}/segments", r -> ok(contacts.segments(r.pathParams().get(0)))));
    routes.add(
        Route.of(
            "GET", "/contacts/{id}/companies", r -> ok(contacts.companies(r.pathParams().get(0)))));
    routes.add(Route.of("GET", "/contacts/{id}", r -> ok(contacts.contact(r.pathParams().get(0)))));
    routes.add(
        Route.of("GET", "/companies/scroll", r -> ok(contacts.scroll(r.param("scroll_param")))));
    routes.add(
        Route.of("GET", "/companies/{id}", r -> ok(contacts.company(r.pathParams().get(0)))));
    routes.add(Route.of("GET", "/tags", r -> ok(tagList())));
    routes.add(Route.of("GET", "/admins", r -> ok(adminList())));
    routes.add(Route.of("GET", "/teams", r -> ok(teamList())));
    // Control: for tests, benchmarks and the demo. Never part of Intercom's API.
    routes.add(
        Route.of(
            "POST",
            CONTROL + "/conversations/{id}/customer-reply",
            r -> control(() -> customerReplies(r.pathParams().get(0)))));
    routes.add(
        Route.of(
            "POST",
            CONTROL + "/conversations/{id}/agent-reply",
            r -> control(() -> agentReplies(r.pathParams().get(0)))));
    routes.add(
        Route.of(
            "POST",
            CONTROL + "/conversations/{id}/tags/{tag}",
            r -> control(() -> addTag(r.pathParams().get(0), r.pathParams().get(1)))));
    routes.add(
        Route.of(
            "DELETE",
            CONTROL + "/conversations/{id}/tags/{tag}",
            r -> control(() -> removeTag(r.pathParams().get(0), r.pathParams().get(1)))));
    routes.add(
        Route.of(
            "POST",
            CONTROL + "/conversations/{id}/state/{state}",
            r -> control(() -> changeState(r.pathParams().get(0), r.pathParams().get(1)))));
    routes.add(
        Route.of(
            "POST",
            CONTROL + "/conversations/{id}/assign/{admin}",
            r -> control(() -> assign(r.pathParams().get(0), r.pathParams().get(1)))));
    routes.add(
        Route.of(
            "DELETE",
            CONTROL + "/conversations/{id}",
            r -> control(() -> deleteConversation(r.pathParams().get(0)))));
    routes.add(
        Route.of(
            "POST",
            CONTROL + "/conversations/new/{kind}",
            r -> control(() -> newConversation(r.pathParams().get(0)))));
    routes.add(
        Route.of(
            "DELETE",
            CONTROL + "/contacts/{id}",
            r -> control(() -> deleteContact(r.pathParams().get(0)))));
    routes.add(
        Route.of(
            "POST",
            CONTROL + "/contacts/{id}/touch",
            r -> control(() -> touchContact(r.pathParams().get(0)))));
    routes.add(
        Route.of(
            "POST",
            CONTROL + "/webhooks/{topic}/{id}",
            r -> control(() -> "" + sendWebhook(r.pathParams().get(0), r.pathParams().get(1)))));
    routes.add(Route.of("POST", CONTROL + "/tokens/revoke", r -> control(() -> revokeAll())));
    routes.add(
        Route.of(
            "POST",
            CONTROL + "/plan-restricted/{on}",
            r -> control(() -> planRestricted(Boolean.parseBoolean(r.pathParams().get(0))))));
    routes.add(
        Route.of(
            "POST",
            CONTROL + "/rate-limit/{perMinute}",
            r -> control(() -> rateLimit(Long.parseLong(r.pathParams().get(0))))));
    routes.add(Route.of("POST", CONTROL + "/faults", this::faultsFromJson));
    routes.add(Route.of("DELETE", CONTROL + "/faults", r -> control(() -> clearFaults())));
    routes.add(
        Route.of(
            "GET",
            CONTROL + "/counters",
            r -> Response.json(200, Render.bytes(counters().toJson()))));
    routes.add(Route.of("POST", CONTROL + "/reset", r -> control(() -> resetCounters())));
    routes.add(
        Route.of(
            "GET", CONTROL + "/oracle", r -> Response.json(200, Render.bytes(oracle().toJson()))));
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod();
      Route route = null;
      List<String> params = null;
      for (Route candidate : routes) {
        params = candidate.match(method, path);
        if (params != null) {
          route = candidate;
          break;
        }
      }
      if (route == null) {
        send(
            exchange,
            Response.json(404, Render.bytes(Render.error("not_found", "Resource Not Found"))));
        return;
      }
      Request request;
      try {
        request =
            new Request(
                exchange,
                method,
                path,
                Http.parseQuery(exchange.getRequestURI().getRawQuery()),
                params,
                Http.readBody(exchange, MAX_BODY));
      } catch (IOException e) {
        send(
            exchange,
            Response.json(413, Render.bytes(Render.error("bad_request", e.getMessage()))));
        return;
      }
      if (path.startsWith(CONTROL) || path.startsWith("/oauth") || path.startsWith("/i/o/")) {
        send(exchange, handle(route, request));
        return;
      }
      api(route, request);
    }
  }

  /** An Intercom API call: counted, authenticated, rate-limited, perhaps faulted, then answered. */
  private void api(Route route, Request request) throws IOException {
    calls.computeIfAbsent(route.endpoint(), k -> new AtomicLong()).incrementAndGet();
    if (!route.endpoint().equals("POST /auth/eagle/token")) {
      String auth = request.header("Authorization");
      String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).strip() : null;
      if (token != null) {
        callsByToken
            .computeIfAbsent(token, k -> new ConcurrentHashMap<>())
            .computeIfAbsent(route.endpoint(), k -> new AtomicLong())
            .incrementAndGet();
      }
      if (token == null || !tokens.contains(token) || revoked.contains(token)) {
        send(
            request.exchange(),
            Response.json(401, Render.bytes(Render.error("unauthorized", "Access Token Invalid"))));
        return;
      }
      String accept = request.header("Accept");
      if (accept == null || !(accept.contains("application/json") || accept.contains("*/*"))) {
        send(
            request.exchange(),
            Response.json(
                406,
                Render.bytes(Render.error("unsupported", "Accept must include application/json"))));
        return;
      }
    }
    RateLimiter.Decision decision = limiter.acquire();
    java.util.function.UnaryOperator<Response> withLimits =
        r ->
            r.header(
                    "X-RateLimit-Limit",
                    String.valueOf(
                        decision.limit() == Long.MAX_VALUE ? 1_000_000 : decision.limit()))
                .header(
                    "X-RateLimit-Remaining",
                    String.valueOf(
                        decision.limit() == Long.MAX_VALUE ? 1_000_000 : decision.remaining()))
                .header("X-RateLimit-Reset", String.valueOf(decision.resetEpochSecond()));
    if (!decision.allowed()) {
      served429.incrementAndGet();
      send(
          request.exchange(),
          withLimits.apply(
              Response.json(
                  429,
                  Render.bytes(
                      Render.error(
                          "rate_limit_exceeded",
                          "Exceeded rate limit of " + decision.limit() + " in 10_seconds")))));
      return;
    }
    if (planRestricted
        && !OPEN_ENDPOINTS.contains(route.endpoint())
        && !route.endpoint().equals("POST /auth/eagle/token")) {
      send(
          request.exchange(),
          withLimits.apply(
              Response.json(
                  403,
                  Render.bytes(
                      Render.error("api_plan_restricted", "Active subscription needed.")))));
      return;
    }
    Fault fault = faults.next(route.endpoint()).orElse(Fault.NONE);
    switch (fault) {
      case HTTP_500, HTTP_502, HTTP_503 -> {
        int status = fault == Fault.HTTP_500 ? 500 : fault == Fault.HTTP_502 ? 502 : 503;
        send(
            request.exchange(),
            Response.json(
                status,
                Render.bytes(
                    Render.error(
                        "server_error", "Request failed due to an internal network error."))));
        return;
      }
      case HTTP_429 -> {
        served429.incrementAndGet();
        send(
            request.exchange(),
            withLimits.apply(
                Response.json(
                    429,
                    Render.bytes(Render.error("rate_limit_exceeded", "Exceeded rate limit")))));
        return;
      }
      case RESET -> {
        // Closing without a status line: the client sees the connection drop.
        request.exchange().close();
        return;
      }
      case SLOW -> sleep(faults.slowMillis(route.endpoint()));
      default -> {}
    }
    Response response = withLimits.apply(handle(route, request));
    if (fault == Fault.INVALID_JSON && response.status() == 200) {
      response =
          withLimits.apply(
              Response.json(
                  200, "{\"type\":\"conversation\",\"id\":".getBytes(StandardCharsets.UTF_8)));
    }
    if (fault == Fault.TRUNCATED && response.status() == 200) {
      sendTruncated(request.exchange(), response);
      return;
    }
    send(request.exchange(), response);
  }

  private Response handle(Route route, Request request) throws IOException {
    try {
      return route.handler().handle(request);
    } catch (Search.BadRequest e) {
      return Response.json(400, Render.bytes(Render.error(e.code, e.getMessage())));
    } catch (NoSuchElementException e) {
      return Response.json(404, Render.bytes(Render.error("not_found", "Resource Not Found")));
    } catch (IllegalArgumentException e) {
      return Response.json(400, Render.bytes(Render.error("parameter_invalid", e.getMessage())));
    } catch (tools.jackson.core.JacksonException e) {
      return Response.json(
          400, Render.bytes(Render.error("parameter_invalid", "The body is not valid JSON")));
    }
  }

  private void send(HttpExchange exchange, Response response) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    bytesOut.addAndGet(body.length);
  }

  private void sendTruncated(HttpExchange exchange, Response response) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    byte[] body = response.body();
    exchange.sendResponseHeaders(200, body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, body.length / 2);
    out.flush();
    bytesOut.addAndGet(body.length / 2);
    try {
      // Closing short of the promised length drops the connection: the client reads a truncated
      // body.
      exchange.close();
    } catch (RuntimeException e) {
      // The server complains that fewer bytes were written than promised: that is the point.
    }
  }

  private static Response ok(JsonNode body) {
    return Response.json(200, Render.bytes(body));
  }

  private static JsonNode json(Request r) {
    return Render.JSON.readTree(
        r.body().length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : r.body());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- OAuth ----------------------------------------------------------------------------------

  private Response consentPage(Request r) {
    String clientId = r.param("client_id");
    String state = r.param("state");
    String redirect = r.param("redirect_uri");
    if (!config.clientId().equals(clientId)) {
      return Response.html(
          400, "<h1>Unknown app</h1><p>No app with client_id " + escape(clientId) + ".</p>");
    }
    if (redirect != null
        && !config.redirectUris().isEmpty()
        && !config.redirectUris().contains(redirect)) {
      return Response.html(400, "<h1>Redirect URL not registered</h1>");
    }
    return Response.html(
        200,
        "<!doctype html><html><head><title>Intercom</title></head><body>"
            + "<h1>Connect to "
            + escape(config.workspaceName())
            + "</h1>"
            + "<p>The app would like to read conversations, users and companies, tags and admins.</p>"
            + "<form method=\"post\" action=\"/oauth/allow\">"
            + "<input type=\"hidden\" name=\"client_id\" value=\""
            + escape(clientId)
            + "\">"
            + "<input type=\"hidden\" name=\"state\" value=\""
            + escape(state)
            + "\">"
            + "<input type=\"hidden\" name=\"redirect_uri\" value=\""
            + escape(redirect == null ? "" : redirect)
            + "\">"
            + "<button type=\"submit\">Allow</button></form></body></html>");
  }

  /**
   * The admin clicked Allow: redirect with a one-time code (which, like Intercom's, may end in
   * '=').
   */
  private Response allow(Request r) {
    Map<String, String> form = r.form();
    if (!config.clientId().equals(form.get("client_id"))) {
      return Response.html(400, "<h1>Unknown app</h1>");
    }
    String redirect = form.getOrDefault("redirect_uri", "");
    if (redirect.isEmpty()) {
      return Response.html(400, "<h1>No redirect URL</h1>");
    }
    byte[] raw = new byte[19];
    random.nextBytes(raw);
    String code = Base64.getEncoder().encodeToString(raw);
    codes.put(code, form.get("client_id"));
    String sep = redirect.contains("?") ? "&" : "?";
    return Response.redirect(
        redirect
            + sep
            + "code="
            + URLEncoder.encode(code, StandardCharsets.UTF_8)
            + "&state="
            + URLEncoder.encode(form.getOrDefault("state", ""), StandardCharsets.UTF_8));
  }

  private Response token(Request r) {
    Map<String, String> form = r.form();
    String code = form.get("code");
    if (!config.clientId().equals(form.get("client_id"))
        || !config.clientSecret().equals(form.get("client_secret"))) {
      return Response.json(401, Render.bytes(Render.error("unauthorized", "Unauthorized Client")));
    }
    if (code == null || codes.remove(code) == null) {
      return Response.json(401, Render.bytes(Render.error("unauthorized", "Unauthorized Code")));
    }
    byte[] raw = new byte[30];
    random.nextBytes(raw);
    String token = "dG9rOj" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    tokens.add(token);
    newest.set(token);
    ObjectNode o = Render.object();
    o.put("token_type", "Bearer");
    o.put("token", token);
    o.put("access_token", token);
    return ok(o);
  }

  private Response file(Request r) {
    return files
        .open(r.pathParams().get(0), r.param("expires"), r.param("signature"))
        .map(f -> new Response(200, f.contentType(), f.bytes(), new LinkedHashMap<>()))
        .orElseGet(() -> Response.html(404, "<h1>Not found</h1><p>The link expired.</p>"));
  }

  // ---- API ------------------------------------------------------------------------------------

  private ObjectNode me() {
    ObjectNode o = Render.object();
    o.put("type", "admin");
    o.put("id", workspace.admins().get(0).id());
    o.put("email", workspace.admins().get(0).email());
    o.put("name", workspace.admins().get(0).name());
    o.put("email_verified", true);
    ObjectNode app = o.putObject("app");
    app.put("type", "app");
    app.put("id_code", config.appId());
    app.put("name", config.workspaceName());
    app.put("created_at", 1_600_000_000L);
    app.put("secure", true);
    app.put("identity_verification", true);
    app.put("timezone", "UTC");
    app.put("region", config.region());
    ObjectNode avatar = o.putObject("avatar");
    avatar.put("type", "avatar");
    avatar.putNull("image_url");
    o.put("has_inbox_seat", true);
    return o;
  }

  private Response searchConversations(Request r) {
    Search.Page page = search.search(json(r));
    return ok(workspace.read(() -> Search.listJson(page, render)));
  }

  private Response listConversations(Request r) {
    int perPage = r.param("per_page") == null ? 20 : Integer.parseInt(r.param("per_page"));
    Search.Page page = search.list(perPage, r.param("starting_after"));
    return ok(workspace.read(() -> Search.listJson(page, render)));
  }

  private Response conversation(Request r) {
    String id = r.pathParams().get(0);
    boolean plaintext = "plaintext".equals(r.param("display_as"));
    return workspace.read(
        () ->
            workspace
                .conversation(id)
                .map(c -> ok(render.conversation(c, true, plaintext)))
                .orElseGet(
                    () ->
                        Response.json(
                            404, Render.bytes(Render.error("not_found", "Resource Not Found")))));
  }

  private Response deletedConversations(Request r) {
    int page = r.param("page") == null ? 1 : Integer.parseInt(r.param("page"));
    int perPage = r.param("per_page") == null ? 20 : Integer.parseInt(r.param("per_page"));
    if (perPage < 1 || perPage > 60 || page < 1) {
      throw new IllegalArgumentException("per_page is 1 to 60, page from 1");
    }
    boolean desc = "desc".equals(r.param("order"));
    List<SimWorkspace.Deleted> all =
        new ArrayList<>(workspace.read(workspace::deletedConversations));
    if (desc) {
      java.util.Collections.reverse(all);
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
          baseUrl()
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

  private JsonNode tagList() {
    ObjectNode o = Render.object();
    o.put("type", "list");
    ArrayNode data = o.putArray("data");
    workspace
        .tags()
        .forEach(
            t -> {
              ObjectNode tag = data.addObject();
              tag.put("type", "tag");
              tag.put("id", t.id());
              tag.put("name", t.name());
            });
    return o;
  }

  private JsonNode adminList() {
    ObjectNode o = Render.object();
    o.put("type", "admin.list");
    ArrayNode admins = o.putArray("admins");
    workspace
        .admins()
        .forEach(
            a -> {
              ObjectNode admin = admins.addObject();
              admin.put("type", "admin");
              admin.put("id", a.id());
              admin.put("name", a.name());
              admin.put("email", a.email());
              admin.put("job_title", "Support");
              admin.put("away_mode_enabled", false);
              admin.put("away_mode_reassign", false);
              admin.put("has_inbox_seat", true);
              admin.putArray("team_ids");
            });
    return o;
  }

  private JsonNode teamList() {
    ObjectNode o = Render.object();
    o.put("type", "team.list");
    ArrayNode teams = o.putArray("teams");
    workspace
        .teams()
        .forEach(
            t -> {
              ObjectNode team = teams.addObject();
              team.put("type", "team");
              team.put("id", t.id());
              team.put("name", t.name());
              ArrayNode ids = team.putArray("admin_ids");
              t.adminIds().forEach(id -> ids.add(Long.parseLong(id)));
            });
    return o;
  }

  // ---- control --------------------------------------------------------------------------------

  private interface ControlCall {
    String run();
  }

  private Response control(ControlCall call) {
    ObjectNode o = Render.object();
    o.put("result", call.run());
    return Response.json(200, Render.bytes(o));
  }

  /** A customer replies to the conversation; returns the new part's id. */
  public String customerReplies(String conversationId) {
    return workspace
        .customerReplies(conversationId, "One more thing: it happened again today.")
        .id();
  }

  /** An admin replies; returns the new part's id. */
  public String agentReplies(String conversationId) {
    return workspace.agentReplies(conversationId, "Thanks, we are on it.").id();
  }

  public String addTag(String conversationId, String tagId) {
    workspace.addTag(conversationId, tagId);
    return tagId;
  }

  public String removeTag(String conversationId, String tagId) {
    workspace.removeTag(conversationId, tagId);
    return tagId;
  }

  public String changeState(String conversationId, String state) {
    workspace.changeState(conversationId, state);
    return state;
  }

  /** An assignment only: bumps updated_at but should cost a sync nothing. */
  public String assign(String conversationId, String adminId) {
    workspace.assign(conversationId, adminId);
    return adminId;
  }

  public String deleteConversation(String conversationId) {
    workspace.deleteConversation(conversationId);
    return conversationId;
  }

  public String deleteContact(String contactId) {
    workspace.deleteContact(contactId);
    return contactId;
  }

  public String touchContact(String contactId) {
    workspace.updateContact(contactId, "last_feedback_at", workspace.now());
    return contactId;
  }

  /** A new conversation: {@code customer}, {@code outbound-replied} or {@code outbound-silent}. */
  public String newConversation(String kind) {
    Kind k =
        switch (kind) {
          case "customer" -> Kind.CUSTOMER_INITIATED;
          case "outbound-replied" -> Kind.OUTBOUND_REPLIED;
          case "outbound-silent" -> Kind.OUTBOUND_SILENT;
          default ->
              throw new IllegalArgumentException(
                  "kind is customer, outbound-replied or outbound-silent");
        };
    return workspace.newConversation(k).id;
  }

  public String revokeAll() {
    revoked.addAll(tokens);
    return String.valueOf(revoked.size());
  }

  /**
   * Revokes only the token issued last (the account connected last loses access; the others keep
   * it), as an admin uninstalling the app from one workspace would.
   */
  public String revokeNewest() {
    String token = newest.get();
    if (token == null) {
      throw new IllegalStateException("no token was issued yet");
    }
    revoked.add(token);
    return String.valueOf(revoked.size());
  }

  public String planRestricted(boolean restricted) {
    planRestricted = restricted;
    return String.valueOf(restricted);
  }

  public String rateLimit(long perMinute) {
    limiter.perMinute(perMinute);
    return String.valueOf(perMinute);
  }

  /** Fails calls to {@code endpoint} ("GET /conversations/{id}", or "*") with this probability. */
  public void faultProbability(
      String endpoint, double probability, List<Fault> kinds, long slowMillis) {
    faults.probability(endpoint, probability, kinds, slowMillis);
  }

  /** The next calls to {@code endpoint} meet these faults in order (NONE lets one through). */
  public void faultScript(String endpoint, List<Fault> sequence) {
    faults.script(endpoint, sequence, 2000);
  }

  public String clearFaults() {
    faults.clear();
    return "cleared";
  }

  private Response faultsFromJson(Request r) {
    JsonNode body = json(r);
    String endpoint = body.path("endpoint").asString("*");
    List<Fault> kinds = new ArrayList<>();
    body.path("faults").forEach(f -> kinds.add(Fault.valueOf(f.asString())));
    long slow = body.path("slow_millis").asLong(2000);
    if (body.has("probability")) {
      faults.probability(endpoint, body.get("probability").asDouble(), kinds, slow);
    } else {
      faults.script(endpoint, kinds, slow);
    }
    return control(() -> endpoint);
  }

  /**
   * Sends a signed webhook for a conversation or contact to the configured URL; returns the status.
   */
  public int sendWebhook(String topic, String id) {
    String url =
        config
            .webhookUrl()
            .orElseThrow(() -> new IllegalArgumentException("no webhook URL configured"));
    JsonNode item =
        workspace.read(
            () ->
                topic.startsWith("contact.")
                    ? render.contact(workspace.contacts().get(id))
                    : render.conversation(workspace.requireConversation(id), true, true));
    ObjectNode envelope = Render.object();
    envelope.put("type", "notification_event");
    envelope.put("id", "notif_" + java.util.UUID.randomUUID());
    envelope.put("topic", topic);
    envelope.put("app_id", config.appId());
    long now = workspace.now();
    envelope.put("created_at", now);
    envelope.put("delivery_attempts", 1);
    envelope.put("first_sent_at", now);
    envelope.putNull("self");
    ObjectNode data = envelope.putObject("data");
    data.put("type", "notification_event_data");
    data.set("item", item);
    byte[] body = Render.bytes(envelope);
    try {
      HttpResponse<Void> response =
          webhookClient.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(5))
                  .header("Content-Type", "application/json")
                  .header("User-Agent", "intercom-parrot-service-client/1.0")
                  .header("X-Hub-Signature", "sha1=" + hmacSha1(body, config.clientSecret()))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  static String hmacSha1(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Calls served per endpoint, 429s, bytes, the busiest 10-second window, faults injected. */
  public Counters counters() {
    Map<String, Long> byEndpoint = new java.util.TreeMap<>();
    calls.forEach((k, v) -> byEndpoint.put(k, v.get()));
    Map<String, Long> injected = new java.util.TreeMap<>();
    faults.injected().forEach((k, v) -> injected.put(k.name(), v));
    return new Counters(
        byEndpoint,
        served429.get(),
        bytesOut.get(),
        limiter.maxUsedInAnyWindow(),
        limiter.perWindow() == Long.MAX_VALUE ? 0 : limiter.perWindow(),
        injected);
  }

  /**
   * API calls made with the token issued last: one account's calls, whatever the other accounts on
   * this workspace do meanwhile.
   */
  public long newestTokenCalls() {
    return newestTokenCallsByEndpoint().values().stream().mapToLong(Long::longValue).sum();
  }

  /** The same, per endpoint. */
  public Map<String, Long> newestTokenCallsByEndpoint() {
    String token = newest.get();
    Map<String, Long> calls = new java.util.TreeMap<>();
    if (token != null) {
      callsByToken.getOrDefault(token, Map.of()).forEach((k, v) -> calls.put(k, v.get()));
    }
    return calls;
  }

  public String resetCounters() {
    calls.clear();
    served429.set(0);
    bytesOut.set(0);
    limiter.reset();
    return "reset";
  }

  /** What a correct sync of this workspace holds, worked out from the simulator's own data. */
  public Oracle oracle() {
    return workspace.read(() -> Oracle.of(workspace));
  }

  private static String escape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }

  /** For the demo's summary and the tests: how many companies and contacts there are. */
  public int contactCount() {
    return workspace.read(() -> workspace.contacts().size());
  }

  public int companyCount() {
    return workspace.read(() -> workspace.companies().size());
  }

  List<Company> companiesForTest() {
    return workspace.read(() -> List.copyOf(workspace.companies().values()));
  }

  List<Contact> contactsForTest() {
    return workspace.read(() -> List.copyOf(workspace.contacts().values()));
  }

  List<Conversation> conversationsForTest() {
    return workspace.read(() -> List.copyOf(workspace.conversations()));
  }
}
