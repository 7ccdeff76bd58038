package com.feedbacksync.application.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a newest-first listing goes on: after the row with this time and id. Keyset paging, so a
 * page costs the same at row 100,000 as at row 1 and rows written meanwhile neither repeat nor go
 * missing. On the wire it is opaque: clients hand back what they were given.
 */
public record SliceCursor(Instant at, String id) {

  public SliceCursor {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(id, "id");
  }

  public String encode() {
    String raw = at.getEpochSecond() + "." + at.getNano() + "." + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a cursor this service handed out; anything else is refused. */
  public static SliceCursor decode(String encoded) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
      String[] parts = raw.split("\\.", 3);
      Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
      if (parts[2].isEmpty()) {
        throw new IllegalArgumentException("empty id");
      }
      return new SliceCursor(at, parts[2]);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "The cursor is not one this service handed out; start again without it.", e);
    }
  }
}
