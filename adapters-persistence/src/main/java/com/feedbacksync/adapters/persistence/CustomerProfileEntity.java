package com.feedbacksync.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The `customer_profile` row of one Intercom contact. */
@Entity
@Table(name = "customer_profile")
public class CustomerProfileEntity {

  /** The natural key: (account, workspace, contact). */
  @Embeddable
  public record Key(
      @Column(name = "account_id") String accountId,
      @Column(name = "workspace_id") String workspaceId,
      @Column(name = "contact_id") String contactId)
      implements Serializable {}

  @EmbeddedId Key key;

  @Column(name = "role", nullable = false)
  String role;

  @Column(name = "name")
  String name;

  @Column(name = "email")
  String email;

  @Column(name = "segments_json", nullable = false)
  String segmentsJson;

  @Column(name = "companies_json", nullable = false)
  String companiesJson;

  @Column(name = "properties_json", nullable = false)
  String propertiesJson;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Column(name = "deleted_at")
  Instant deletedAt;

  /**
   * When a history walk (first sync, backfill) last wrote the row or was handed a copy no newer
   * (this server's clock; {@code updatedAt} is Intercom's): a walk fetches again what it did not
   * write itself.
   */
  @Column(name = "synced_at")
  Instant syncedAt;
}
