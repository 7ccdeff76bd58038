package com.feedbacksync.adapters.web.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.web.support.AdminTokens;
import com.feedbacksync.adapters.web.support.ApiClient;
import com.feedbacksync.adapters.web.support.LibertyServer;
import com.feedbacksync.adapters.web.support.RepositoryReceiver;
import com.feedbacksync.adapters.web.support.RepositoryReceiver.Delivery;
import com.feedbacksync.adapters.web.support.TestDatabase;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.SimulatorConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Events reach the research repository from a real server (Liberty, MariaDB, the simulator): a
 * connection's event arrives signed (checked by the receiver's own HMAC code), survives two 500s
 * and is delivered once; an event written while the receiver is down stays in the outbox through a
 * {@code kill -9} of the server and is delivered after it starts again.
 */
class EventsIT {

  private static final String SECRET =
      HexFormat.of().formatHex(new SecureRandom().generateSeed(32));

  private static int port(String property, int fallback) {
    return Integer.parseInt(System.getProperty(property, String.valueOf(fallback)));
  }

  @Test
  void events_are_signed_retried_delivered_once_and_survive_a_server_kill() throws Exception {
    int simPort = port("it.simulator.port", 9189);
    AdminTokens.publish();
    String account = "events-" + UUID.randomUUID().toString().substring(0, 8);
    String admin = AdminTokens.token("ada", account, "admin");
    RepositoryReceiver receiver = RepositoryReceiver.start(0, SECRET);
    int receiverPort = receiver.port();
    // Every event is answered 500 twice before it is taken.
    receiver.answer(attempt -> attempt <= 2 ? 500 : 200);
    Map<String, String> env =
        Map.of(
            "INTERCOM_BASE_URL", "http://127.0.0.1:" + simPort,
            "FEEDBACKSYNC_EVENTS_URL", receiver.uri().toString(),
            "FEEDBACKSYNC_EVENTS_SECRET", SECRET,
            "FEEDBACKSYNC_EVENTS_INTERVAL_SECONDS", "1",
            "FEEDBACKSYNC_EVENTS_FIRST_RETRY_SECONDS", "1",
            "FEEDBACKSYNC_EVENTS_MAX_RETRY_SECONDS", "2",
            "FEEDBACKSYNC_EVENTS_MAX_ATTEMPTS", "200",
            "FEEDBACKSYNC_EVENTS_TIMEOUT_SECONDS", "2",
            "FEEDBACKSYNC_EVENTS_BATCH_SIZE", "2");
    String name = "feedbackSyncEvents";
    int http = port("it.events.http.port", 9185);
    int https = port("it.events.https.port", 9447);
    LibertyServer server = null;
    try (IntercomSimulator sim =
        IntercomSimulator.start(
            SimulatorConfig.defaults(19, 20).withRatePerMinute(0).withPort(simPort))) {
      server = LibertyServer.start(name, http, https, env);
      server.awaitReady();
      // After the server's start: it migrates the database. Events left pending by an earlier,
      // interrupted run would be sent (and answered 500 twice) first.
      try (Connection c = TestDatabase.connect();
          PreparedStatement stale =
              c.prepareStatement("DELETE FROM event_outbox WHERE state = 'PENDING'")) {
        stale.executeUpdate();
      }
      ApiClient api = new ApiClient(server.url());
      api.createAccount(account, "Events", Plan.START);

      // Connect: connection.connected, then the first sync's sync.first_completed.
      String query = api.allow(sim, api.beginConnect(admin));
      assertEquals(
          200, api.get("api/v1/integrations/intercom/callback?" + query, admin).statusCode());
      await(() -> delivered(receiver, "connection.connected"), "connection.connected delivered");
      await(() -> delivered(receiver, "sync.first_completed"), "sync.first_completed delivered");

      List<Delivery> connected = receiver.deliveriesOf("connection.connected");
      assertEquals(List.of(500, 500, 200), connected.stream().map(Delivery::answered).toList());
      assertEquals(1, connected.stream().map(Delivery::eventId).distinct().count(), "one event");
      assertTrue(connected.stream().allMatch(Delivery::signatureValid), "every attempt signed");
      String connectedId = connected.get(0).eventId();
      JsonObject body = json(connected.get(2).body());
      assertEquals(connectedId, body.getString("id"));
      assertEquals("connection.connected", body.getString("type"));
      assertEquals(account, body.getString("account"));
      assertEquals("ada", body.getJsonObject("data").getString("connectedBy"));
      assertEquals(Optional.of(new Row("DELIVERED", 3)), row(connectedId));
      Thread.sleep(2500);
      assertEquals(3, receiver.deliveriesOf("connection.connected").size(), "delivered once");

      // The receiver goes down; a disconnect's event waits in the outbox through a kill -9.
      receiver.close();
      assertEquals(
          204,
          api.send("DELETE", "api/v1/integrations/intercom?purge=false", admin, null).statusCode());
      String disconnected = eventId(account, "connection.disconnected");
      await(
          () -> row(disconnected).map(r -> r.attempts() >= 1).orElse(false),
          "a delivery attempt failed while the receiver was down");
      server.kill9();
      assertEquals("PENDING", row(disconnected).orElseThrow().state());

      RepositoryReceiver back = RepositoryReceiver.start(receiverPort, SECRET);
      try {
        server = LibertyServer.start(name, http, https, env);
        server.awaitReady();
        await(() -> delivered(back, "connection.disconnected"), "delivered after the restart");
        List<Delivery> after = back.deliveriesOf("connection.disconnected");
        assertEquals(1, after.size(), "one attempt once the receiver is back: " + after);
        assertEquals(disconnected, after.get(0).eventId());
        assertTrue(after.get(0).signatureValid());
        await(
            () -> row(disconnected).map(r -> r.state().equals("DELIVERED")).orElse(false),
            "marked delivered");
        assertFalse(server.logs().contains(SECRET), "the secret never reaches the log");
      } finally {
        back.close();
      }
    } finally {
      receiver.close();
      if (server != null) {
        server.close();
      }
    }
  }

  private record Row(String state, int attempts) {}

  private static boolean delivered(RepositoryReceiver receiver, String type) {
    return receiver.deliveriesOf(type).stream().anyMatch(d -> d.answered() == 200);
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  private static Optional<Row> row(String id) {
    try (Connection c = TestDatabase.connect();
        PreparedStatement q =
            c.prepareStatement("SELECT state, attempts FROM event_outbox WHERE id = ?")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getInt(2))) : Optional.empty();
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String eventId(String account, String type) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement q =
            c.prepareStatement("SELECT id FROM event_outbox WHERE account_id = ? AND type = ?")) {
      q.setString(1, account);
      q.setString(2, type);
      try (ResultSet rs = q.executeQuery()) {
        assertTrue(rs.next(), "the disconnect wrote its event");
        String id = rs.getString(1);
        assertFalse(rs.next(), "one event");
        return id;
      }
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within two minutes: " + what);
      }
      Thread.sleep(200);
    }
  }
}
