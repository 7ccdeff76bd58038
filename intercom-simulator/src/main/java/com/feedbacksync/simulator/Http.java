package com.feedbacksync.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tiny routing and exchange helpers over the JDK's HTTP server. */
final class Http {

  private Http() {}

  record Request(
      HttpExchange exchange,
      String method,
      String path,
      Map<String, String> query,
      List<String> pathParams,
      byte[] body) {

    String header(String name) {
      return exchange.getRequestHeaders().getFirst(name);
    }

    String param(String name) {
      return query.get(name);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    Map<String, String> form() {
      return parseQuery(bodyText());
    }
  }

  record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    static Response json(int status, byte[] body) {
      return new Response(status, "application/json; charset=utf-8", body, new LinkedHashMap<>());
    }

    static Response html(int status, String html) {
      return new Response(
          status,
          "text/html; charset=utf-8",
          html.getBytes(StandardCharsets.UTF_8),
          new LinkedHashMap<>());
    }

    static Response redirect(String location) {
      Response r = new Response(302, "text/plain", new byte[0], new LinkedHashMap<>());
      r.headers().put("Location", location);
      return r;
    }

    Response header(String name, String value) {
      headers.put(name, value);
      return this;
    }
  }

  interface Handler {
    Response handle(Request request) throws IOException;
  }

  /**
   * A route: method, a path pattern with {name} segments, the endpoint's name for counters and
   * faults.
   */
  record Route(String method, Pattern pattern, String endpoint, Handler handler) {
    static Route of(String method, String template, Handler handler) {
      String regex = template.replaceAll("\\{[^/]+}", "([^/]+)");
      return new Route(method, Pattern.compile(regex), method + " " + template, handler);
    }

    /** The path's parameters, decoded, if this route answers the method and path. */
    Optional<List<String>> match(String method, String path) {
      if (!this.method.equals(method)) {
        return Optional.empty();
      }
      Matcher m = pattern.matcher(path);
      if (!m.matches()) {
        return Optional.empty();
      }
      List<String> params = new ArrayList<>();
      for (int i = 1; i <= m.groupCount(); i++) {
        params.add(URLDecoder.decode(m.group(i), StandardCharsets.UTF_8));
      }
      return Optional.of(params);
    }
  }

  static Map<String, String> parseQuery(String raw) {
    Map<String, String> map = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return map;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      map.put(key, value);
    }
    return map;
  }

  static byte[] readBody(HttpExchange exchange, int limit) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(limit + 1);
      if (body.length > limit) {
        throw new IOException("request body over " + limit + " bytes");
      }
      return body;
    }
  }
}
