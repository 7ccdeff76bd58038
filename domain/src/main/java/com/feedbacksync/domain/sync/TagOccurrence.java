package com.feedbacksync.domain.sync;

import com.feedbacksync.domain.intercom.PartId;
import com.feedbacksync.domain.intercom.Tag;
import java.util.Objects;
import java.util.Optional;

/** A tag where Intercom shows it: on the conversation, or on one part. */
public record TagOccurrence(Tag tag, Optional<PartId> part) {

  public TagOccurrence {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(part, "part");
  }

  TagProvenance provenance() {
    return new TagProvenance(part, tag.appliedAt(), tag.appliedBy());
  }
}
