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
 * its original link: the document is not lost for it. A file larger than the store accepts is not
 * downloaded (or not further than the limit) and is marked too large on its document, with its
 * name, size and Intercom's link. So is a file beyond the document's own budget: a conversation
 * anyone can attach files to must not fill the disk and the database every time it is synced.
 */
final class FileCopies {

  /**
   * The most one document's copies may take together, about ten of Intercom's largest attachments:
   * a conversation with a hundred 25 MB files would otherwise be spooled and written in full at
   * every re-sync (each reply, tag or webhook), all for one account.
   */
  static final long DOCUMENT_BUDGET_BYTES = 256L << 20;

  private final IntercomWorkspace workspace;
  private final SyncService.FileLinks links;
  private final long maxBytes;

  FileCopies(IntercomWorkspace workspace, SyncService.FileLinks links, long maxBytes) {
    this.workspace = workspace;
    this.links = links;
    this.maxBytes = maxBytes;
  }

  /** What became of one file: copied (our link), too large, or left at Intercom's link. */
  private sealed interface Copy {
    record Stored(String link) implements Copy {}

    record TooLarge() implements Copy {}

    record Kept() implements Copy {}
  }

  /** The document pointing at its copied files, and the copies to store with it. */
  record Copied(FeedbackDocument document, List<StoredFile> files) {}

  Copied copy(FeedbackDocument d) {
    List<StoredFile> files = new ArrayList<>();
    // Each file once, however often the document shows it.
    Map<String, Copy> copied = new HashMap<>();
    List<DocumentMessage> messages = new ArrayList<>();
    for (DocumentMessage m : d.messages()) {
      String html =
          Html.replaceImageSources(
              m.html(),
              url ->
                  copied.computeIfAbsent(url, u -> download(d.conversationId(), u, "image", files))
                          instanceof Copy.Stored stored
                      ? Optional.of(stored.link())
                      : Optional.empty());
      List<Attachment> attachments =
          m.attachments().stream().map(a -> attachment(d, a, copied, files)).toList();
      messages.add(
          new DocumentMessage(
              m.id(), m.kind(), m.author(), m.createdAt(), html, attachments, m.redacted()));
    }
    FeedbackDocument relinked = d.withMessages(messages);
    return new Copied(relinked, files);
  }

  private Attachment attachment(
      FeedbackDocument d, Attachment a, Map<String, Copy> copied, List<StoredFile> files) {
    Copy copy =
        a.sizeBytes().isPresent() && a.sizeBytes().getAsLong() > limit(files)
            ? new Copy.TooLarge() // Intercom says so: not a byte of it is downloaded
            : copied.computeIfAbsent(
                a.url(), u -> download(d.conversationId(), u, a.name(), files));
    if (copy instanceof Copy.Stored stored) {
      return new Attachment(a.name(), stored.link(), a.contentType(), a.sizeBytes());
    }
    return copy instanceof Copy.TooLarge
        ? new Attachment(a.name(), a.url(), a.contentType(), a.sizeBytes(), true)
        : a;
  }

  private Copy download(
      ConversationId conversation, String url, String name, List<StoredFile> files) {
    long limit = limit(files);
    if (limit <= 0) {
      return new Copy.TooLarge(); // the document's budget is spent
    }
    try {
      Download file = workspace.download(url, limit);
      String fileId = fileId(url);
      files.add(new StoredFile(conversation, fileId, name, file.contentType(), file.content()));
      return new Copy.Stored(links.link(conversation, fileId));
    } catch (IntercomFailure.TooLarge e) {
      return new Copy.TooLarge();
    } catch (IntercomFailure.Rejected | IntercomFailure.Unavailable e) {
      return new Copy.Kept();
    }
  }

  /** The most the next file may take: the per-file limit, or what is left of the document's. */
  private long limit(List<StoredFile> files) {
    long spent = files.stream().mapToLong(f -> f.content().size()).sum();
    return Math.min(maxBytes, DOCUMENT_BUDGET_BYTES - spent);
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
