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

  public <T, R> List<R> map(List<T> items, Function<T, R> fetch) {
    if (parallelism == 1 || items.size() <= 1) {
      List<R> results = new ArrayList<>(items.size());
      items.forEach(item -> results.add(fetch.apply(item)));
      return results;
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
    try {
      CompletableFuture.allOf(workers).join();
    } catch (CompletionException e) {
      failure.compareAndSet(
          null,
          e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause()));
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    @SuppressWarnings("unchecked")
    List<R> ordered = (List<R>) Arrays.asList(results);
    return java.util.Collections.unmodifiableList(ordered);
  }
}
