package com.feedbacksync.simulator;

import com.feedbacksync.simulator.DocumentContent.FileFacts;
import com.feedbacksync.simulator.DocumentContent.Message;
import com.feedbacksync.simulator.Model.Conversation;
import com.feedbacksync.simulator.Model.FileRef;
import com.feedbacksync.simulator.Model.Part;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each kept conversation's document must hold, from the simulator's records and the design's
 * promise, never from the product's code: the opening message when it has words or files, then
 * every part the API shows (the 500 most recent) that carries words or files or was redacted,
 * whatever its type, except internal notes (an account includes them only by choice); events
 * (assignments, closings without words) are no messages. Every file of those messages, attachment
 * or inline image, is kept once with the bytes Intercom serves.
 */
final class ContentOracle {

  private static final Pattern IMAGE = Pattern.compile("<img[^>]*\\{\\{file:([^}]+)}}");

  private ContentOracle() {}

  static Map<String, DocumentContent> of(SimWorkspace workspace, List<String> kept) {
    Map<String, DocumentContent> contents = new LinkedHashMap<>();
    for (String id : kept) {
      Conversation c = workspace.requireConversation(id);
      List<Message> messages = new ArrayList<>();
      Set<String> files = new LinkedHashSet<>();
      String subject = DocumentContent.visibleText(c.subject);
      if (hasContent(c.sourceBody, c.sourceAttachments, false) || !subject.isEmpty()) {
        messages.add(
            message(
                "OPENING",
                c.sourceAuthorType,
                c.sourceAuthorId,
                c.createdAt,
                false,
                c.sourceBody,
                c.sourceAttachments,
                files));
      }
      for (Part p : ConversationRender.shown(workspace.parts(c))) {
        if (!Part.isNote(p.partType()) && hasContent(p.body(), p.attachments(), p.redacted())) {
          messages.add(
              message(
                  "REPLY",
                  p.authorType(),
                  p.authorId(),
                  p.createdAt(),
                  p.redacted(),
                  p.body(),
                  p.attachments(),
                  files));
        }
      }
      contents.put(
          id,
          new DocumentContent(
              messages,
              files.stream().map(f -> DocumentContent.sha256(Files.content(f).bytes())).toList()));
    }
    return contents;
  }

  private static boolean hasContent(String body, List<FileRef> attachments, boolean redacted) {
    return redacted
        || !attachments.isEmpty()
        || !Texts.isBlankHtml(body)
        || (body != null && IMAGE.matcher(body).find());
  }

  private static Message message(
      String kind,
      String authorType,
      String authorId,
      long createdAt,
      boolean redacted,
      String body,
      List<FileRef> attachments,
      Set<String> files) {
    int images = 0;
    Matcher m = IMAGE.matcher(body == null ? "" : body);
    while (m.find()) {
      images++;
      files.add(m.group(1));
    }
    attachments.forEach(a -> files.add(a.id()));
    return new Message(
        kind,
        authorType,
        authorId,
        createdAt,
        redacted,
        DocumentContent.visibleText(body),
        images,
        attachments.stream().map(a -> new FileFacts(a.name(), a.contentType(), a.size())).toList());
  }
}
