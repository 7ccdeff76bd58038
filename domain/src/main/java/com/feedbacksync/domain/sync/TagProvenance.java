package com.feedbacksync.domain.sync;

import com.feedbacksync.domain.intercom.Author;
import com.feedbacksync.domain.intercom.PartId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how one tag was applied: on the conversation (no part) or on one message, by whom and
 * when, as far as Intercom says.
 */
public record TagProvenance(
    Optional<PartId> part, Optional<Instant> appliedAt, Optional<Author> appliedBy) {

  /**
   * Conversation-level first, then by part, then by time and applier, so order never depends on
   * input.
   */
  static final Comparator<TagProvenance> ORDER =
      Comparator.comparing(
              (TagProvenance p) -> p.part().map(PartId::value).orElse(""),
              Comparator.<String>comparingInt(String::length)
                  .thenComparing(Comparator.naturalOrder()))
          .thenComparing(p -> p.appliedAt().orElse(Instant.MIN))
          .thenComparing(p -> p.appliedBy().map(a -> a.type().name()).orElse(""))
          .thenComparing(p -> p.appliedBy().flatMap(Author::id).orElse(""))
          .thenComparing(p -> p.appliedBy().flatMap(Author::name).orElse(""))
          .thenComparing(p -> p.appliedBy().flatMap(Author::email).orElse(""));

  public TagProvenance {
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(appliedAt, "appliedAt");
    Objects.requireNonNull(appliedBy, "appliedBy");
  }

  public boolean onConversation() {
    return part.isEmpty();
  }
}
