package com.feedbacksync.application.model;

import com.feedbacksync.domain.intercom.ConversationId;
import java.util.Objects;

/**
 * An attachment or inline image of a document, downloaded during the sync (Intercom's links
 * expire).
 *
 * @param fileId stable across syncs: derived from the file's place on Intercom's CDN
 * @param content its bytes, streamed (never held whole in the heap)
 */
public record StoredFile(
    ConversationId conversation,
    String fileId,
    String name,
    String contentType,
    FileContent content) {

  public StoredFile {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(content, "content");
  }
}
