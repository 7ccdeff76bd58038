package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.model.StoredFile;
import com.feedbacksync.domain.account.AccountId;
import jakarta.persistence.EntityManager;
import java.util.List;

/** A batch's downloaded files: a {@code document_file} row each, its bytes in pieces. */
final class StoredFileRows {

  private StoredFileRows() {}

  static void write(EntityManager em, AccountId account, String workspace, List<StoredFile> files) {
    for (StoredFile file : files) {
      // The same file again (a re-sync) replaces the stored copy: same key, same content. The
      // replaced row takes its pieces with it (ON DELETE CASCADE).
      em.createNativeQuery(
              "REPLACE INTO document_file (account_id, workspace_id, conversation_id, file_id,"
                  + " name, content_type, size_bytes) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .setParameter(1, account.value())
          .setParameter(2, workspace)
          .setParameter(3, file.conversation().value())
          .setParameter(4, file.fileId())
          .setParameter(5, DocumentRows.truncate(file.name(), 300))
          .setParameter(6, DocumentRows.truncate(file.contentType(), 200))
          .setParameter(7, file.content().size())
          .executeUpdate();
      long written =
          FileChunks.write(
              em,
              new FileChunks.Key(
                  account.value(), workspace, file.conversation().value(), file.fileId()),
              file.content());
      if (written != file.content().size()) {
        throw new IllegalStateException(
            "file "
                + file.fileId()
                + " gave "
                + written
                + " of "
                + file.content().size()
                + " bytes");
      }
    }
  }
}
