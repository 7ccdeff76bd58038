package com.feedbacksync.application.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.feedbacksync.application.fakes.FollowingClock;
import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.fakes.InMemoryWebhookDeliveries;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.WebhookDelivery;
import com.feedbacksync.application.model.WebhookItem;
import com.feedbacksync.application.port.in.ReceiveWebhooksUseCase.Receipt;
import com.feedbacksync.application.port.in.ScheduleSyncsUseCase;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.HistoryCoverage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private static final WorkspaceId W = new WorkspaceId("w");
  private static final AccountId ACME = new AccountId("acme");
  private static final AccountId GLOBEX = new AccountId("globex");

  private Instant now = NOW;
  private int nudges;
  private final InMemoryConnections connections = new InMemoryConnections();
  private final InMemoryWebhookDeliveries deliveries = new InMemoryWebhookDeliveries(() -> now);
  private final WebhookQueue queue = new WebhookQueue(4, 4);
  private final WebhookService webhooks =
      new WebhookService(
          connections,
          deliveries,
          queue,
          new ScheduleSyncsUseCase() {
            @Override
            public void renewLeases() {
              throw new UnsupportedOperationException("no runs held here");
            }

            @Override
            public List<String> tick() {
              throw new UnsupportedOperationException("the receiver never ticks");
            }

            @Override
            public Optional<String> syncNow(AccountId account) {
              throw new UnsupportedOperationException("the receiver never syncs now");
            }

            @Override
            public void resyncWebhooksSoon() {
              nudges++;
            }
          },
          new FollowingClock(() -> now));

  WebhookServiceTest() {
    for (AccountId account : List.of(ACME, GLOBEX)) {
      connections.save(
          InMemoryConnections.connection(
              account, ConnectionState.CONNECTED, NOW, new HistoryCoverage.Complete()));
    }
    connections.save(
        InMemoryConnections.connection(
            new AccountId("revoked"),
            ConnectionState.NEEDS_REAUTH,
            NOW,
            new HistoryCoverage.Complete()));
  }

  private static WebhookDelivery conversation(String notification, Instant created, String id) {
    return new WebhookDelivery(
        notification, created, W, List.of(new WebhookItem.Conversation(new ConversationId(id))));
  }

  @Test
  void the_same_notification_delivered_five_times_queues_one_re_sync_per_account() {
    WebhookDelivery captured = conversation("notif_1", NOW.minusSeconds(5), "101");
    assertEquals(new Receipt.Queued(2, 0), webhooks.receive(captured));
    for (int i = 0; i < 4; i++) {
      assertEquals(new Receipt.Duplicate(), webhooks.receive(captured));
    }
    assertEquals(
        java.util.Set.of(ACME, GLOBEX),
        java.util.Set.copyOf(queue.accounts()),
        "every connected account, no other");
    assertEquals(2, queue.size());
    assertEquals(1, nudges, "only what was queued starts re-syncs");
  }

  @Test
  void a_notification_over_a_day_old_or_from_the_future_is_refused_and_not_remembered() {
    assertInstanceOf(
        Receipt.Stale.class,
        webhooks.receive(
            conversation("old", NOW.minus(Duration.ofHours(24)).minusSeconds(1), "1")));
    assertInstanceOf(
        Receipt.Stale.class,
        webhooks.receive(
            conversation("ahead", NOW.plus(Duration.ofMinutes(5)).plusSeconds(1), "1")));
    assertEquals(0, deliveries.size());
    assertEquals(0, queue.size());
    assertInstanceOf(
        Receipt.Queued.class,
        webhooks.receive(conversation("a-day", NOW.minus(Duration.ofHours(24)), "1")));
  }

  @Test
  void a_replay_after_the_ids_are_forgotten_is_stale_by_then() {
    WebhookDelivery captured = conversation("notif_1", NOW, "101");
    webhooks.receive(captured);
    // Forgetting runs at most hourly; the id is kept longer than a notification stays acceptable.
    for (int hour = 1; hour <= 30; hour++) {
      now = NOW.plus(Duration.ofHours(hour));
      Receipt replay = webhooks.receive(captured);
      if (hour <= 24) {
        assertEquals(new Receipt.Duplicate(), replay, "at hour " + hour);
      } else {
        assertInstanceOf(Receipt.Stale.class, replay, "at hour " + hour);
      }
    }
  }

  @Test
  void re_syncs_coalesce_per_conversation_and_the_queue_stays_bounded() {
    for (int i = 0; i < 5; i++) {
      webhooks.receive(conversation("same-" + i, NOW, "101"));
    }
    assertEquals(2, queue.size(), "five notifications about one conversation: one re-sync each");
    Receipt flood = webhooks.receive(conversation("other", NOW, "102"));
    assertEquals(new Receipt.Queued(2, 0), flood);
    assertEquals(
        new Receipt.Queued(2, 2),
        webhooks.receive(
            new WebhookDelivery(
                "contact", NOW, W, List.of(new WebhookItem.Customer(new ContactId("c-1"))))),
        "full: left to the hourly sync");
    assertEquals(4, queue.size());
  }

  @Test
  void a_workspace_no_account_is_connected_to_queues_nothing() {
    assertEquals(
        new Receipt.NoAccount(),
        webhooks.receive(
            new WebhookDelivery(
                "n",
                NOW,
                new WorkspaceId("nobody"),
                List.of(new WebhookItem.Conversation(new ConversationId("1"))))));
    assertEquals(0, queue.size());
  }
}
