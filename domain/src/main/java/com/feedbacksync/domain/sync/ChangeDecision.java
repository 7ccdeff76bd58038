package com.feedbacksync.domain.sync;

import java.util.Objects;
import java.util.Set;

/** Whether a conversation in a fresh listing must be fetched, and why. */
public sealed interface ChangeDecision {

  boolean fetch();

  /** Never synced: fetch it. */
  record New() implements ChangeDecision {
    @Override
    public boolean fetch() {
      return true;
    }
  }

  /**
   * Never synced, older than the history the plan took, and nobody replied in it since: a tag, a
   * status or an assignment does not bring it in past the limit. Costs no call.
   */
  record OutsideHistory() implements ChangeDecision {
    @Override
    public boolean fetch() {
      return false;
    }
  }

  /** Synced before, and something that matters happened since. */
  record Resync(Set<Trigger> triggers) implements ChangeDecision {
    public Resync {
      triggers = Set.copyOf(triggers);
      if (triggers.isEmpty()) {
        throw new IllegalArgumentException("a re-sync has a reason");
      }
    }

    @Override
    public boolean fetch() {
      return true;
    }
  }

  /** Synced before, and nothing that matters changed: costs no call. */
  record Unchanged() implements ChangeDecision {
    @Override
    public boolean fetch() {
      return false;
    }
  }

  static ChangeDecision resyncOrUnchanged(Set<Trigger> triggers) {
    Objects.requireNonNull(triggers, "triggers");
    return triggers.isEmpty() ? new Unchanged() : new Resync(triggers);
  }
}
