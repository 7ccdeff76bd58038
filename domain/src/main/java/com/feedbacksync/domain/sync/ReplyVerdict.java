package com.feedbacksync.domain.sync;

import com.feedbacksync.domain.intercom.PartId;
import java.util.Objects;
import java.util.Optional;

/** Whether a conversation becomes a feedback document, and on what evidence. */
public sealed interface ReplyVerdict {

  boolean kept();

  /**
   * Kept.
   *
   * @param part the customer's reply that proves it, when the evidence is a part
   */
  record Keep(Evidence evidence, Optional<PartId> part) implements ReplyVerdict {
    public Keep {
      Objects.requireNonNull(evidence, "evidence");
      Objects.requireNonNull(part, "part");
    }

    @Override
    public boolean kept() {
      return true;
    }
  }

  /** Skipped: no customer wrote in it. */
  record Skip(SkipReason reason) implements ReplyVerdict {
    public Skip {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean kept() {
      return false;
    }
  }

  /** What shows that a customer wrote. */
  enum Evidence {
    /** The customer wrote the opening message. */
    CUSTOMER_OPENED,
    /** A customer's reply is among the parts. */
    CUSTOMER_REPLIED,
    /**
     * Intercom returned only the most recent parts, none of them the customer's, but it records
     * that a customer replied before them.
     */
    CUSTOMER_REPLIED_BEFORE_THE_PARTS_RETURNED
  }

  /** Why a conversation is skipped, in words an admin reads in the run's counts. */
  enum SkipReason {
    OUTBOUND_WITHOUT_CUSTOMER_REPLY("an outbound message no customer answered"),
    NO_CUSTOMER_MESSAGE("no customer wrote in it");

    private final String description;

    SkipReason(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }
}
