package com.feedbacksync.adapters.web.api;

import com.feedbacksync.application.model.DocumentSummary;
import com.feedbacksync.application.model.Slice;
import com.feedbacksync.application.model.SliceCursor;
import com.feedbacksync.domain.document.DocumentMessage;
import com.feedbacksync.domain.document.FeedbackDocument;
import com.feedbacksync.domain.document.PartsCount;
import com.feedbacksync.domain.intercom.Attachment;
import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.Author;
import com.feedbacksync.domain.profile.CustomerProfile;
import com.feedbacksync.domain.sync.FlatTag;
import com.feedbacksync.domain.sync.TagProvenance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The wire forms of documents, Document Info and customer profiles (JSON-B records). */
final class FeedbackJson {

  private FeedbackJson() {}

  static final String DOCUMENTS = "/api/v1/documents/";

  /** A page of a listing; {@code nextCursor} is absent on the last page. */
  public record PageJson<T>(List<T> items, String nextCursor) {
    static <S, T> PageJson<T> of(Slice<S> slice, Function<S, T> view) {
      return new PageJson<>(
          slice.items().stream().map(view).toList(),
          slice.next().map(SliceCursor::encode).orElse(null));
    }
  }

  /** How many there are in all. */
  public record CountJson(long count) {}

  /**
   * A document in the list; {@code truncatedByIntercom} says Intercom returned only the 500 most
   * recent parts of its conversation, so its oldest messages are missing.
   */
  public record DocumentSummaryJson(
      String id,
      String title,
      String status,
      List<String> tags,
      String customerId,
      Instant createdAt,
      Instant updatedAt,
      boolean truncatedByIntercom,
      String url,
      String infoUrl) {
    static DocumentSummaryJson of(DocumentSummary d) {
      String url = DOCUMENTS + d.id().value();
      return new DocumentSummaryJson(
          d.id().value(),
          d.title(),
          d.status().name(),
          d.tags(),
          d.customer().map(c -> c.value()).orElse(null),
          d.createdAt(),
          d.updatedAt(),
          d.truncatedByIntercom(),
          url,
          url + "/info");
    }
  }

  /** The author of a message. */
  public record AuthorJson(String type, String id, String name, String email) {
    static AuthorJson of(Author a) {
      return new AuthorJson(
          a.type().name().toLowerCase(Locale.ROOT),
          a.id().orElse(null),
          a.name().orElse(null),
          a.email().orElse(null));
    }
  }

  /**
   * How links to stored files reach a browser: signed, since an {@code <img>} or a download link
   * sends no token ({@code html} says whether the text is HTML).
   */
  interface FileLinks {
    String sign(String text, boolean html);
  }

  /**
   * A file of a message; {@code url} is our stored copy (signed) once the sync downloaded it, or
   * Intercom's own (expiring) link when the file was too large to keep ({@code tooLarge}).
   */
  public record FileJson(
      String name, String url, String contentType, Long sizeBytes, boolean tooLarge) {
    static FileJson of(Attachment a, FileLinks links) {
      return new FileJson(
          a.name(),
          links.sign(a.url(), false),
          a.contentType(),
          a.sizeBytes().isPresent() ? a.sizeBytes().getAsLong() : null,
          a.tooLarge());
    }
  }

  /** One message, in conversation order. */
  public record MessageJson(
      String id,
      String kind,
      AuthorJson author,
      Instant createdAt,
      String html,
      List<FileJson> attachments,
      boolean redacted) {
    static MessageJson of(DocumentMessage m, FileLinks links) {
      return new MessageJson(
          m.id(),
          m.kind().name(),
          AuthorJson.of(m.author()),
          m.createdAt(),
          links.sign(m.html(), true),
          m.attachments().stream().map(a -> FileJson.of(a, links)).toList(),
          m.redacted());
    }
  }

  /** The customer a document links to: their profile when it is synced, else just the id. */
  public record CustomerRefJson(String id, String name, String email, String url) {}

  /** The document: title, its messages' sanitized HTML as one content, messages, tags, customer. */
  public record DocumentJson(
      String id,
      String title,
      String status,
      String content,
      List<MessageJson> messages,
      List<String> tags,
      CustomerRefJson customer,
      Instant createdAt,
      Instant updatedAt,
      String infoUrl) {
    static DocumentJson of(FeedbackDocument d, Optional<CustomerProfile> profile, FileLinks links) {
      String id = d.conversationId().value();
      CustomerRefJson customer =
          d.customer()
              .map(
                  c ->
                      new CustomerRefJson(
                          c.value(),
                          profile.flatMap(CustomerProfile::name).orElse(null),
                          profile.flatMap(CustomerProfile::email).orElse(null),
                          "/api/v1/customers/" + c.value()))
              .orElse(null);
      // The HTML was sanitized before it was stored; the content is its messages, one section each.
      String content =
          d.messages().stream()
              .map(
                  m ->
                      "<section data-message-id=\""
                          + m.id()
                          + "\">"
                          + links.sign(m.html(), true)
                          + "</section>")
              .collect(Collectors.joining("\n"));
      return new DocumentJson(
          id,
          d.title(),
          d.status().name(),
          content,
          d.messages().stream().map(m -> MessageJson.of(m, links)).toList(),
          d.tags().stream().map(FlatTag::name).toList(),
          customer,
          d.createdAt(),
          d.updatedAt(),
          DOCUMENTS + id + "/info");
    }
  }

  /** Where one tag was applied: on the conversation (no message) or on one message. */
  public record TagAppliedJson(String messageId, Instant appliedAt, AuthorJson appliedBy) {
    static TagAppliedJson of(TagProvenance p) {
      return new TagAppliedJson(
          p.part().map(x -> x.value()).orElse(null),
          p.appliedAt().orElse(null),
          p.appliedBy().map(AuthorJson::of).orElse(null));
    }
  }

  /** A tag once per document, with every place it was applied. */
  public record TagJson(String id, String name, List<TagAppliedJson> applied) {
    static TagJson of(FlatTag t) {
      return new TagJson(
          t.id().value(), t.name(), t.provenance().stream().map(TagAppliedJson::of).toList());
    }
  }

  /**
   * How complete the document is: how many parts Intercom says the conversation has, how many it
   * returned (at most the 500 most recent), and whether it cut the oldest off.
   */
  public record CompletenessJson(
      int partsReported, int partsReceived, boolean truncatedByIntercom) {
    static CompletenessJson of(PartsCount p) {
      return new CompletenessJson(p.reported(), p.received(), p.truncatedByIntercom());
    }
  }

  /**
   * Document Info: every piece of metadata the document carries; {@code attributes} are the
   * conversation's custom attributes, {@code intercomAttributes} Intercom's own (priority, assignee
   * and team ids, rating, channel, source url and subject, statistics, AI agent, ...).
   */
  public record DocumentInfoJson(
      String documentId,
      String source,
      String conversationId,
      String sourceType,
      String deliveredAs,
      String status,
      List<TagJson> tags,
      Map<String, Object> attributes,
      Map<String, Object> intercomAttributes,
      CompletenessJson completeness,
      String originalUrl,
      String workspaceId,
      Instant createdAt,
      Instant updatedAt,
      Instant syncedAt) {
    static DocumentInfoJson of(FeedbackDocument d) {
      return new DocumentInfoJson(
          d.conversationId().value(),
          "intercom",
          d.conversationId().value(),
          d.sourceType(),
          d.deliveredAs().name().toLowerCase(Locale.ROOT),
          d.status().name(),
          d.tags().stream().map(TagJson::of).toList(),
          plain(d.attributes()),
          plain(d.intercomAttributes()),
          CompletenessJson.of(d.parts()),
          d.originalUrl(),
          d.workspace().value(),
          d.createdAt(),
          d.updatedAt(),
          d.syncedAt());
    }
  }

  /** A company of a customer, with all its properties. */
  public record CompanyJson(String id, String name, Map<String, Object> properties) {}

  /** A customer profile: every attribute as a property, companies' as {@code company.*}. */
  public record CustomerJson(
      String id,
      String role,
      String name,
      String email,
      List<String> segments,
      List<CompanyJson> companies,
      Map<String, Object> properties,
      Instant updatedAt) {
    static CustomerJson of(CustomerProfile p) {
      return new CustomerJson(
          p.contactId().value(),
          p.role().name().toLowerCase(Locale.ROOT),
          p.name().orElse(null),
          p.email().orElse(null),
          p.segments(),
          p.companies().stream()
              .map(c -> new CompanyJson(c.id().value(), c.name(), plain(c.properties())))
              .toList(),
          plain(p.properties()),
          p.updatedAt());
    }
  }

  /** Attribute values as JSON-B writes them: text, numbers, booleans, lists, objects, null. */
  static Map<String, Object> plain(Map<String, AttributeValue> attributes) {
    Map<String, Object> plain = new LinkedHashMap<>();
    attributes.forEach((k, v) -> plain.put(k, plain(v)));
    return plain;
  }

  private static Object plain(AttributeValue v) {
    if (v instanceof AttributeValue.Text t) {
      return t.value();
    }
    if (v instanceof AttributeValue.Number n) {
      return n.value();
    }
    if (v instanceof AttributeValue.Bool b) {
      return b.value();
    }
    if (v instanceof AttributeValue.ListValue l) {
      List<Object> values = new ArrayList<>();
      l.values().forEach(x -> values.add(plain(x)));
      return values;
    }
    if (v instanceof AttributeValue.ObjectValue o) {
      return plain(o.fields());
    }
    return null;
  }
}
