package com.feedbacksync.adapters.web.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.web.support.ItDeployments;
import com.feedbacksync.application.model.ClaimedEvent;
import com.feedbacksync.application.model.EventType;
import com.feedbacksync.application.model.OutboundEvent;
import com.feedbacksync.application.port.out.EventOutbox;
import com.feedbacksync.application.port.out.Transactions;
import com.feedbacksync.domain.account.AccountId;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox on MariaDB: an event exists only if its transaction commits, never outside one; a
 * claim is exclusive across concurrent dispatchers and expires on the database's clock, after which
 * the row (still pending after its holder died) is claimed again and the old holder can mark
 * nothing.
 */
@ExtendWith(ArquillianExtension.class)
class JpaEventOutboxIT {

  @Inject EventOutbox outbox;
  @Inject Transactions transactions;

  @Resource(lookup = "jdbc/feedbacksync")
  DataSource db;

  @Deployment
  static WebArchive war() {
    return ItDeployments.war("feedback-sync-outbox-it.war")
        .addClasses(JpaEventOutboxIT.class, ItDeployments.class);
  }

  /** Its events would otherwise wait in the shared database for the next server that sends. */
  @AfterEach
  void forgetTheEvents() throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement delete =
            c.prepareStatement("DELETE FROM event_outbox WHERE account_id LIKE 'outbox-%'")) {
      delete.executeUpdate();
    }
  }

  private static OutboundEvent event() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("workspaceId", "ws-ä");
    data.put("failures", 3L);
    data.put("purged", true);
    return new OutboundEvent(
        UUID.randomUUID().toString(),
        EventType.SYNC_FAILING,
        Instant.now().truncatedTo(ChronoUnit.MICROS),
        new AccountId("outbox-" + UUID.randomUUID().toString().substring(0, 8)),
        data);
  }

  private List<OutboundEvent> committed(int n) {
    List<OutboundEvent> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      events.add(event());
    }
    transactions.inOne(
        () -> {
          events.forEach(outbox::record);
          return null;
        });
    return events;
  }

  private List<ClaimedEvent> claimOf(List<OutboundEvent> mine, Duration claimFor) {
    Set<String> ids = new HashSet<>(mine.stream().map(OutboundEvent::id).toList());
    return outbox.claimDue(1000, claimFor).stream()
        .filter(c -> ids.contains(c.event().id()))
        .toList();
  }

  private String state(String id) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement q = c.prepareStatement("SELECT state FROM event_outbox WHERE id = ?")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getString(1) : "absent";
      }
    }
  }

  @Test
  void an_event_exists_only_when_its_transaction_commits_and_never_outside_one() throws Exception {
    OutboundEvent rolledBack = event();
    assertThrows(
        IllegalStateException.class,
        () ->
            transactions.inOne(
                () -> {
                  outbox.record(rolledBack);
                  throw new IllegalStateException("the state change failed");
                }));
    assertEquals("absent", state(rolledBack.id()));

    OutboundEvent alone = event();
    assertThrows(RuntimeException.class, () -> outbox.record(alone));
    assertEquals("absent", state(alone.id()));

    List<OutboundEvent> kept = committed(1);
    List<ClaimedEvent> claimed = claimOf(kept, Duration.ofSeconds(30));
    assertEquals(1, claimed.size());
    assertEquals(kept.get(0), claimed.get(0).event(), "the event as recorded");
    assertEquals(0, claimed.get(0).attempts());
  }

  @Test
  void concurrent_dispatchers_never_claim_the_same_event() throws Exception {
    List<OutboundEvent> mine = committed(40);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<List<ClaimedEvent>>> dispatchers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      dispatchers.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                List<ClaimedEvent> all = new ArrayList<>();
                for (int pass = 0; pass < 10; pass++) {
                  all.addAll(claimOf(mine, Duration.ofSeconds(30)));
                }
                return all;
              }));
    }
    go.countDown();
    List<String> claimed = new ArrayList<>();
    for (var d : dispatchers) {
      d.join().forEach(c -> claimed.add(c.event().id()));
    }
    assertEquals(40, claimed.size(), "each event claimed exactly once: " + claimed.size());
    assertEquals(40, new HashSet<>(claimed).size());
  }

  @Test
  void an_expired_claim_is_taken_again_and_its_old_holder_marks_nothing() throws Exception {
    List<OutboundEvent> mine = committed(1);
    ClaimedEvent first = claimOf(mine, Duration.ofMillis(800)).get(0);
    assertEquals(List.of(), claimOf(mine, Duration.ofSeconds(30)), "held");

    // The holder dies; its claim runs out on the database's clock; the row is still pending.
    Thread.sleep(1200);
    assertEquals("PENDING", state(first.event().id()));
    ClaimedEvent again = claimOf(mine, Duration.ofSeconds(30)).get(0);

    assertFalse(outbox.delivered(first, 1), "the old claim marks nothing");
    assertTrue(outbox.retryLater(again, 1, Duration.ofMillis(700), "answered 500"));
    assertEquals(List.of(), claimOf(mine, Duration.ofSeconds(30)), "not due before the delay");
    Thread.sleep(1000);
    ClaimedEvent due = claimOf(mine, Duration.ofSeconds(30)).get(0);
    assertEquals(1, due.attempts());
    assertTrue(outbox.delivered(due, 2));
    assertEquals("DELIVERED", state(due.event().id()));
    assertEquals(List.of(), claimOf(mine, Duration.ofMillis(1)), "delivered is never due");

    Thread.sleep(50);
    assertTrue(outbox.pruneDelivered(Duration.ofMillis(10)) >= 1);
    assertEquals("absent", state(due.event().id()));
  }

  @Test
  void given_up_events_are_kept_until_the_retention_counted_from_when_they_were_given_up()
      throws Exception {
    List<OutboundEvent> mine = committed(3);
    OutboundEvent givenUpFirst = mine.get(0);
    OutboundEvent givenUpLater = mine.get(1);
    OutboundEvent pending = mine.get(2);
    Map<String, ClaimedEvent> claimed = new HashMap<>();
    claimOf(mine, Duration.ofSeconds(30)).forEach(c -> claimed.put(c.event().id(), c));
    assertTrue(outbox.gaveUp(claimed.get(givenUpFirst.id()), 20, "answered 410"));
    Thread.sleep(300);
    assertTrue(outbox.gaveUp(claimed.get(givenUpLater.id()), 20, "answered 410"));

    // Older than 150 ms: the first one given up, and the pending one's due time and occurrence.
    assertTrue(outbox.pruneGivenUp(Duration.ofMillis(150)) >= 1);

    assertEquals("absent", state(givenUpFirst.id()));
    assertEquals("GAVE_UP", state(givenUpLater.id()), "given up, but within the retention");
    assertEquals("PENDING", state(pending.id()), "an event not given up is never pruned so");
  }
}
