/**
 * What the application needs from the world, named by role ({@code IntercomWorkspace}, {@code
 * SyncStore}, ...), and the failures those ports throw ({@code IntercomFailure}). Adapters
 * implement these. Interfaces only; their values live in {@code application.model}.
 */
package com.feedbacksync.application.port.out;
