package com.feedbacksync.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The `intercom_connection` row; the token only ever encrypted. */
@Entity
@Table(name = "intercom_connection")
public class IntercomConnectionEntity {

  @Id
  @Column(name = "account_id", length = 64)
  String accountId;

  @Column(name = "workspace_id", nullable = false)
  String workspaceId;

  @Column(name = "workspace_name", nullable = false)
  String workspaceName;

  @Column(name = "region", nullable = false)
  String region;

  @Column(name = "token_key_id", nullable = false)
  String tokenKeyId;

  @Column(name = "token_ciphertext", nullable = false)
  byte[] tokenCiphertext;

  @Column(name = "state", nullable = false)
  String state;

  @Column(name = "connected_by", nullable = false)
  String connectedBy;

  @Column(name = "connected_at", nullable = false)
  Instant connectedAt;

  @Column(name = "coverage", nullable = false)
  String coverage;

  @Column(name = "coverage_created_at")
  Instant coverageCreatedAt;

  @Column(name = "coverage_conversation_id")
  String coverageConversationId;

  @Column(name = "last_error")
  String lastError;

  @Column(name = "grant_id", nullable = false)
  long grant;
}
