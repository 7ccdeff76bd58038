package com.feedbacksync.application.sync;

import com.feedbacksync.application.model.Download;
import com.feedbacksync.application.model.StoredFile;
import com.feedbacksync.application.port.out.IntercomFailure;
import com.feedbacksync.application.port.out.IntercomWorkspace;
import com.feedbacksync.domain.document.DocumentMessage;
import com.feedbacksync.domain.document.FeedbackDocument;
import com.feedbacksync.domain.intercom.Attachment;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.Html;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copies a document's attachments and inline images while Intercom's links still work (they expire
 * after about 30 minutes), and points the document at the copies. A file that cannot be had keeps
 * its original link: the document is not lost for it.
 */
final class FileCopies {

  private final IntercomWorkspace workspace;
  private final SyncService.FileLinks links;

  FileCopies(IntercomWorkspace workspace, SyncService.FileLinks links) {
    this.workspace = workspace;
    this.links = links;
  }

  /** The document pointing at its copied files, and the copies to store with it. */
  record Copied(FeedbackDocument document, List<StoredFile> files) {}

  Copied copy(FeedbackDocument d) {
    List<StoredFile> files = new ArrayList<>();
    // Each file once, however often the document shows it.
    Map<String, Optional<String>> copied = new HashMap<>();
    List<DocumentMessage> messages = new ArrayList<>();
    for (DocumentMessage m : d.messages()) {
      String html =
          Html.replaceImageSources(
              m.html(),
              url ->
                  copied.computeIfAbsent(
                      url, u -> download(d.conversationId(), u, "image", files)));
      List<Attachment> attachments =
          m.attachments().stream()
              .map(
                  a ->
                      copied
                          .computeIfAbsent(
                              a.url(), u -> download(d.conversationId(), u, a.name(), files))
                          .map(
                              link ->
                                  new Attachment(a.name(), link, a.contentType(), a.sizeBytes()))
                          .orElse(a))
              .toList();
      messages.add(
          new DocumentMessage(
              m.id(), m.kind(), m.author(), m.createdAt(), html, attachments, m.redacted()));
    }
    FeedbackDocument relinked =
        new FeedbackDocument(
            d.workspace(),
            d.conversationId(),
            d.title(),
            messages,
            d.status(),
            d.tags(),
            d.attributes(),
            d.originalUrl(),
            d.sourceType(),
            d.deliveredAs(),
            d.customer(),
            d.createdAt(),
            d.updatedAt(),
            d.syncedAt());
    return new Copied(relinked, files);
  }

  private Optional<String> download(
      ConversationId conversation, String url, String name, List<StoredFile> files) {
    try {
      Download file = workspace.download(url);
      String fileId = fileId(url);
      files.add(new StoredFile(conversation, fileId, name, file.contentType(), file.bytes()));
      return Optional.of(links.link(conversation, fileId));
    } catch (IntercomFailure.Rejected | IntercomFailure.Unavailable e) {
      return Optional.empty();
    }
  }

  /** A file's id: the same file (its place on the CDN, without the expiring signature) keeps it. */
  static String fileId(String url) {
    int query = url.indexOf('?');
    String stable = query < 0 ? url : url.substring(0, query);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(stable.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
