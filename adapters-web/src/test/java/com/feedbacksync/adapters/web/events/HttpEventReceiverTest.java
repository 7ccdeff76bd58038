package com.feedbacksync.adapters.web.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.web.support.RepositoryReceiver;
import com.feedbacksync.application.model.DeliveryResult;
import com.feedbacksync.application.model.EventType;
import com.feedbacksync.application.model.OutboundEvent;
import com.feedbacksync.domain.account.AccountId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One signed delivery attempt over HTTP, judged by the receiver's answer. */
class HttpEventReceiverTest {

  private static final String SECRET = "a-secret-of-at-least-32-characters-long";
  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

  private static HttpEventReceiver receiver(String url) {
    EventSettings settings = new EventSettings();
    settings.url = Optional.of(url);
    settings.secret = Optional.of(SECRET);
    settings.timeoutSeconds = 1;
    HttpEventReceiver receiver = new HttpEventReceiver();
    receiver.settings = settings;
    receiver.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return receiver;
  }

  private static OutboundEvent event() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("workspaceId", "ws-1");
    data.put("failures", 3L);
    data.put("purged", false);
    return new OutboundEvent(
        "5b1c0f1e-0000-4000-8000-000000000001",
        EventType.SYNC_FAILING,
        Instant.parse("2026-12-01T08:59:58.123456Z"),
        new AccountId("acme"),
        data);
  }

  @Test
  void a_delivery_carries_the_event_as_json_signed_over_timestamp_and_body() throws Exception {
    try (RepositoryReceiver repository = RepositoryReceiver.start(0, SECRET)) {
      DeliveryResult result = receiver(repository.uri().toString()).deliver(event());

      assertInstanceOf(DeliveryResult.Delivered.class, result);
      RepositoryReceiver.Delivery got = repository.deliveries().get(0);
      assertTrue(got.signatureValid(), "the receiver's own HMAC check accepts it");
      assertEquals(NOW.getEpochSecond(), got.timestamp());
      assertEquals("5b1c0f1e-0000-4000-8000-000000000001", got.eventId());
      assertEquals("sync.failing", got.type());
      JsonObject body = Json.createReader(new StringReader(got.body())).readObject();
      assertEquals("5b1c0f1e-0000-4000-8000-000000000001", body.getString("id"));
      assertEquals("sync.failing", body.getString("type"));
      assertEquals("2026-12-01T08:59:58.123456Z", body.getString("occurredAt"));
      assertEquals("acme", body.getString("account"));
      JsonObject data = body.getJsonObject("data");
      assertEquals("ws-1", data.getString("workspaceId"));
      assertEquals(3, data.getInt("failures"));
      assertFalse(data.getBoolean("purged"));
      assertFalse(got.body().contains(SECRET));
    }
  }

  @Test
  void a_receiver_with_another_secret_refuses_the_signature() throws Exception {
    try (RepositoryReceiver repository =
        RepositoryReceiver.start(0, "another-secret-of-32-characters-or-more")) {
      DeliveryResult result = receiver(repository.uri().toString()).deliver(event());

      assertFalse(repository.deliveries().get(0).signatureValid());
      assertEquals(new DeliveryResult.Refused("answered 401"), result);
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "200, Delivered",
    "204, Delivered",
    "500, Retry",
    "503, Retry",
    "429, Retry",
    "400, Refused",
    "404, Refused",
    "302, Refused",
  })
  void the_answer_decides_between_delivered_retry_and_refused(int status, String outcome)
      throws Exception {
    try (RepositoryReceiver repository = RepositoryReceiver.start(0, SECRET)) {
      repository.answer(attempt -> status);
      DeliveryResult result = receiver(repository.uri().toString()).deliver(event());
      assertEquals(outcome, result.getClass().getSimpleName());
    }
  }

  @Test
  void a_receiver_that_is_down_is_a_retry_naming_no_url() throws Exception {
    int free;
    try (ServerSocket socket = new ServerSocket(0)) {
      free = socket.getLocalPort();
    }
    DeliveryResult result =
        receiver("http://user:token@127.0.0.1:" + free + "/events").deliver(event());

    DeliveryResult.Retry retry = assertInstanceOf(DeliveryResult.Retry.class, result);
    assertFalse(retry.reason().contains("token"), retry.reason());
  }

  @Test
  void a_receiver_that_never_ends_its_body_holds_no_thread() throws Exception {
    // 200 and a promised megabyte that never comes: the status decides, the body is not awaited.
    try (ServerSocket trickling = new ServerSocket(0)) {
      Thread server =
          new Thread(
              () -> {
                try (java.net.Socket client = trickling.accept()) {
                  client.getInputStream().read(new byte[65536]);
                  client
                      .getOutputStream()
                      .write(
                          "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n{"
                              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                  client.getOutputStream().flush();
                  Thread.sleep(60_000);
                } catch (Exception e) {
                  // the test closed the socket, or the client went away: done either way
                }
              });
      server.setDaemon(true);
      server.start();
      DeliveryResult result =
          org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
              java.time.Duration.ofSeconds(10),
              () ->
                  receiver("http://127.0.0.1:" + trickling.getLocalPort() + "/events")
                      .deliver(event()));
      assertEquals("Delivered", result.getClass().getSimpleName());
    }
  }

  @Test
  void a_receiver_that_does_not_answer_in_time_is_a_retry() throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) {
      long started = System.nanoTime();
      DeliveryResult result =
          receiver("http://127.0.0.1:" + silent.getLocalPort() + "/events").deliver(event());
      assertEquals(new DeliveryResult.Retry("no answer within 1 s"), result);
      assertTrue(System.nanoTime() - started < 5_000_000_000L, "bounded by the timeout");
    }
  }
}
