package com.feedbacksync.adapters.persistence;

/** Where the database schema stands for this process. */
public sealed interface SchemaState {

  /** The schema is at the build's version. */
  record Migrated(String version, int appliedNow) implements SchemaState {}

  /** Migration has not succeeded; the reason is for the operator. */
  record NotMigrated(String reason) implements SchemaState {}
}
