package com.feedbacksync.domain.document;

import com.feedbacksync.domain.intercom.Author;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.Html;
import com.feedbacksync.domain.intercom.Part;
import com.feedbacksync.domain.intercom.Source;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.sync.TagFlattening;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a conversation into a feedback document.
 *
 * <p>Messages: the opening message, then the replies (customers', admins' and bots' comments) in
 * time order; internal notes only when the account's settings include them; assignments, status
 * changes, button clicks and other events are not messages (status and tags are the document's
 * metadata). Title: the conversation's title, else the opening subject, else the start of the first
 * customer message, else of the first message, else "Conversation {id}". The document links to the
 * customer who wrote first (else the conversation's first contact). Intercom's own attributes are
 * kept as they were read; the part counts say whether Intercom cut the oldest parts off.
 */
public final class DocumentMapping {

  /** Long enough to recognise a message in a list, short enough for one line. */
  static final int TITLE_LENGTH = 80;

  private final MappingSettings settings;

  public DocumentMapping(MappingSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public FeedbackDocument map(Workspace workspace, Conversation conversation, Instant syncedAt) {
    List<DocumentMessage> messages = messages(conversation);
    return new FeedbackDocument(
        workspace.id(),
        conversation.id(),
        title(conversation, messages),
        messages,
        conversation.state(),
        TagFlattening.flatten(conversation),
        conversation.customAttributes(),
        workspace.inboxUrl(conversation.id()),
        conversation.source().type(),
        conversation.source().deliveredAs(),
        customer(conversation, messages),
        conversation.createdAt(),
        conversation.updatedAt(),
        syncedAt,
        conversation.intercomAttributes(),
        new PartsCount(conversation.partsTotalCount(), conversation.parts().size()));
  }

  List<DocumentMessage> messages(Conversation conversation) {
    List<DocumentMessage> messages = new ArrayList<>();
    Source source = conversation.source();
    if (source.hasContent() || !Html.toText(source.subject()).isEmpty()) {
      messages.add(
          new DocumentMessage(
              DocumentMessage.OPENING_ID,
              MessageKind.OPENING,
              source.author(),
              conversation.createdAt(),
              source.body(),
              source.attachments(),
              source.redacted()));
    }
    List<DocumentMessage> replies = new ArrayList<>();
    for (Part part : conversation.parts()) {
      kindOf(part)
          .ifPresent(
              kind ->
                  replies.add(
                      new DocumentMessage(
                          part.id().value(),
                          kind,
                          part.author(),
                          part.createdAt(),
                          part.body(),
                          part.attachments(),
                          part.redacted())));
    }
    // Intercom lists parts oldest first; a stable sort keeps that order within one second.
    replies.sort(Comparator.comparing(DocumentMessage::createdAt));
    messages.addAll(replies);
    return messages;
  }

  private Optional<MessageKind> kindOf(Part part) {
    // Words come in more part types than comment: a customer's reopening reply (open), an admin's
    // closing words (close); events carry none and drop out on content.
    if (part.type().isVisibleToTheCustomer() && part.hasContent()) {
      return Optional.of(MessageKind.REPLY);
    }
    if (part.type().isNote() && settings.includeInternalNotes() && part.hasContent()) {
      return Optional.of(MessageKind.INTERNAL_NOTE);
    }
    return Optional.empty();
  }

  static String title(Conversation conversation, List<DocumentMessage> messages) {
    if (!conversation.title().isEmpty()) {
      return conversation.title();
    }
    String subject = Html.toText(conversation.source().subject());
    if (!subject.isEmpty()) {
      return shorten(subject);
    }
    Optional<String> text =
        firstText(messages.stream().filter(m -> m.author().isCustomer()).toList())
            .or(() -> firstText(messages));
    return text.map(DocumentMapping::shorten).orElse("Conversation " + conversation.id().value());
  }

  private static Optional<String> firstText(List<DocumentMessage> messages) {
    return messages.stream()
        .filter(m -> m.kind() != MessageKind.INTERNAL_NOTE)
        .map(m -> Html.toText(m.html()))
        .filter(t -> !t.isEmpty())
        .findFirst();
  }

  /** Cuts at a word boundary so a title never ends mid-word. */
  static String shorten(String text) {
    if (text.length() <= TITLE_LENGTH) {
      return text;
    }
    int cut = text.lastIndexOf(' ', TITLE_LENGTH - 1);
    String head =
        cut > TITLE_LENGTH / 2 ? text.substring(0, cut) : text.substring(0, TITLE_LENGTH - 1);
    return head.strip() + "…";
  }

  private static Optional<ContactId> customer(
      Conversation conversation, List<DocumentMessage> messages) {
    // Notes are admins' by nature, so the first customer author is always a visible message's.
    return messages.stream()
        .map(DocumentMessage::author)
        .filter(Author::isCustomer)
        .flatMap(a -> a.id().stream())
        .findFirst()
        .map(ContactId::new)
        .or(() -> conversation.contacts().stream().findFirst());
  }
}
