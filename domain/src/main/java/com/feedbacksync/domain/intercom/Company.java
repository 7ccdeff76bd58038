package com.feedbacksync.domain.intercom;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An Intercom company.
 *
 * @param standardAttributes Intercom's own fields (company_id, plan, size, website, ...)
 */
public record Company(
    CompanyId id,
    String name,
    Instant updatedAt,
    Map<String, AttributeValue> standardAttributes,
    Map<String, AttributeValue> customAttributes) {

  public Company {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(updatedAt, "updatedAt");
    name = name == null || name.isBlank() ? id.value() : name.strip();
    standardAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(standardAttributes));
    customAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(customAttributes));
  }
}
