package com.feedbacksync.domain.sync;

import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.Part;
import com.feedbacksync.domain.intercom.Source;
import java.util.Optional;

/**
 * Keeps a conversation only if a customer wrote in it: the promise that an outbound message sent to
 * 100 people that 5 answered yields exactly 5 documents.
 *
 * <p>A customer is a user, a lead or (defensively) a contact. What counts as their writing: the
 * opening message when a customer started the conversation, and any part a customer authored that
 * carries text or files, whatever its {@code part_type} (a reply that reopens a closed conversation
 * comes as {@code open}; a quick-reply answer carries the words the customer chose), even when it
 * was later redacted. What does not: the opening of an outbound conversation (admin, automated,
 * custom bot or campaign), notes (whoever Intercom names as their author), anything an admin, a
 * bot, a team or an unknown author wrote, and events without content. The parts decide, never
 * Intercom's statistics, except in one case: Intercom returns at most the 500 most recent parts;
 * when it cut older ones off and none of those returned is a customer's, Intercom's own record of
 * the first customer reply decides.
 */
public final class ReplyRequiredFilter {

  public ReplyVerdict judge(Conversation conversation) {
    if (customerOpened(conversation.source())) {
      return new ReplyVerdict.Keep(ReplyVerdict.Evidence.CUSTOMER_OPENED, Optional.empty());
    }
    Optional<Part> reply =
        conversation.parts().stream().filter(ReplyRequiredFilter::isCustomerReply).findFirst();
    if (reply.isPresent()) {
      return new ReplyVerdict.Keep(
          ReplyVerdict.Evidence.CUSTOMER_REPLIED, Optional.of(reply.get().id()));
    }
    if (conversation.isPartsTruncated() && conversation.anyFirstContactReply().isPresent()) {
      return new ReplyVerdict.Keep(
          ReplyVerdict.Evidence.CUSTOMER_REPLIED_BEFORE_THE_PARTS_RETURNED, Optional.empty());
    }
    return new ReplyVerdict.Skip(
        conversation.source().deliveredAs().isOutbound()
            ? ReplyVerdict.SkipReason.OUTBOUND_WITHOUT_CUSTOMER_REPLY
            : ReplyVerdict.SkipReason.NO_CUSTOMER_MESSAGE);
  }

  /**
   * The opening message is the customer's own: a customer wrote it and it was not sent outbound.
   */
  static boolean customerOpened(Source source) {
    return source.author().isCustomer()
        && !source.deliveredAs().isOutbound()
        && source.hasContent();
  }

  /** Words or files a customer put into the conversation, in any part but a note. */
  static boolean isCustomerReply(Part part) {
    return part.author().isCustomer() && part.type().isVisibleToTheCustomer() && part.hasContent();
  }
}
