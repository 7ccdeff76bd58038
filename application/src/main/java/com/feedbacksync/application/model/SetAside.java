package com.feedbacksync.application.model;

import java.util.Objects;

/**
 * An item a walk left out, recorded with the batch that moves its checkpoint past it, so that
 * admins see it and (when it was unreadable) later runs retry it.
 *
 * @param intercomId the id the walk asked Intercom for
 * @param detail what went wrong, in words an admin reads (no token, no secret)
 */
public record SetAside(ItemKind kind, String intercomId, SkipReason reason, String detail) {

  /** Longest detail kept: the first lines of Intercom's answer say what went wrong. */
  public static final int MAX_DETAIL = 1_000;

  public SetAside {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(intercomId, "intercomId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    detail = detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
  }

  public static SetAside unreadable(ItemKind kind, String intercomId, String detail) {
    return new SetAside(kind, intercomId, SkipReason.UNREADABLE, detail);
  }

  public static SetAside withoutReply(String conversationId) {
    return new SetAside(
        ItemKind.CONVERSATION,
        conversationId,
        SkipReason.NO_CUSTOMER_REPLY,
        "No customer (user or lead) wrote in this conversation.");
  }
}
