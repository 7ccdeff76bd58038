package com.feedbacksync.application.port.out;

import com.feedbacksync.application.model.PendingConnection;
import java.util.Optional;

/** OAuth flows in progress. A state is used once: taking it removes it. */
public interface OAuthStates {

  void save(PendingConnection pending);

  /** The pending flow of this state, removed in the same step so a replay finds nothing. */
  Optional<PendingConnection> take(String state);
}
