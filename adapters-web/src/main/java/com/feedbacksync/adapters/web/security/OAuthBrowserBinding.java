package com.feedbacksync.adapters.web.security;

import jakarta.ws.rs.core.NewCookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Binds an OAuth flow to the browser that started it. The callback needs no bearer token (a browser
 * redirect carries none), so the single-use state alone would let anyone who holds one finish it:
 * an attacker could send their own consent link to a victim and receive the victim's workspace in
 * their account. Starting a flow sets an HttpOnly cookie holding its state, sent back only to the
 * callback; a browser redirect whose cookie does not match its state is refused.
 */
public final class OAuthBrowserBinding {

  /** The cookie's name; its value is the flow's state. */
  public static final String COOKIE = "feedbacksync_oauth_state";

  /** As long as a state lives. */
  private static final int MAX_AGE_SECONDS = 600;

  private OAuthBrowserBinding() {}

  /** The cookie that binds {@code state} to this browser, for the callback only. */
  public static NewCookie bind(String state, URI callback, boolean secure) {
    return cookie(state, callback, MAX_AGE_SECONDS, secure);
  }

  /** The cookie that forgets the binding once the callback used it. */
  public static NewCookie forget(URI callback, boolean secure) {
    return cookie("", callback, 0, secure);
  }

  /** Whether the browser's cookie names this state (compared in constant time). */
  public static boolean matches(String cookie, String state) {
    return cookie != null
        && state != null
        && !cookie.isEmpty()
        && MessageDigest.isEqual(
            cookie.getBytes(StandardCharsets.US_ASCII), state.getBytes(StandardCharsets.US_ASCII));
  }

  private static NewCookie cookie(String value, URI callback, int maxAge, boolean secure) {
    return new NewCookie.Builder(COOKIE)
        .value(value)
        .path(callback.getPath())
        .maxAge(maxAge)
        .httpOnly(true)
        .secure(secure)
        // Lax: sent on the top-level GET that Intercom's redirect makes, not on cross-site posts.
        .sameSite(NewCookie.SameSite.LAX)
        .build();
  }
}
