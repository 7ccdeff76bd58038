package com.feedbacksync.adapters.web.api;

import com.feedbacksync.application.model.SliceCursor;
import com.feedbacksync.application.model.StoredFile;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** What several resources answer alike: cursors read back, tombstones, stored files. */
final class Responses {

  private Responses() {}

  /** Raster images a browser may show inline; anything else (SVG included) is downloaded. */
  private static final Set<String> INLINE_TYPES =
      Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

  /** The page after this cursor; a cursor this service did not hand out is a 400. */
  static Optional<SliceCursor> after(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(SliceCursor.decode(cursor.strip()));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  /** 410: Intercom deleted it; the service keeps only the fact. */
  static ClientErrorException gone(String what, Instant deletedAt) {
    return new ClientErrorException(
        what + " (noticed " + deletedAt + "); only the fact is kept.", Response.Status.GONE);
  }

  static String disposition(StoredFile file) {
    String kind = INLINE_TYPES.contains(file.contentType().toLowerCase()) ? "inline" : "attachment";
    String ascii = file.name().replaceAll("[^A-Za-z0-9._-]", "_");
    String utf8 = URLEncoder.encode(file.name(), StandardCharsets.UTF_8).replace("+", "%20");
    return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8;
  }
}
