package com.feedbacksync.domain.intercom;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An Intercom contact (a user or a lead).
 *
 * @param standardAttributes Intercom's own fields (phone, created_at, location.city, ...),
 *     flattened to dotted names, in Intercom's order
 * @param customAttributes the workspace's own attributes, in Intercom's order
 * @param companyIds the companies the contact belongs to, primary first, as far as Intercom lists
 *     them with the contact (up to 10)
 * @param moreCompanies whether it belongs to more companies than it lists: only the contact's
 *     companies endpoint names them all
 */
public record Contact(
    ContactId id,
    ContactRole role,
    Optional<String> name,
    Optional<String> email,
    Instant updatedAt,
    Map<String, AttributeValue> standardAttributes,
    Map<String, AttributeValue> customAttributes,
    List<CompanyId> companyIds,
    boolean moreCompanies) {

  /** A contact whose companies are all listed with it. */
  public Contact(
      ContactId id,
      ContactRole role,
      Optional<String> name,
      Optional<String> email,
      Instant updatedAt,
      Map<String, AttributeValue> standardAttributes,
      Map<String, AttributeValue> customAttributes,
      List<CompanyId> companyIds) {
    this(id, role, name, email, updatedAt, standardAttributes, customAttributes, companyIds, false);
  }

  public Contact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(updatedAt, "updatedAt");
    name = Objects.requireNonNull(name).map(String::strip).filter(s -> !s.isEmpty());
    email = Objects.requireNonNull(email).map(String::strip).filter(s -> !s.isEmpty());
    standardAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(standardAttributes));
    customAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(customAttributes));
    companyIds = List.copyOf(companyIds);
  }
}
