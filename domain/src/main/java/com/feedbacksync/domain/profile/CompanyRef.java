package com.feedbacksync.domain.profile;

import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.CompanyId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A company a customer belongs to, as the profile lists it, with every attribute of the company as
 * a property (standard ones under Intercom's names, custom ones under theirs; a custom attribute
 * whose name a standard one uses becomes {@code custom.<name>}).
 */
public record CompanyRef(CompanyId id, String name, Map<String, AttributeValue> properties) {

  /** A company known by id and name only. */
  public CompanyRef(CompanyId id, String name) {
    this(id, name, Map.of());
  }

  public CompanyRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }
}
