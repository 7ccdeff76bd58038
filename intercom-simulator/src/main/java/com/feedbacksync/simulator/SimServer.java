package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Faults.Fault;
import com.feedbacksync.simulator.Http.Request;
import com.feedbacksync.simulator.Http.Response;
import com.feedbacksync.simulator.Http.Route;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP server and its dispatch: finds the route, reads the body, and sends Intercom's API calls
 * to their workspace's {@link ApiGate} ({@link Tenants}); OAuth pages, files and control calls are
 * answered directly, their bytes counted in the first workspace's ledger.
 */
final class SimServer {

  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, each answer
    // then waits for the client's delayed ACK (~40 ms). Read once, when the server classes load.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final int MAX_BODY = 1 << 20;

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Route> routes = new ArrayList<>();

  /** Per file, how often the file host sent it whole (a download a fault answered is not one). */
  private final Map<String, AtomicLong> filesServed = new ConcurrentHashMap<>();

  private Sender sender;
  private Tenants tenants;

  /** Binds the port on the loopback address; nothing is served before {@link #start}. */
  SimServer(int port) throws IOException {
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    this.executor =
        Executors.newFixedThreadPool(Math.max(8, Runtime.getRuntime().availableProcessors() * 4));
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Where the simulator answers; links it hands out (files, next pages) point here. */
  String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Serves these routes, matched in order (so a literal path must come before a template). */
  void start(List<Route> routes, Tenants tenants) {
    this.routes.addAll(routes);
    this.tenants = tenants;
    this.sender = tenants.first().sender;
    server.start();
  }

  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod();
      Optional<Matched> matched = match(method, path);
      if (matched.isEmpty()) {
        sender.send(exchange, Replies.notFound());
        return;
      }
      Route route = matched.get().route();
      Request request;
      try {
        request =
            new Request(
                exchange,
                method,
                path,
                Http.parseQuery(exchange.getRequestURI().getRawQuery()),
                matched.get().params(),
                Http.readBody(exchange, MAX_BODY));
      } catch (IOException e) {
        sender.send(exchange, Replies.error(413, "bad_request", e.getMessage()));
        return;
      }
      if (path.startsWith("/i/o/") && fileHostFault(route, request)) {
        return;
      }
      if (path.startsWith(ControlRoutes.PREFIX)
          || path.startsWith("/oauth")
          || path.startsWith("/i/o/")) {
        // Not Intercom's REST API: no token, no rate limit, not counted as calls; the only faults
        // are the file host's, above.
        Response answer = Replies.answer(route, request);
        if (path.startsWith("/i/o/") && answer.status() == 200) {
          filesServed
              .computeIfAbsent(request.pathParams().get(0), k -> new AtomicLong())
              .incrementAndGet();
        }
        sender.send(exchange, answer);
        return;
      }
      tenants.pass(route, request);
    }
  }

  long filesServed(String fileId) {
    AtomicLong served = filesServed.get(fileId);
    return served == null ? 0 : served.get();
  }

  /**
   * A fault scripted for the file host ({@code faultScript("GET /i/o/{file}", ...)}), as a CDN in
   * front of Intercom's files can answer: true when it answered the download instead of the file.
   */
  private boolean fileHostFault(Route route, Request request) throws IOException {
    Fault fault = tenants.first().faults.nextDownload(route.endpoint()).orElse(Fault.NONE);
    switch (fault) {
      case HTTP_500, HTTP_502, HTTP_503, HTTP_429 -> {
        int status = Integer.parseInt(fault.name().substring("HTTP_".length()));
        Response refusal = Replies.error(status, "file_host", "Try again later.");
        // As a CDN does when it sheds load; a 500 or 502 says nothing about when.
        sender.send(
            request.exchange(),
            status == 429 || status == 503 ? refusal.header("Retry-After", "1") : refusal);
        return true;
      }
      case RESET -> {
        request.exchange().close();
        return true;
      }
      case SLOW -> {
        try {
          Thread.sleep(tenants.first().faults.slowMillis(route.endpoint()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  private record Matched(Route route, List<String> params) {}

  private Optional<Matched> match(String method, String path) {
    for (Route route : routes) {
      Optional<List<String>> params = route.match(method, path);
      if (params.isPresent()) {
        return Optional.of(new Matched(route, params.get()));
      }
    }
    return Optional.empty();
  }
}
