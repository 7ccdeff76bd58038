/**
 * Values that cross the ports: connections, checkpoints, pages, runs and their counts, read queries
 * and their slices. Records and sealed types, no behaviour beyond validation and derivation.
 * Depends on the domain and {@code java.*} only.
 */
package com.feedbacksync.application.model;
