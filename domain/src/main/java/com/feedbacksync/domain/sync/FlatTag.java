package com.feedbacksync.domain.sync;

import com.feedbacksync.domain.intercom.TagId;
import java.util.List;
import java.util.Objects;

/** One tag of a feedback document, once, with every place it was applied. */
public record FlatTag(TagId id, String name, List<TagProvenance> provenance) {

  public FlatTag {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    provenance = List.copyOf(provenance);
    if (provenance.isEmpty()) {
      throw new IllegalArgumentException("a flat tag was applied somewhere");
    }
  }
}
