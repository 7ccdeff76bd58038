/**
 * The persistence adapter: the application's storage out-ports on MariaDB through Jakarta
 * Persistence (entities {@code *Entity}, adapters {@code Jpa*}), token encryption at rest, and the
 * Flyway migrations. The only package that may use JPA, Hibernate or Flyway; depends on the
 * application and the domain, never on another adapter.
 */
package com.feedbacksync.adapters.persistence;
