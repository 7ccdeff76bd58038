package com.feedbacksync.adapters.intercom;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copies an answer's body up to a limit, never holding more than a buffer of it. */
final class BoundedCopy {

  private static final int BUFFER = 64 * 1024;

  private BoundedCopy() {}

  /**
   * The bytes copied; an answer longer than {@code maxBytes} fails with an IOException saying it is
   * "larger than" the limit, as soon as the limit is passed.
   */
  static long copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
    byte[] buffer = new byte[BUFFER];
    long copied = 0;
    int n;
    while ((n = in.read(buffer)) >= 0) {
      copied += n;
      if (copied > maxBytes) {
        throw new IOException("the answer is larger than " + maxBytes + " bytes");
      }
      out.write(buffer, 0, n);
    }
    return copied;
  }
}
