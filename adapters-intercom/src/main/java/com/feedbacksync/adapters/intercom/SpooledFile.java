package com.feedbacksync.adapters.intercom;

import com.feedbacksync.application.model.FileContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A download's bytes in a temporary file (readable by this user only) until the commit that stores
 * them discards it. A file whose batch is never committed (its run failed) is deleted once nothing
 * refers to it any more, so a failing account cannot fill the disk.
 */
final class SpooledFile implements FileContent {

  private static final Cleaner CLEANER = Cleaner.create();

  private final Path path;
  private final Cleaner.Cleanable deletion;
  private long size;

  private SpooledFile(Path path) {
    this.path = path;
    this.deletion = CLEANER.register(this, new Deletion(path));
  }

  static SpooledFile create() throws IOException {
    return new SpooledFile(Files.createTempFile("feedbacksync-", ".download"));
  }

  /** Writes the file anew (a retried download starts from its first byte). */
  OutputStream rewrite() throws IOException {
    size = 0;
    return Files.newOutputStream(
        path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
  }

  /** The download is complete: its size is what was written. */
  void written() throws IOException {
    size = Files.size(path);
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public InputStream open() throws IOException {
    return Files.newInputStream(path);
  }

  @Override
  public void discard() {
    deletion.clean();
  }

  /** Holds the path only: a cleaning action that referred to its file would keep it reachable. */
  private record Deletion(Path path) implements Runnable {
    @Override
    public void run() {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // A temporary file: the system's cleanup of its temporary folder takes it then.
      }
    }
  }
}
