package com.feedbacksync.adapters.web.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The research repository's event endpoint as a receiver following the README would write it: a JDK
 * HTTP server that checks each delivery's signature with its own HMAC code (not the product's
 * signer), answers with a scripted status per attempt of an event id, and keeps what it got.
 */
public final class RepositoryReceiver implements AutoCloseable {

  /** One delivery attempt as received. */
  public record Delivery(
      String eventId,
      String type,
      long timestamp,
      String body,
      boolean signatureValid,
      int answered) {}

  private final HttpServer server;
  private final byte[] secret;
  private final List<Delivery> deliveries = new ArrayList<>();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private volatile IntUnaryOperator answer = attempt -> 200;

  private RepositoryReceiver(int port, String secret) throws IOException {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/events", this::handle);
    server.start();
  }

  /** Listens on {@code port} (0: any free port). */
  public static RepositoryReceiver start(int port, String secret) throws IOException {
    return new RepositoryReceiver(port, secret);
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/events");
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The status for the n-th attempt (1-based) of an event id. */
  public void answer(IntUnaryOperator byAttempt) {
    this.answer = byAttempt;
  }

  public synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  public synchronized List<Delivery> deliveriesOf(String type) {
    return deliveries.stream().filter(d -> d.type().equals(type)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String id = exchange.getRequestHeaders().getFirst("X-FeedbackSync-Event-Id");
    String type = exchange.getRequestHeaders().getFirst("X-FeedbackSync-Event-Type");
    String timestamp = exchange.getRequestHeaders().getFirst("X-FeedbackSync-Timestamp");
    String signature = exchange.getRequestHeaders().getFirst("X-FeedbackSync-Signature");
    boolean valid = verify(timestamp, body, signature);
    int attempt =
        attempts.computeIfAbsent(String.valueOf(id), k -> new AtomicInteger()).incrementAndGet();
    int status = valid ? answer.applyAsInt(attempt) : 401;
    synchronized (this) {
      deliveries.add(
          new Delivery(
              id, type, timestamp == null ? -1 : Long.parseLong(timestamp), body, valid, status));
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /** As the README says a receiver verifies: HMAC-SHA256 over timestamp + "." + raw body. */
  private boolean verify(String timestamp, String body, String signature) {
    if (timestamp == null || signature == null || !signature.startsWith("v1=")) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      byte[] given = HexFormat.of().parseHex(signature.substring(3));
      return MessageDigest.isEqual(expected, given);
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
