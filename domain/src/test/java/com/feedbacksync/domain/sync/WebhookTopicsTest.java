package com.feedbacksync.domain.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTopicsTest {

  @ParameterizedTest(name = "{0} re-syncs the conversation")
  @ValueSource(
      strings = {
        "conversation.user.created",
        "conversation.user.replied",
        "conversation.admin.replied",
        "conversation.admin.replied.translated",
        "conversation.admin.single.created",
        "conversation.operator.replied",
        "conversation.admin.closed",
        "conversation.admin.opened",
        "conversation.admin.snoozed",
        "conversation.admin.unsnoozed",
        "conversation_part.tag.created",
        "conversation_part.redacted",
        "conversation.deleted",
        " Conversation.User.Replied "
      })
  void change_triggers_resync_the_conversation(String topic) {
    assertInstanceOf(WebhookTopics.Action.ResyncConversation.class, WebhookTopics.actionFor(topic));
  }

  @ParameterizedTest(name = "{0} re-syncs the contact")
  @ValueSource(
      strings = {
        "contact.user.created",
        "contact.user.updated",
        "contact.lead.created",
        "contact.lead.updated",
        "contact.lead.signed_up",
        "contact.lead.added_email",
        "contact.email.updated",
        "contact.merged",
        "contact.archived",
        "contact.unarchived",
        "contact.deleted",
        "visitor.signed_up"
      })
  void customer_changes_resync_the_contact(String topic) {
    assertInstanceOf(WebhookTopics.Action.ResyncContact.class, WebhookTopics.actionFor(topic));
  }

  @ParameterizedTest(name = "{0} costs no re-fetch")
  @CsvSource({
    "conversation.admin.assigned, 'not a change the sync acts on: conversation.admin.assigned'",
    "conversation.read, 'not a change the sync acts on: conversation.read'",
    "conversation.priority.updated, 'not a change the sync acts on: conversation.priority.updated'",
    "conversation.admin.noted, 'not a change the sync acts on: conversation.admin.noted'",
    "company.updated, 'not a change the sync acts on: company.updated'",
    "ping, ping"
  })
  void other_topics_are_acknowledged_and_ignored(String topic, String reason) {
    assertEquals(new WebhookTopics.Action.Ignore(reason), WebhookTopics.actionFor(topic));
  }

  @ParameterizedTest
  @NullAndEmptySource
  void a_missing_topic_is_ignored(String topic) {
    assertEquals(
        new WebhookTopics.Action.Ignore("not a change the sync acts on: (none)"),
        WebhookTopics.actionFor(topic));
  }
}
