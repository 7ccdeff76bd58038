package com.feedbacksync.adapters.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.port.out.WebhookNotifications.Notification;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntercomWebhookNotificationsTest {

  private final IntercomWebhookNotifications notifications = new IntercomWebhookNotifications();

  private Notification read(String json) {
    return notifications.read(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a_customer_reply_asks_to_resync_its_conversation_in_its_workspace() {
    Notification n =
        read(
            "{'type':'notification_event','id':'notif_1','topic':'conversation.user.replied',"
                + "'app_id':'abc12345','created_at':1785210000,"
                + "'data':{'item':{'type':'conversation','id':'215474154270002'}}}");
    assertEquals(
        new Notification.ConversationChanged(
            "notif_1",
            Instant.ofEpochSecond(1785210000),
            "conversation.user.replied",
            new WorkspaceId("abc12345"),
            new ConversationId("215474154270002")),
        n);
  }

  @Test
  void a_part_notification_names_the_conversation_the_part_belongs_to() {
    Notification n =
        read(
            "{'id':'n','topic':'conversation_part.tag.created','app_id':'abc12345','created_at':1,"
                + "'data':{'item':{'type':'conversation_part','id':'part-9',"
                + "'conversation_id':215474154270002}}}");
    assertEquals(
        new ConversationId("215474154270002"),
        assertInstanceOf(Notification.ConversationChanged.class, n).conversation());
  }

  @Test
  void a_merge_resyncs_the_contact_and_the_one_merged_into_it() {
    Notification n =
        read(
            "{'id':'n','topic':'contact.merged','app_id':'abc12345','created_at':1785210000,"
                + "'data':{'item':{'type':'contact','id':'c-1','merged_from':{'id':'c-0'}}}}");
    assertEquals(
        new Notification.ContactChanged(
            "n",
            Instant.ofEpochSecond(1785210000),
            "contact.merged",
            new WorkspaceId("abc12345"),
            new ContactId("c-1"),
            Optional.of(new ContactId("c-0"))),
        n);
  }

  @Test
  void a_topic_the_sync_does_not_act_on_is_ignored_without_needing_ids() {
    assertEquals(new Notification.Ignored("ping"), read("{'topic':'ping'}"));
    assertInstanceOf(
        Notification.Ignored.class, read("{'topic':'conversation.admin.assigned','app_id':'a'}"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "not json | The body is not valid JSON: ",
        "[1,2] | A webhook notification is a JSON object.",
        "{'topic':'contact.deleted','app_id':'a','created_at':1,'data':{'item':{'id':'c-1'}}}"
            + " | The notification has no id",
        "{'id':'','topic':'contact.deleted','app_id':'a','created_at':1} | The notification has no id",
        "{'id':'n','topic':'conversation.user.replied','data':{'item':{'id':'1'}}}"
            + " | The notification has no app_id.",
        "{'id':'n','topic':'conversation.user.replied','app_id':'a','data':{'item':{'id':'1'}}}"
            + " | The notification has no created_at",
        "{'id':'n','topic':'conversation.user.replied','app_id':'a','created_at':'yesterday'}"
            + " | The notification has no created_at",
        "{'id':'n','topic':'conversation.user.replied','app_id':'a','created_at':1.5}"
            + " | The notification has no created_at",
        "{'id':'n','topic':'conversation.user.replied','app_id':'a','created_at':99999999999999999999}"
            + " | The notification's created_at is out of range.",
        "{'id':'n','topic':'conversation.user.replied','app_id':'a','created_at':1}"
            + " | The notification has no data.item.id.",
        "{'id':'n','topic':'contact.user.updated','app_id':'a','created_at':1,'data':{'item':{'id':' '}}}"
            + " | The notification has no data.item.id.",
      })
  void a_body_that_is_not_a_notification_is_unreadable_and_says_why(String body, String problem) {
    Notification n = read(body);
    assertTrue(
        assertInstanceOf(Notification.Unreadable.class, n).problem().startsWith(problem),
        n::toString);
  }

  @Test
  void an_id_the_domain_refuses_is_unreadable() {
    String tooLong = "9".repeat(200);
    Notification n =
        read(
            "{'id':'n','topic':'conversation.user.replied','app_id':'a','created_at':1,"
                + "'data':{'item':{'id':'"
                + tooLong
                + "'}}}");
    assertEquals(
        new Notification.Unreadable("The notification's data.item.id is not a valid id."), n);
    Notification merged =
        read(
            "{'id':'n','topic':'contact.merged','app_id':'a','created_at':1,"
                + "'data':{'item':{'id':'c','merged_from':{'id':'"
                + tooLong
                + "'}}}}");
    assertEquals(
        new Notification.Unreadable(
            "The notification's data.item.merged_from.id is not a valid id."),
        merged);
  }

  @Test
  void nesting_deeper_than_the_parser_follows_is_unreadable_not_a_crash() {
    String nested = "[".repeat(5000) + "]".repeat(5000);
    assertInstanceOf(Notification.Unreadable.class, read(nested));
  }
}
