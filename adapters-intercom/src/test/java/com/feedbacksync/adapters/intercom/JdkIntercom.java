package com.feedbacksync.adapters.intercom;

import com.feedbacksync.application.port.out.IntercomWorkspaces;
import java.time.Clock;

/**
 * The Intercom adapter on the JDK's HTTP client instead of MicroProfile REST Client, for code that
 * runs outside a server: the benchmark's floor.
 */
public final class JdkIntercom {

  private JdkIntercom() {}

  public static IntercomWorkspaces workspaces(IntercomSettings settings) {
    return new IntercomRestWorkspaces(settings, new JdkIntercomHttp(), Clock.systemUTC());
  }
}
