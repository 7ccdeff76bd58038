package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Http.Response;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes answers to the JDK's exchange and records the bytes sent in the ledger; can also cut an
 * answer short, as the {@code TRUNCATED} fault needs.
 */
final class Sender {

  private final CallLedger ledger;

  Sender(CallLedger ledger) {
    this.ledger = ledger;
  }

  void send(HttpExchange exchange, Response response) throws IOException {
    headers(exchange, response);
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    ledger.sent(body.length);
  }

  /** Promises the whole body, sends half, and drops the connection. */
  void sendTruncated(HttpExchange exchange, Response response) throws IOException {
    headers(exchange, response);
    byte[] body = response.body();
    exchange.sendResponseHeaders(200, body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, body.length / 2);
    out.flush();
    ledger.sent(body.length / 2);
    try {
      // Closing short of the promised length drops the connection: the client reads a truncated
      // body.
      exchange.close();
    } catch (RuntimeException e) {
      // The server complains that fewer bytes were written than promised: that is the point.
    }
  }

  private static void headers(HttpExchange exchange, Response response) {
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
  }
}
