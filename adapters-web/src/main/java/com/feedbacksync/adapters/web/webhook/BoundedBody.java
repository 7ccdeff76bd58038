package com.feedbacksync.adapters.web.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A request body read against a hard limit: a body that declares more is refused without reading a
 * byte, and one that sends more is refused once it passed the limit, so no body ever costs more
 * heap than the limit and a byte.
 */
final class BoundedBody {

  private BoundedBody() {}

  /**
   * The body's bytes, or empty when it declares or sends more than {@code limit} bytes.
   *
   * @param declaredLength the Content-Length, negative when none was sent (chunked)
   */
  static Optional<byte[]> read(InputStream in, long declaredLength, int limit) throws IOException {
    if (declaredLength > limit) {
      return Optional.empty();
    }
    byte[] body = in.readNBytes(limit + 1);
    return body.length > limit ? Optional.empty() : Optional.of(body);
  }
}
