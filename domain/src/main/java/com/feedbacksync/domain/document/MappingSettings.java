package com.feedbacksync.domain.document;

/**
 * An account's choices about what a document shows.
 *
 * @param includeInternalNotes whether admins' internal notes become part of the document; off by
 *     default, since notes were never meant for the customer's eyes
 */
public record MappingSettings(boolean includeInternalNotes) {

  public static final MappingSettings DEFAULT = new MappingSettings(false);
}
