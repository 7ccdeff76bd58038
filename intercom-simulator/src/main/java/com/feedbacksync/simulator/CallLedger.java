package com.feedbacksync.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The call ledger: API calls per endpoint and per access token, 429s served and bytes sent, read
 * together with the rate limiter's busiest window and the faults injected as {@link Counters}; and
 * the time line of the calls the rate limiter decided on, for charts of a sync against the limit.
 */
final class CallLedger {

  /**
   * The time line keeps at most this many calls (about 40 MB); a simulator serving for days stops
   * recording there instead of growing without end, and says so ({@link #timelineComplete}).
   */
  static final int TIMELINE_CAPACITY = 1_000_000;

  private final RateLimiter limiter;
  private final Faults faults;
  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

  /** API calls per access token (answered or refused), to tell one account's calls apart. */
  private final Map<String, Map<String, AtomicLong>> callsByToken = new ConcurrentHashMap<>();

  /**
   * Conversations retrieved (answered, not refused) per access token, each id with its count: which
   * conversations a sync fetched more than once, e.g. after a crash.
   */
  private final Map<String, Map<String, AtomicLong>> retrievedByToken = new ConcurrentHashMap<>();

  private final AtomicLong bytesOut = new AtomicLong();
  private final AtomicLong served429 = new AtomicLong();

  /** Conversations the search and list endpoints returned, each page's items counted. */
  private final AtomicLong listed = new AtomicLong();

  /** Guarded by itself. */
  private final List<TimedCall> timeline = new ArrayList<>();

  private boolean timelineOverflowed;

  CallLedger(RateLimiter limiter, Faults faults) {
    this.limiter = limiter;
    this.faults = faults;
  }

  /** An API call arrived at {@code endpoint}, whether or not it will be answered. */
  void called(String endpoint) {
    calls.computeIfAbsent(endpoint, k -> new AtomicLong()).incrementAndGet();
  }

  /** The call carried this bearer token (valid or not). */
  void calledWith(String token, String endpoint) {
    callsByToken
        .computeIfAbsent(token, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(endpoint, k -> new AtomicLong())
        .incrementAndGet();
  }

  /**
   * A conversation retrieve passed the rate limit and the faults with this token: it is answered.
   */
  void retrievedWith(String token, String conversationId) {
    retrievedByToken
        .computeIfAbsent(token, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(conversationId, k -> new AtomicLong())
        .incrementAndGet();
  }

  /**
   * The rate limiter decided on a call at {@code endpoint}: recorded with the clock's reading the
   * limiter used, so that counting the time line in 10-second windows gives the limiter's counts.
   */
  void decided(String endpoint, RateLimiter.Decision decision) {
    synchronized (timeline) {
      if (timeline.size() < TIMELINE_CAPACITY) {
        timeline.add(new TimedCall(decision.atEpochMillis(), endpoint, !decision.allowed()));
      } else {
        timelineOverflowed = true;
      }
    }
  }

  /** The calls the rate limiter decided on since the last reset, in the order of their times. */
  List<TimedCall> timeline() {
    List<TimedCall> copy;
    synchronized (timeline) {
      copy = new ArrayList<>(timeline);
    }
    copy.sort(Comparator.comparingLong(TimedCall::atEpochMillis));
    return copy;
  }

  /** False once the time line reached its capacity and dropped calls. */
  boolean timelineComplete() {
    synchronized (timeline) {
      return !timelineOverflowed;
    }
  }

  void rateLimited() {
    served429.incrementAndGet();
  }

  /** A page of a conversation listing (search or list) went out with this many items. */
  void listed(int conversations) {
    listed.addAndGet(conversations);
  }

  void sent(long bytes) {
    bytesOut.addAndGet(bytes);
  }

  /** Calls served per endpoint, 429s, bytes, the busiest 10-second window, faults injected. */
  Counters counters() {
    Map<String, Long> byEndpoint = new TreeMap<>();
    calls.forEach((k, v) -> byEndpoint.put(k, v.get()));
    Map<String, Long> injected = new TreeMap<>();
    faults.injected().forEach((k, v) -> injected.put(k.name(), v));
    return new Counters(
        byEndpoint,
        served429.get(),
        bytesOut.get(),
        limiter.maxUsedInAnyWindow(),
        limiter.perWindow() == Long.MAX_VALUE ? 0 : limiter.perWindow(),
        injected,
        listed.get());
  }

  /** The calls made with one token, per endpoint. */
  Map<String, Long> callsWith(String token) {
    Map<String, Long> byEndpoint = new TreeMap<>();
    callsByToken.getOrDefault(token, Map.of()).forEach((k, v) -> byEndpoint.put(k, v.get()));
    return byEndpoint;
  }

  /** The conversations retrieved with one token, each with how often. */
  Map<String, Long> retrievedWith(String token) {
    Map<String, Long> byId = new TreeMap<>();
    retrievedByToken.getOrDefault(token, Map.of()).forEach((k, v) -> byId.put(k, v.get()));
    return byId;
  }

  /**
   * Starts the counters over (calls, 429s, bytes, busiest window, conversations listed, the time
   * line). Calls and retrieves per token are kept: they tell accounts apart across a whole test,
   * whatever it resets in between.
   */
  void reset() {
    calls.clear();
    served429.set(0);
    bytesOut.set(0);
    listed.set(0);
    synchronized (timeline) {
      timeline.clear();
      timelineOverflowed = false;
    }
    limiter.reset();
  }
}
