package com.feedbacksync.application.fakes;

import com.feedbacksync.application.model.PendingConnection;
import com.feedbacksync.application.port.out.OAuthStates;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake of the {@link OAuthStates} port: taking removes. */
public final class InMemoryOAuthStates implements OAuthStates {

  private final Map<String, PendingConnection> byState = new ConcurrentHashMap<>();

  @Override
  public void save(PendingConnection pending) {
    byState.put(pending.state(), pending);
  }

  @Override
  public Optional<PendingConnection> take(String state) {
    return Optional.ofNullable(byState.remove(state));
  }
}
