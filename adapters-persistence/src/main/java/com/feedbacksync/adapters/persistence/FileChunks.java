package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.model.FileContent;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A stored file's bytes as rows of {@link #CHUNK_BYTES} each ({@code document_file_chunk}): written
 * from its stream a piece at a time, read back a piece at a time, so a 25 MB attachment costs one
 * piece of heap either way and no statement comes near the database's packet limit.
 */
final class FileChunks {

  /** One piece: small against any max_allowed_packet (MariaDB's default is 16 MB). */
  static final int CHUNK_BYTES = 1 << 20;

  /** Where a file is stored. */
  record Key(String account, String workspace, String conversation, String fileId) {}

  private FileChunks() {}

  /**
   * Writes the file's pieces (its {@code document_file} row exists: replacing that row removed the
   * old pieces); the bytes written, which the caller records as its size.
   */
  static long write(EntityManager em, Key key, FileContent content) {
    long written = 0;
    try (InputStream in = content.open()) {
      int seq = 0;
      byte[] piece;
      while ((piece = in.readNBytes(CHUNK_BYTES)).length > 0) {
        em.createNativeQuery(
                "INSERT INTO document_file_chunk (account_id, workspace_id, conversation_id,"
                    + " file_id, seq, bytes) VALUES (?, ?, ?, ?, ?, ?)")
            .setParameter(1, key.account())
            .setParameter(2, key.workspace())
            .setParameter(3, key.conversation())
            .setParameter(4, key.fileId())
            .setParameter(5, seq++)
            .setParameter(6, piece)
            .executeUpdate();
        written += piece.length;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the downloaded file could not be read back", e);
    }
    return written;
  }

  /** The stored file's bytes, read a piece at a time as the stream is read. */
  static FileContent read(EntityManager em, Key key, long size) {
    return new Stored(em, key, size);
  }

  private record Stored(EntityManager em, Key key, long size) implements FileContent {
    @Override
    public InputStream open() {
      return new PieceStream(em, key);
    }
  }

  /** Fetches the next piece when the one in hand is read: one query, one piece at a time. */
  private static final class PieceStream extends InputStream {
    private final EntityManager em;
    private final Key key;
    private byte[] piece = new byte[0];
    private int at;
    private int nextSeq;
    private boolean last;

    PieceStream(EntityManager em, Key key) {
      this.em = em;
      this.key = key;
    }

    @Override
    public int read() {
      return fill() ? piece[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, piece.length - at);
      System.arraycopy(piece, at, b, off, n);
      at += n;
      return n;
    }

    /** Whether bytes are at hand, fetching the next piece if the current one is read. */
    private boolean fill() {
      while (at >= piece.length) {
        if (last) {
          return false;
        }
        List<?> rows =
            em.createNativeQuery(
                    "SELECT bytes FROM document_file_chunk WHERE account_id = ?"
                        + " AND workspace_id = ? AND conversation_id = ? AND file_id = ?"
                        + " AND seq = ?")
                .setParameter(1, key.account())
                .setParameter(2, key.workspace())
                .setParameter(3, key.conversation())
                .setParameter(4, key.fileId())
                .setParameter(5, nextSeq++)
                .getResultList();
        if (rows.isEmpty()) {
          last = true;
          return false;
        }
        piece = (byte[]) rows.get(0);
        at = 0;
      }
      return true;
    }
  }
}
