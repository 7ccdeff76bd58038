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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Copies a document's attachments and inline images while Intercom's links still work (they expire
 * after about 30 minutes), and points the document at the copies. A file that cannot be had keeps
 * its original link: the document is not lost for it. A file larger than the store accepts is not
 * downloaded (or not further than the limit) and is marked too large on its document, with its
 * name, size and Intercom's link. So is a file beyond the document's own budget: a conversation
 * anyone can attach files to must not fill the disk and the database, so every file the store holds
 * for it counts, those it no longer shows too. A file the store holds already (a re-sync after a
 * reply, a tag or a webhook) is linked again, not downloaded again.
 */
final class FileCopies {

  /**
   * The most one document's copies may take together, about ten of Intercom's largest attachments:
   * a conversation with a hundred 25 MB files would otherwise be spooled and written in full, all
   * for one account.
   */
  static final long DOCUMENT_BUDGET_BYTES = 256L << 20;

  private final IntercomWorkspace workspace;
  private final SyncService.FileLinks links;
  private final long maxBytes;
  private final Function<ConversationId, Map<String, Long>> stored;

  /**
   * @param stored the files the store holds for a conversation (file id to size)
   */
  FileCopies(
      IntercomWorkspace workspace,
      SyncService.FileLinks links,
      long maxBytes,
      Function<ConversationId, Map<String, Long>> stored) {
    this.workspace = workspace;
    this.links = links;
    this.maxBytes = maxBytes;
    this.stored = stored;
  }

  /** What became of one file: copied (our link), too large, or left at Intercom's link. */
  private sealed interface Copy {
    record Stored(String link) implements Copy {}

    record TooLarge() implements Copy {}

    record Kept() implements Copy {}
  }

  /** The document pointing at its copied files, and the copies to store with it. */
  record Copied(FeedbackDocument document, List<StoredFile> files) {}

  /** A conversation a sync may have stored: the files the store holds for it are linked again. */
  Copied copy(FeedbackDocument d) {
    return new DocumentFiles(d.conversationId(), true).copy(d);
  }

  /**
   * A conversation no sync stored yet (a history walk's): the store holds none of its files, so it
   * is not asked.
   */
  Copied copyNew(FeedbackDocument d) {
    return new DocumentFiles(d.conversationId(), false).copy(d);
  }

  /** One document's files: those downloaded for it, and its budget spent so far. */
  private final class DocumentFiles {

    private final ConversationId conversation;
    private boolean askStore;
    private final List<StoredFile> files = new ArrayList<>();

    /** Each link once, however often the document shows it. */
    private final Map<String, Copy> copied = new HashMap<>();

    /** The file ids it may link without a download: stored before, or downloaded just now. */
    private final Set<String> held = new HashSet<>();

    /**
     * What the conversation's files take: all the store holds for it (those it no longer shows too,
     * so the budget bounds what a conversation stores), and what was downloaded since.
     */
    private long spent;

    DocumentFiles(ConversationId conversation, boolean askStore) {
      this.conversation = conversation;
      this.askStore = askStore;
    }

    Copied copy(FeedbackDocument d) {
      List<DocumentMessage> messages = new ArrayList<>();
      for (DocumentMessage m : d.messages()) {
        String html =
            Html.replaceImageSources(
                m.html(),
                url ->
                    copied.computeIfAbsent(url, u -> file(u, "image", OptionalLong.empty()))
                            instanceof Copy.Stored stored
                        ? Optional.of(stored.link())
                        : Optional.empty());
        List<Attachment> attachments = m.attachments().stream().map(this::attachment).toList();
        messages.add(
            new DocumentMessage(
                m.id(), m.kind(), m.author(), m.createdAt(), html, attachments, m.redacted()));
      }
      return new Copied(d.withMessages(messages), files);
    }

    private Attachment attachment(Attachment a) {
      Copy copy = copied.computeIfAbsent(a.url(), u -> file(u, a.name(), a.sizeBytes()));
      if (copy instanceof Copy.Stored stored) {
        return new Attachment(a.name(), stored.link(), a.contentType(), a.sizeBytes());
      }
      return copy instanceof Copy.TooLarge
          ? new Attachment(a.name(), a.url(), a.contentType(), a.sizeBytes(), true)
          : a;
    }

    /**
     * A file held already (by its id: any signature of its link) is linked again at no cost; one
     * Intercom says is larger than what is left of the budget is not downloaded; any other is.
     */
    private Copy file(String url, String name, OptionalLong declaredSize) {
      lookUpStored();
      String fileId = fileId(url);
      if (held.contains(fileId)) {
        return new Copy.Stored(links.link(conversation, fileId));
      }
      long limit = Math.min(maxBytes, DOCUMENT_BUDGET_BYTES - spent);
      if (limit <= 0 || declaredSize.isPresent() && declaredSize.getAsLong() > limit) {
        return new Copy.TooLarge(); // not a byte of it is downloaded
      }
      try {
        Download file = workspace.download(url, limit);
        files.add(new StoredFile(conversation, fileId, name, file.contentType(), file.content()));
        held.add(fileId);
        spent += file.content().size();
        return new Copy.Stored(links.link(conversation, fileId));
      } catch (IntercomFailure.TooLarge e) {
        return new Copy.TooLarge();
      } catch (IntercomFailure.Rejected | IntercomFailure.Unavailable e) {
        return new Copy.Kept();
      }
    }

    /** Once, and only for a document that has files. */
    private void lookUpStored() {
      if (askStore) {
        askStore = false;
        stored
            .apply(conversation)
            .forEach(
                (fileId, size) -> {
                  held.add(fileId);
                  spent += size;
                });
      }
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
