package com.feedbacksync.domain.intercom;

import java.util.Objects;
import java.util.Optional;

/** The author of a message: type, and the id, name and e-mail when Intercom gives them. */
public record Author(
    AuthorType type, Optional<String> id, Optional<String> name, Optional<String> email) {

  public Author {
    Objects.requireNonNull(type, "type");
    id = blankToEmpty(id);
    name = blankToEmpty(name);
    email = blankToEmpty(email);
  }

  public static Author of(AuthorType type, String id, String name, String email) {
    return new Author(
        type, Optional.ofNullable(id), Optional.ofNullable(name), Optional.ofNullable(email));
  }

  public boolean isCustomer() {
    return type.isCustomer();
  }

  private static Optional<String> blankToEmpty(Optional<String> value) {
    return Objects.requireNonNull(value).map(String::strip).filter(s -> !s.isEmpty());
  }
}
