package com.feedbacksync.adapters.web.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Publishes the ITs' token-signing key as the test session opens, so Liberty finds it whichever IT
 * class starts the server first (in-container tests cannot carry client-side extensions).
 */
public final class PublishAdminKey implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    AdminTokens.publish();
  }
}
