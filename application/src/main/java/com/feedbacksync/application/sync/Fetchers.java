package com.feedbacksync.application.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Fetches a page's items on a few threads at once, so a sync is bound by Intercom's rate limit and
 * not by one call's latency after another. Results keep the page's order; the first failure stops
 * the rest and is thrown as it was (a revoked token stays a revoked token).
 */
public final class Fetchers {

  /** One at a time, on the caller's thread. */
  public static final Fetchers ONE = new Fetchers(Runnable::run, 1);

  private final Executor executor;
  private final int parallelism;

  public Fetchers(Executor executor, int parallelism) {
    this.executor = Objects.requireNonNull(executor);
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1");
    }
    this.parallelism = parallelism;
  }

  /** The items fetched, in their order; blocks until all are. */
  public <T, R> List<R> map(List<T> items, Function<T, R> fetch) {
    try (Fetching<R> fetching = each(items, fetch, Math.max(1, items.size()))) {
      List<R> results = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        results.add(fetching.get(i));
      }
      return Collections.unmodifiableList(results);
    }
  }

  /**
   * Starts fetching the items in order and hands each result over as it comes, so the caller can
   * store what it has while the rest are on their way. The fetchers run at most {@code lookahead}
   * items ahead of what the caller took, so what a crash loses stays that small.
   */
  public <T, R> Fetching<R> each(List<T> items, Function<T, R> fetch, int lookahead) {
    if (lookahead < 1) {
      throw new IllegalArgumentException("lookahead must be at least 1");
    }
    return new Fetching<>(items, fetch, lookahead);
  }

  /**
   * Items being fetched. {@link #get} takes them in order; {@link #close} stops the fetchers (the
   * caller failed or has enough), so no thread keeps calling Intercom for a run that ended.
   */
  public final class Fetching<R> implements AutoCloseable {
    private final List<CompletableFuture<R>> results;
    private final Function<Integer, R> fetchOne;
    private final Semaphore room;
    private final boolean sequential;
    private final Object taking = new Object();
    private int next; // guarded by taking
    private boolean stopped; // guarded by taking

    private <T> Fetching(List<T> items, Function<T, R> fetch, int lookahead) {
      this.results = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        results.add(new CompletableFuture<>());
      }
      this.fetchOne = i -> fetch.apply(items.get(i));
      this.room = new Semaphore(lookahead);
      this.sequential = parallelism == 1 || items.size() <= 1;
      if (!sequential) {
        // A few workers drain the items in order; one waits only for the caller to take results,
        // never for another task, so a shared pool cannot deadlock.
        for (int w = 0; w < Math.min(parallelism, items.size()); w++) {
          executor.execute(this::work);
        }
      }
    }

    private void work() {
      while (true) {
        room.acquireUninterruptibly();
        int i = take();
        if (i < 0) {
          return;
        }
        try {
          results.get(i).complete(fetchOne.apply(i));
        } catch (RuntimeException | Error e) {
          // An Error too (a stack overflow on a pathological answer): a result left incomplete
          // would keep the caller waiting for ever.
          results.get(i).completeExceptionally(e);
          stop();
        }
      }
    }

    /**
     * The next item to fetch, or -1 when none is left or fetching stopped. Taking and stopping
     * share one lock: an item taken is always fetched, and none is taken after a stop. (A check
     * after the take let an item be taken just before a later item failed, then dropped: the
     * caller, reaching it first, got a cancellation instead of the failure. CI met it.) So an item
     * is left unfetched only past a failed one, where the caller, taking in order, never gets.
     */
    private int take() {
      synchronized (taking) {
        if (stopped) {
          return -1;
        }
        int i = next++;
        return i < results.size() ? i : -1;
      }
    }

    private void stop() {
      synchronized (taking) {
        stopped = true;
      }
    }

    /** The i-th item's result (take them in order), or its failure as it was thrown. */
    public R get(int i) {
      CompletableFuture<R> result = results.get(i);
      if (sequential && !result.isDone()) {
        try {
          result.complete(fetchOne.apply(i));
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
        }
      }
      try {
        R fetched = result.join();
        room.release();
        return fetched;
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException(e.getCause());
      }
    }

    @Override
    public void close() {
      stop();
      room.release(parallelism); // wakes fetchers waiting for room; they see the stop and end
    }
  }
}
