package com.feedbacksync.domain.profile;

import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ContactRole;
import com.feedbacksync.domain.intercom.WorkspaceId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An Intercom contact as a customer profile: name, e-mail, segments, companies, and every standard
 * and custom attribute as a property (company attributes as {@code company.<name>}).
 */
public record CustomerProfile(
    WorkspaceId workspace,
    ContactId contactId,
    ContactRole role,
    Optional<String> name,
    Optional<String> email,
    List<String> segments,
    List<CompanyRef> companies,
    Map<String, AttributeValue> properties,
    Instant updatedAt) {

  public CustomerProfile {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(updatedAt, "updatedAt");
    segments = List.copyOf(segments);
    companies = List.copyOf(companies);
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** The name to show: the contact's name, else the e-mail, else the id. */
  public String displayName() {
    return name.or(() -> email).orElse(contactId.value());
  }
}
