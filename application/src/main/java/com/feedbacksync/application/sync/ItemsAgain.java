package com.feedbacksync.application.sync;

import com.feedbacksync.application.model.ConversationFetch;
import com.feedbacksync.application.model.ItemKind;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.profile.CustomerProfile;
import java.util.Optional;

/**
 * One conversation or contact read again by id, outside a walk's pages (a webhook, a dead letter's
 * retry): what Intercom cannot give in a readable form is set aside on the part as a dead letter,
 * for a later hourly run, instead of failing the run and whatever else it carries.
 */
final class ItemsAgain {

  private ItemsAgain() {}

  /** The conversation as Intercom has it now; empty when it was unreadable and is set aside. */
  static Optional<ConversationFetch> conversation(
      SyncRun run, ConversationId id, PendingBatch part) {
    ItemRead<ConversationFetch> read = run.reads().of(() -> run.workspace().conversation(id));
    if (read instanceof ItemRead.Unreadable<ConversationFetch> failed) {
      part.setAside(failed.setAside(ItemKind.CONVERSATION, id.value()));
      return Optional.empty();
    }
    return Optional.of(((ItemRead.Read<ConversationFetch>) read).value());
  }

  /** The contact's profile, its tombstone when Intercom no longer has it, or set aside. */
  static void contact(ProfileFetches profiles, ContactId id, PendingBatch part) {
    ItemRead<Optional<CustomerProfile>> read = profiles.read(id);
    if (read instanceof ItemRead.Unreadable<Optional<CustomerProfile>> failed) {
      part.setAside(failed.setAside(ItemKind.CONTACT, id.value()));
    } else {
      ((ItemRead.Read<Optional<CustomerProfile>>) read)
          .value()
          .ifPresentOrElse(part::profile, () -> part.goneContact(id));
    }
  }
}
