package com.feedbacksync.application.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A file's bytes as a stream, so no path holds a whole attachment in the heap: a download waits in
 * a spool file until its commit, a stored file is read from the database piece by piece.
 */
public interface FileContent {

  /** How many bytes {@link #open} gives. */
  long size();

  /** The bytes from the first; each call starts again. */
  InputStream open() throws IOException;

  /** Lets go of where the bytes wait (a spool file), once they are stored or given up. */
  default void discard() {}

  /** Bytes already in memory: a small file, or a test's. */
  static FileContent of(byte[] bytes) {
    return new InMemory(bytes.clone());
  }

  /** Bytes in memory. */
  record InMemory(byte[] bytes) implements FileContent {

    public InMemory {
      Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public long size() {
      return bytes.length;
    }

    @Override
    public InputStream open() {
      return new ByteArrayInputStream(bytes);
    }
  }
}
