package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.model.ItemKind;
import com.feedbacksync.application.model.SetAside;
import com.feedbacksync.application.model.SkipReason;
import com.feedbacksync.application.model.SyncBatch;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.profile.CustomerProfile;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A batch's {@code skipped_item} rows: what it read is cleared, what it set aside recorded. */
final class SetAsideRows {

  /**
   * Conversations without a customer reply recorded per account, at most: the newest are kept, the
   * run counts say how many there were.
   */
  static final int MAX_WITHOUT_REPLY_RECORDS = 10_000;

  private SetAsideRows() {}

  /**
   * What the batch read is no longer set aside; what it set aside is recorded (again: one attempt
   * more, its first sighting kept); no-reply records stay bounded, the oldest going first.
   */
  static void write(
      EntityManager em,
      AccountId account,
      SyncBatch batch,
      Optional<String> workspace,
      Clock clock) {
    clear(
        em,
        account,
        ItemKind.CONVERSATION,
        Stream.concat(
                batch.documents().stream().map(d -> d.document().conversationId()),
                batch.deletions().stream())
            .map(ConversationId::value)
            .toList());
    clear(
        em,
        account,
        ItemKind.CONTACT,
        Stream.concat(
                batch.profiles().stream().map(CustomerProfile::contactId),
                batch.deletedContacts().stream())
            .map(ContactId::value)
            .toList());
    Instant now = clock.instant();
    boolean withoutReply = false;
    for (SetAside item : batch.setAside()) {
      em.createNativeQuery(
              "INSERT INTO skipped_item (account_id, kind, intercom_id, workspace_id, reason,"
                  + " detail, attempts, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)"
                  + " ON DUPLICATE KEY UPDATE workspace_id = VALUES(workspace_id),"
                  + " reason = VALUES(reason), detail = VALUES(detail), attempts = attempts + 1,"
                  + " last_seen = VALUES(last_seen)")
          .setParameter(1, account.value())
          .setParameter(2, item.kind().name())
          .setParameter(3, item.intercomId())
          .setParameter(4, workspace.orElse(null))
          .setParameter(5, item.reason().name())
          .setParameter(6, item.detail())
          .setParameter(7, now)
          .setParameter(8, now)
          .executeUpdate();
      withoutReply |= item.reason() == SkipReason.NO_CUSTOMER_REPLY;
    }
    if (withoutReply) {
      em.createNativeQuery(
              "DELETE FROM skipped_item WHERE account_id = ? AND reason = 'NO_CUSTOMER_REPLY'"
                  + " AND last_seen < (SELECT b.last_seen FROM (SELECT last_seen FROM skipped_item"
                  + " WHERE account_id = ? AND reason = 'NO_CUSTOMER_REPLY'"
                  + " ORDER BY last_seen DESC LIMIT 1 OFFSET ?) b)")
          .setParameter(1, account.value())
          .setParameter(2, account.value())
          .setParameter(3, MAX_WITHOUT_REPLY_RECORDS)
          .executeUpdate();
    }
  }

  private static void clear(EntityManager em, AccountId account, ItemKind kind, List<String> ids) {
    if (!ids.isEmpty()) {
      em.createNativeQuery(
              "DELETE FROM skipped_item WHERE account_id = :account AND kind = :kind"
                  + " AND intercom_id IN (:ids)")
          .setParameter("account", account.value())
          .setParameter("kind", kind.name())
          .setParameter("ids", ids)
          .executeUpdate();
    }
  }
}
