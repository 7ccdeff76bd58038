package com.feedbacksync.domain.intercom;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A tag as Intercom applied it: on the conversation or on one part, with who applied it when. */
public record Tag(TagId id, String name, Optional<Instant> appliedAt, Optional<Author> appliedBy) {

  public Tag {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(appliedAt, "appliedAt");
    Objects.requireNonNull(appliedBy, "appliedBy");
    name = name == null || name.isBlank() ? id.value() : name.strip();
  }

  /** A tag whose application Intercom did not describe. */
  public static Tag named(String id, String name) {
    return new Tag(new TagId(id), name, Optional.empty(), Optional.empty());
  }
}
