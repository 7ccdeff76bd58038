package com.feedbacksync.adapters.persistence;

import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What Intercom deleted, kept as the fact and not the content. A run's tombstones are its
 * workspace's: another workspace's document or contact of the same id stays as it was.
 */
final class Tombstones {

  private Tombstones() {}

  static void contacts(
      EntityManager em,
      AccountId account,
      List<ContactId> contacts,
      Optional<String> workspace,
      Clock clock) {
    for (ContactId contact : contacts) {
      var tombstone =
          em.createNativeQuery(
                  "UPDATE customer_profile SET deleted_at = ?, name = NULL, email = NULL,"
                      + " properties_json = '{}', segments_json = '[]', companies_json = '[]'"
                      + " WHERE account_id = ? AND contact_id = ? AND deleted_at IS NULL"
                      + (workspace.isPresent() ? " AND workspace_id = ?" : ""))
              .setParameter(1, clock.instant())
              .setParameter(2, account.value())
              .setParameter(3, contact.value());
      workspace.ifPresent(w -> tombstone.setParameter(4, w));
      tombstone.executeUpdate();
    }
  }

  static void conversations(
      EntityManager em,
      AccountId account,
      List<ConversationId> conversations,
      Optional<String> workspace,
      Clock clock) {
    for (ConversationId id : conversations) {
      // Its files go with its content.
      var files =
          em.createNativeQuery(
                  "DELETE FROM document_file WHERE account_id = ? AND conversation_id = ?"
                      + (workspace.isPresent() ? " AND workspace_id = ?" : ""))
              .setParameter(1, account.value())
              .setParameter(2, id.value());
      workspace.ifPresent(w -> files.setParameter(3, w));
      files.executeUpdate();
      var document =
          em.createQuery(
                  "update FeedbackDocumentEntity d set d.deletedAt = :now, d.messagesJson = '[]',"
                      + " d.bodyText = '', d.title = '(deleted in Intercom)',"
                      // Attributes carry words too (the subject, a rating's remark, a custom
                      // attribute such as "CX Score explanation")
                      + " d.intercomAttributesJson = '{}', d.attributesJson = '{}'"
                      + " where d.key.accountId = :account and d.key.conversationId = :id"
                      + " and d.deletedAt is null"
                      + (workspace.isPresent() ? " and d.key.workspaceId = :workspace" : ""))
              .setParameter("now", clock.instant())
              .setParameter("account", account.value())
              .setParameter("id", id.value());
      workspace.ifPresent(w -> document.setParameter("workspace", w));
      document.executeUpdate();
    }
  }
}
