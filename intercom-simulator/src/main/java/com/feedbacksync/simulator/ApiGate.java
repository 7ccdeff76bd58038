package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Faults.Fault;
import com.feedbacksync.simulator.Http.Request;
import com.feedbacksync.simulator.Http.Response;
import com.feedbacksync.simulator.Http.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The gate every Intercom API call passes, in Intercom's order: counted, then its token, its Accept
 * header, the rate limit, the plan, and a fault if one is due; only then answered.
 */
final class ApiGate {

  /** The OAuth exchange is an API call (counted, rate-limited) that needs no token of its own. */
  private static final String TOKEN_EXCHANGE = "POST /auth/eagle/token";

  private static final String RETRIEVE = "GET /conversations/{id}";

  /** What Intercom still answers on a plan without API access. */
  private static final Set<String> OPEN_ENDPOINTS =
      Set.of("GET /me", "GET /tags", "GET /admins", "GET /teams");

  private final CallLedger ledger;
  private final Tokens tokens;
  private final RateLimiter limiter;
  private final Faults faults;
  private final Sender sender;
  private volatile boolean planRestricted;

  ApiGate(
      CallLedger ledger,
      Tokens tokens,
      RateLimiter limiter,
      Faults faults,
      Sender sender,
      boolean planRestricted) {
    this.ledger = ledger;
    this.tokens = tokens;
    this.limiter = limiter;
    this.faults = faults;
    this.sender = sender;
    this.planRestricted = planRestricted;
  }

  /** From now on, answer 403 api_plan_restricted (or stop doing so), as a plan change would. */
  void planRestricted(boolean restricted) {
    planRestricted = restricted;
  }

  /** Lets the call through to its route, or answers it with the refusal or fault it meets. */
  void pass(Route route, Request request) throws IOException {
    String endpoint = route.endpoint();
    ledger.called(endpoint);
    if (!endpoint.equals(TOKEN_EXCHANGE)) {
      Optional<Response> refused = authenticate(endpoint, request);
      if (refused.isPresent()) {
        sender.send(request.exchange(), refused.get());
        return;
      }
    }
    RateLimiter.Decision decision = limiter.acquire();
    ledger.decided(endpoint, decision);
    if (!decision.allowed()) {
      ledger.rateLimited();
      sender.send(
          request.exchange(),
          withLimits(
              Replies.error(
                  429,
                  "rate_limit_exceeded",
                  "Exceeded rate limit of " + decision.limit() + " in 10_seconds"),
              decision));
      return;
    }
    if (planRestricted && !OPEN_ENDPOINTS.contains(endpoint) && !endpoint.equals(TOKEN_EXCHANGE)) {
      sender.send(
          request.exchange(),
          withLimits(
              Replies.error(403, "api_plan_restricted", "Active subscription needed."), decision));
      return;
    }
    Fault fault = faults.forItem(request.path()).or(() -> faults.next(endpoint)).orElse(Fault.NONE);
    switch (fault) {
      case HTTP_500, HTTP_502, HTTP_503 -> {
        int status = fault == Fault.HTTP_500 ? 500 : fault == Fault.HTTP_502 ? 502 : 503;
        sender.send(
            request.exchange(),
            Replies.error(
                status, "server_error", "Request failed due to an internal network error."));
        return;
      }
      case HTTP_429 -> {
        ledger.rateLimited();
        sender.send(
            request.exchange(),
            withLimits(Replies.error(429, "rate_limit_exceeded", "Exceeded rate limit"), decision));
        return;
      }
      case HTTP_400 -> {
        sender.send(
            request.exchange(),
            withLimits(Replies.error(400, "parameter_invalid", "Invalid request."), decision));
        return;
      }
      case RESET -> {
        // Closing without a status line: the client sees the connection drop.
        request.exchange().close();
        return;
      }
      case SLOW -> sleep(faults.slowMillis(endpoint));
      default -> {}
    }
    if (endpoint.equals(RETRIEVE)) {
      Tokens.bearer(request).ifPresent(t -> ledger.retrievedWith(t, request.pathParams().get(0)));
    }
    answer(route, request, fault, decision);
  }

  /** A missing, unknown or revoked token is refused (401), then an Accept without JSON (406). */
  private Optional<Response> authenticate(String endpoint, Request request) {
    Optional<String> token = Tokens.bearer(request);
    token.ifPresent(t -> ledger.calledWith(t, endpoint));
    if (token.isEmpty() || !tokens.valid(token.get())) {
      return Optional.of(Replies.error(401, "unauthorized", "Access Token Invalid"));
    }
    String accept = request.header("Accept");
    if (accept == null || !(accept.contains("application/json") || accept.contains("*/*"))) {
      return Optional.of(Replies.error(406, "unsupported", "Accept must include application/json"));
    }
    return Optional.empty();
  }

  /** The route's answer; the body faults spoil only a successful one. */
  private void answer(Route route, Request request, Fault fault, RateLimiter.Decision decision)
      throws IOException {
    Response response = withLimits(Replies.answer(route, request), decision);
    if (fault == Fault.INVALID_JSON && response.status() == 200) {
      response =
          withLimits(
              Response.json(
                  200, "{\"type\":\"conversation\",\"id\":".getBytes(StandardCharsets.UTF_8)),
              decision);
    }
    if (fault == Fault.OVERLONG_ID && response.status() == 200) {
      String itemId = route.endpoint().contains("{id}") ? request.pathParams().get(0) : "";
      String body = new String(response.body(), StandardCharsets.UTF_8);
      response =
          withLimits(
              Response.json(
                  200,
                  body.replace("\"id\":\"" + itemId + "\"", "\"id\":\"" + "9".repeat(300) + "\"")
                      .getBytes(StandardCharsets.UTF_8)),
              decision);
    }
    if (response.status() == 200) {
      response = ListingCorruption.apply(response, faults);
    }
    if (fault == Fault.TRUNCATED && response.status() == 200) {
      sender.sendTruncated(request.exchange(), response);
      return;
    }
    sender.send(request.exchange(), response);
  }

  /** Intercom's X-RateLimit-* headers; with no limit set, a budget of a million is shown. */
  private static Response withLimits(Response r, RateLimiter.Decision decision) {
    boolean unlimited = decision.limit() == Long.MAX_VALUE;
    return r.header("X-RateLimit-Limit", String.valueOf(unlimited ? 1_000_000 : decision.limit()))
        .header(
            "X-RateLimit-Remaining", String.valueOf(unlimited ? 1_000_000 : decision.remaining()))
        .header("X-RateLimit-Reset", String.valueOf(decision.resetEpochSecond()));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
