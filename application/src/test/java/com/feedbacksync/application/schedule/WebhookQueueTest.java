package com.feedbacksync.application.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.feedbacksync.application.model.WebhookItem;
import com.feedbacksync.application.schedule.WebhookQueue.Offer;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.ConversationId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookQueueTest {

  private static final AccountId NOISY = new AccountId("noisy");
  private static final AccountId QUIET = new AccountId("quiet");

  private static WebhookItem conversation(int n) {
    return new WebhookItem.Conversation(new ConversationId(String.valueOf(n)));
  }

  private static List<Offer> flood(WebhookQueue queue, AccountId account, int items) {
    List<Offer> offers = new ArrayList<>();
    for (int n = 0; n < items; n++) {
      offers.add(queue.offer(account, conversation(n)));
    }
    return offers;
  }

  @Test
  void a_flooding_workspace_fills_its_own_share_and_leaves_the_others_their_room() {
    WebhookQueue queue = new WebhookQueue(6, 2);
    assertEquals(
        List.of(Offer.QUEUED, Offer.QUEUED, Offer.FULL, Offer.FULL, Offer.FULL),
        flood(queue, NOISY, 5));
    assertEquals(List.of(Offer.QUEUED, Offer.QUEUED), flood(queue, QUIET, 2));
    assertEquals(4, queue.size());
    // At its limit an account's queued conversation still coalesces: one fetch takes it.
    assertEquals(Offer.COALESCED, queue.offer(NOISY, conversation(1)));
    // What a run takes frees the account's share again.
    assertEquals(List.of(conversation(0)), queue.take(NOISY, 1));
    assertEquals(Offer.QUEUED, queue.offer(NOISY, conversation(7)));
  }

  @Test
  void the_server_total_holds_however_many_accounts_send() {
    WebhookQueue queue = new WebhookQueue(3, 2);
    assertEquals(List.of(Offer.QUEUED, Offer.QUEUED), flood(queue, NOISY, 2));
    assertEquals(List.of(Offer.QUEUED, Offer.FULL), flood(queue, QUIET, 2));
    assertEquals(3, queue.size());
  }

  @Test
  void a_share_larger_than_the_whole_or_none_at_all_is_refused() {
    assertThrows(IllegalArgumentException.class, () -> new WebhookQueue(10, 11));
    assertThrows(IllegalArgumentException.class, () -> new WebhookQueue(10, 0));
  }
}
