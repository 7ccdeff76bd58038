package com.feedbacksync.domain.profile;

import com.feedbacksync.domain.intercom.CompanyId;
import java.util.Objects;

/** A company a customer belongs to, as the profile lists it. */
public record CompanyRef(CompanyId id, String name) {

  public CompanyRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
