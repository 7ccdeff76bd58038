package com.feedbacksync.domain.testing;

import com.feedbacksync.domain.intercom.Attachment;
import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.Author;
import com.feedbacksync.domain.intercom.AuthorType;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationState;
import com.feedbacksync.domain.intercom.DeliveredAs;
import com.feedbacksync.domain.intercom.Part;
import com.feedbacksync.domain.intercom.PartId;
import com.feedbacksync.domain.intercom.PartType;
import com.feedbacksync.domain.intercom.Source;
import com.feedbacksync.domain.intercom.Statistics;
import com.feedbacksync.domain.intercom.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Builds conversations for tests, with sensible defaults for what a test does not care about. */
public final class ConversationBuilder {

  public static final Instant T0 = Instant.ofEpochSecond(1_785_000_000L);

  private String id = "215474154200001";
  private String title = "";
  private Instant createdAt = T0;
  private Instant updatedAt = T0;
  private ConversationState state = ConversationState.OPEN;
  private Source source = customerSource("<p>Hello</p>");
  private final List<Part> parts = new ArrayList<>();
  private int partsTotalCount = -1;
  private final List<Tag> tags = new ArrayList<>();
  private final Map<String, AttributeValue> attributes = new LinkedHashMap<>();
  private final Map<String, AttributeValue> intercomAttributes = new LinkedHashMap<>();
  private Statistics statistics = Statistics.NONE;
  private Optional<Instant> firstContactReplyAt = Optional.empty();
  private final List<ContactId> contacts = new ArrayList<>();
  private int nextPart = 1;

  public static ConversationBuilder conversation() {
    return new ConversationBuilder();
  }

  public static Author user(String id) {
    return Author.of(AuthorType.USER, id, "Casey Customer", "casey@example.com");
  }

  public static Author author(AuthorType type, String id) {
    return Author.of(type, id, type.name().toLowerCase() + " " + id, null);
  }

  public static Author admin(String id) {
    return Author.of(AuthorType.ADMIN, id, "Dana Support", "dana@acme.example");
  }

  public static Source customerSource(String body) {
    return new Source(
        "conversation", DeliveredAs.CUSTOMER_INITIATED, "", body, user("c1"), List.of(), false);
  }

  public static Source outboundSource(DeliveredAs deliveredAs, Author author, String body) {
    return new Source("email", deliveredAs, "A message from us", body, author, List.of(), false);
  }

  public static Attachment file(String name) {
    return new Attachment(
        name, "https://downloads.intercomcdn.com/i/o/" + name, "image/png", OptionalLong.of(10));
  }

  public ConversationBuilder id(String id) {
    this.id = id;
    return this;
  }

  public ConversationBuilder title(String title) {
    this.title = title;
    return this;
  }

  public ConversationBuilder createdAt(Instant createdAt) {
    this.createdAt = createdAt;
    return this;
  }

  public ConversationBuilder updatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
    return this;
  }

  public ConversationBuilder state(ConversationState state) {
    this.state = state;
    return this;
  }

  public ConversationBuilder source(Source source) {
    this.source = source;
    return this;
  }

  public ConversationBuilder part(String type, Author author, String body) {
    return part(type, author, body, List.of(), List.of(), false);
  }

  public ConversationBuilder part(
      String type,
      Author author,
      String body,
      List<Attachment> attachments,
      List<Tag> tags,
      boolean redacted) {
    int n = nextPart++;
    parts.add(
        new Part(
            new PartId("3189000" + String.format("%04d", n)),
            new PartType(type),
            body,
            createdAt.plusSeconds(60L * n),
            author,
            attachments,
            tags,
            redacted));
    return this;
  }

  public ConversationBuilder part(Part part) {
    parts.add(part);
    nextPart++;
    return this;
  }

  public ConversationBuilder partsTotalCount(int total) {
    this.partsTotalCount = total;
    return this;
  }

  public ConversationBuilder tag(Tag tag) {
    tags.add(tag);
    return this;
  }

  public ConversationBuilder attribute(String name, AttributeValue value) {
    attributes.put(name, value);
    return this;
  }

  /** One of Intercom's own attributes ({@code priority}, {@code statistics.count_reopens}). */
  public ConversationBuilder intercomAttribute(String name, AttributeValue value) {
    intercomAttributes.put(name, value);
    return this;
  }

  public ConversationBuilder statistics(Statistics statistics) {
    this.statistics = statistics;
    return this;
  }

  public ConversationBuilder firstContactReplyAt(Instant at) {
    this.firstContactReplyAt = Optional.ofNullable(at);
    return this;
  }

  public ConversationBuilder contact(String id) {
    contacts.add(new ContactId(id));
    return this;
  }

  public Conversation build() {
    return new Conversation(
        new ConversationId(id),
        title,
        createdAt,
        updatedAt,
        state,
        source,
        parts,
        partsTotalCount < 0 ? parts.size() : partsTotalCount,
        tags,
        attributes,
        statistics,
        firstContactReplyAt,
        contacts,
        intercomAttributes);
  }
}
