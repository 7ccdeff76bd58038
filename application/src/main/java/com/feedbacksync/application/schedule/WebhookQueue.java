package com.feedbacksync.application.schedule;

import com.feedbacksync.application.model.WebhookItem;
import com.feedbacksync.domain.account.AccountId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The re-syncs verified webhooks asked for, per account, waiting for the account's lease: one entry
 * per conversation or customer however often it is asked for (a burst about one conversation is one
 * fetch), and never more entries than its capacity (a flood of distinct ids cannot grow the heap;
 * what does not fit is left to the hourly sync, the source of truth). Each account may hold only
 * its share of that capacity, so one busy or hostile workspace cannot take every other account's
 * room.
 */
public final class WebhookQueue {

  /** What became of an offered re-sync. */
  public enum Offer {
    /** Queued for the account's next webhook run. */
    QUEUED,
    /** Already queued: the one run re-syncs it once. */
    COALESCED,
    /** The queue is full: the hourly sync takes the change. */
    FULL
  }

  private final int capacity;
  private final int perAccount;
  private final Map<AccountId, LinkedHashSet<WebhookItem>> pending = new LinkedHashMap<>();
  private int size;

  /**
   * @param capacity how many re-syncs the server keeps waiting, all accounts together
   * @param perAccount how many of them one account may hold
   */
  public WebhookQueue(int capacity, int perAccount) {
    if (perAccount < 1 || capacity < perAccount) {
      throw new IllegalArgumentException(
          "A webhook queue holds at least one re-sync per account, and no fewer in all than one"
              + " account may hold (capacity "
              + capacity
              + ", per account "
              + perAccount
              + ").");
    }
    this.capacity = capacity;
    this.perAccount = perAccount;
  }

  public synchronized Offer offer(AccountId account, WebhookItem item) {
    LinkedHashSet<WebhookItem> queued = pending.get(account);
    if (queued != null && queued.contains(item)) {
      return Offer.COALESCED;
    }
    if (size >= capacity || (queued != null && queued.size() >= perAccount)) {
      return Offer.FULL;
    }
    pending.computeIfAbsent(account, a -> new LinkedHashSet<>()).add(item);
    size++;
    return Offer.QUEUED;
  }

  /** Takes up to {@code max} of the account's re-syncs, oldest first, off the queue. */
  public synchronized List<WebhookItem> take(AccountId account, int max) {
    LinkedHashSet<WebhookItem> queued = pending.get(account);
    List<WebhookItem> taken = new ArrayList<>();
    if (queued == null) {
      return taken;
    }
    for (Iterator<WebhookItem> it = queued.iterator(); it.hasNext() && taken.size() < max; ) {
      taken.add(it.next());
      it.remove();
    }
    size -= taken.size();
    if (queued.isEmpty()) {
      pending.remove(account);
    }
    return taken;
  }

  /** The accounts with queued re-syncs, longest waiting first. */
  public synchronized List<AccountId> accounts() {
    return List.copyOf(pending.keySet());
  }

  public synchronized boolean pending(AccountId account) {
    return pending.containsKey(account);
  }

  public synchronized int size() {
    return size;
  }
}
