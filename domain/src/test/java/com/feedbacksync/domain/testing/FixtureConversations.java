package com.feedbacksync.domain.testing;

import com.feedbacksync.domain.intercom.Attachment;
import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.Author;
import com.feedbacksync.domain.intercom.AuthorType;
import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.ConversationState;
import com.feedbacksync.domain.intercom.DeliveredAs;
import com.feedbacksync.domain.intercom.Part;
import com.feedbacksync.domain.intercom.PartId;
import com.feedbacksync.domain.intercom.PartType;
import com.feedbacksync.domain.intercom.Source;
import com.feedbacksync.domain.intercom.Statistics;
import com.feedbacksync.domain.intercom.Tag;
import com.feedbacksync.domain.intercom.TagId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The four single-conversation payloads of {@code shared/intercom-fixtures/}, field for field as
 * the domain sees them (the Intercom adapter's tests parse the JSON files themselves).
 */
public final class FixtureConversations {

  static final Author CASEY =
      Author.of(AuthorType.USER, "66a1f0c2e4b0a1b2c3d4e5f6", "Casey Customer", "casey@example.com");
  static final Author ROBIN =
      Author.of(AuthorType.LEAD, "66a1f11ae4b0a1b2c3d4e700", "Robin Prospect", null);
  static final Author DANA = Author.of(AuthorType.ADMIN, "7301245", "Dana Support", null);
  static final Author LEE =
      Author.of(AuthorType.ADMIN, "7301246", "Lee Success", "lee@acme-saas.example");
  static final Author FIN = Author.of(AuthorType.BOT, "7301200", "Fin", null);

  private FixtureConversations() {}

  /** {@code conversation-user-initiated-with-replies.json}: expected to be kept. */
  public static Conversation userInitiatedWithReplies() {
    return new ConversationBuilder()
        .id("215474154263922")
        .createdAt(at(1785000000))
        .updatedAt(at(1785003720))
        .state(ConversationState.CLOSED)
        .source(
            new Source(
                "conversation",
                DeliveredAs.CUSTOMER_INITIATED,
                "",
                "<p>Hi! The CSV export on the Reports page times out when I pick more than 3"
                    + " months.</p>",
                CASEY,
                List.of(),
                false))
        .part(part("31890000001", "assignment", DANA, "", 1785000030))
        .part(
            part(
                "31890000002",
                "comment",
                DANA,
                "<p>Hi Casey, thanks for reporting this. Which browser are you using?</p>",
                1785000540))
        .part(
            part(
                "31890000003",
                "comment",
                CASEY,
                "<p>Chrome 126 on macOS. It fails after about 30 seconds.</p>",
                1785001200))
        .part(
            part(
                "31890000004",
                "note",
                DANA,
                "<p>Reproduced on staging, filed ENG-1234.</p>",
                1785001500))
        .part(
            part(
                "31890000005",
                "comment",
                DANA,
                "<p>A fix is live now, exports of up to 12 months work. Thanks for your patience!</p>",
                1785003500))
        .part(part("31890000006", "close", DANA, "", 1785003600))
        .firstContactReplyAt(at(1785000000))
        .statistics(stats(1785000000, 1785001200, 1785003500))
        .contact("66a1f0c2e4b0a1b2c3d4e5f6")
        .build();
  }

  /** {@code conversation-outbound-no-reply.json}: expected to be skipped. */
  public static Conversation outboundNoReply() {
    return new ConversationBuilder()
        .id("215474154270001")
        .createdAt(at(1785100000))
        .updatedAt(at(1785100000))
        .state(ConversationState.CLOSED)
        .source(
            new Source(
                "email",
                DeliveredAs.ADMIN_INITIATED,
                "How is your onboarding going?",
                "<p>Hi Robin,</p><p>I noticed you set up your workspace yesterday. Anything I can"
                    + " help with?</p>",
                LEE,
                List.of(),
                false))
        .contact("66a1f11ae4b0a1b2c3d4e700")
        .build();
  }

  /**
   * {@code conversation-outbound-with-customer-reply.json}: expected to be kept (parts 1 and 4).
   */
  public static Conversation outboundWithCustomerReply() {
    return new ConversationBuilder()
        .id("215474154270002")
        .createdAt(at(1785200000))
        .updatedAt(at(1785210000))
        .state(ConversationState.OPEN)
        .source(
            new Source(
                "email",
                DeliveredAs.AUTOMATED,
                "Your trial ends in 3 days",
                "<p>Hi Robin,</p><p>Your trial ends soon. Reply to this email if you have"
                    + " questions.</p>",
                LEE,
                List.of(),
                false))
        .part(
            part(
                "31890001001",
                "comment",
                ROBIN,
                "<p>Is there a discount for nonprofits? We are a team of 12.</p>",
                1785203600))
        .part(part("31890001002", "assignment", FIN, "", 1785203605))
        .part(
            part(
                "31890001003",
                "comment",
                LEE,
                "<p>Yes, 30% off annual plans. I can set that up for you.</p>",
                1785206000))
        .part(
            part(
                "31890001004",
                "comment",
                ROBIN,
                "<p>Great, please do. Can you send an invoice to accounts@prospect.example?</p>",
                1785210000))
        .firstContactReplyAt(at(1785203600))
        .statistics(stats(1785203600, 1785210000, 1785206000))
        .contact("66a1f11ae4b0a1b2c3d4e700")
        .build();
  }

  /** {@code conversation-tags-custom-attributes-inline-image.json}: expected to be kept. */
  public static Conversation tagsCustomAttributesInlineImage() {
    Author appliedBy = Author.of(AuthorType.ADMIN, "7301245", null, null);
    return new ConversationBuilder()
        .id("215474154280003")
        .title("Chart legend overlaps the axis")
        .createdAt(at(1785300000))
        .updatedAt(at(1785309000))
        .state(ConversationState.SNOOZED)
        .tag(new Tag(new TagId("9001"), "bug", Optional.of(at(1785300900)), Optional.of(appliedBy)))
        .tag(
            new Tag(
                new TagId("9002"),
                "feature-area: charts",
                Optional.of(at(1785300905)),
                Optional.of(appliedBy)))
        .source(
            new Source(
                "conversation",
                DeliveredAs.CUSTOMER_INITIATED,
                "",
                "<p>The legend overlaps the x axis on the revenue chart:</p><div"
                    + " class=\"intercom-container\"><img"
                    + " src=\"https://downloads.intercomcdn.com/i/o/abc12345/1122334455/0a1b2c3d4e5f/legend-overlap.png\"></div>"
                    + "<p>See <a href=\"https://app.acme-saas.example/dashboards/42\">dashboard"
                    + " 42</a>.</p>",
                CASEY,
                List.of(
                    new Attachment(
                        "revenue-export.csv",
                        "https://downloads.intercomcdn.com/i/o/abc12345/1122334466/9f8e7d6c5b4a/revenue-export.csv",
                        "text/csv",
                        OptionalLong.of(18234))),
                false))
        .part(
            part(
                "31890002001",
                "comment",
                FIN,
                "<p>Thanks for the screenshot! I'm passing this to the team.</p>",
                1785300010))
        .part(
            new Part(
                new PartId("31890002002"),
                PartType.COMMENT,
                "<p>Confirmed, this is a bug in the legend layout. We'll ship a fix this week.</p>",
                at(1785300800),
                DANA,
                List.of(),
                List.of(Tag.named("9001", "bug")),
                false))
        .part(part("31890002003", "conversation_attribute_updated_by_admin", DANA, "", 1785300850))
        .part(
            part(
                "31890002004",
                "note",
                DANA,
                "<p>Linked to PROJ-007.</p><div class=\"intercom-container\"><img"
                    + " src=\"https://downloads.intercomcdn.com/i/o/abc12345/1122334477/note.png\"></div>",
                1785308000))
        .part(part("31890002005", "snoozed", DANA, "", 1785309000))
        .attribute("Product area", AttributeValue.text("Dashboards"))
        .attribute("Severity", AttributeValue.number(2))
        .attribute("Is regression", AttributeValue.bool(true))
        .attribute("Jira issue key", AttributeValue.text("PROJ-007"))
        .attribute("Refund amount", AttributeValue.number("49.5"))
        .firstContactReplyAt(at(1785300000))
        .statistics(stats(1785300000, 1785300000, 1785308000))
        .contact("66a1f0c2e4b0a1b2c3d4e5f6")
        .build();
  }

  static Part part(String id, String type, Author author, String body, long at) {
    return new Part(
        new PartId(id), new PartType(type), body, at(at), author, List.of(), List.of(), false);
  }

  static Statistics stats(long firstContact, long lastContact, long lastAdmin) {
    return new Statistics(
        Optional.of(at(firstContact)), Optional.of(at(lastContact)), Optional.of(at(lastAdmin)));
  }

  public static Instant at(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond);
  }
}
