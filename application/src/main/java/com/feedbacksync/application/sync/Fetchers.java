package com.feedbacksync.application.sync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
    return await(start(items, fetch));
  }

  /**
   * Starts fetching the items and returns at once, so the caller can commit what it fetched before
   * while these are on their way. With one thread, the items are fetched before this returns.
   */
  public <T, R> CompletableFuture<List<R>> start(List<T> items, Function<T, R> fetch) {
    if (parallelism == 1 || items.size() <= 1) {
      try {
        List<R> results = new ArrayList<>(items.size());
        items.forEach(item -> results.add(fetch.apply(item)));
        return CompletableFuture.completedFuture(results);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    Object[] results = new Object[items.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    // A few workers drain the page; no task waits on another, so a shared pool cannot deadlock.
    CompletableFuture<?>[] workers = new CompletableFuture<?>[Math.min(parallelism, items.size())];
    for (int w = 0; w < workers.length; w++) {
      workers[w] =
          CompletableFuture.runAsync(
              () -> {
                int i;
                while (failure.get() == null && (i = next.getAndIncrement()) < items.size()) {
                  try {
                    results[i] = fetch.apply(items.get(i));
                  } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                  }
                }
              },
              executor);
    }
    return CompletableFuture.allOf(workers)
        .handle(
            (ignored, thrown) -> {
              if (thrown != null) {
                failure.compareAndSet(null, unwrapped(thrown));
              }
              if (failure.get() != null) {
                throw failure.get();
              }
              @SuppressWarnings("unchecked")
              List<R> ordered = (List<R>) Arrays.asList(results);
              return java.util.Collections.unmodifiableList(ordered);
            });
  }

  /** The fetched items, or the first failure as it was thrown (not wrapped). */
  public static <R> R await(CompletableFuture<R> fetching) {
    try {
      return fetching.join();
    } catch (CompletionException e) {
      throw unwrapped(e.getCause());
    }
  }

  private static RuntimeException unwrapped(Throwable thrown) {
    Throwable cause = thrown instanceof CompletionException c ? c.getCause() : thrown;
    return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
  }
}
