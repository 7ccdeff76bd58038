package com.feedbacksync.domain.intercom;

import java.util.Locale;

/** Where an Intercom workspace is hosted: it decides the API host and the links into the inbox. */
public enum Region {
  US("app.intercom.com"),
  EU("app.eu.intercom.com"),
  AU("app.au.intercom.com");

  private final String appHost;

  Region(String appHost) {
    this.appHost = appHost;
  }

  /** The host of Intercom's web app for this region, where the inbox links point. */
  public String appHost() {
    return appHost;
  }

  /**
   * Reads {@code app.region} of {@code GET /me}. Intercom routes requests to api.intercom.io to the
   * right region, so an absent or unknown value falls back to US rather than refusing to connect.
   */
  public static Region fromIntercom(String value) {
    if (value == null) {
      return US;
    }
    return switch (value.strip().toUpperCase(Locale.ROOT)) {
      case "EU", "EUROPE" -> EU;
      case "AU", "AUSTRALIA" -> AU;
      default -> US;
    };
  }
}
