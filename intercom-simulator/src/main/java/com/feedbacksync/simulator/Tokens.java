package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Http.Request;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Access tokens: those issued (and the preset one), the workspace each opens, those revoked, and
 * the one issued last.
 */
final class Tokens {

  private final Set<String> issued = ConcurrentHashMap.newKeySet();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();

  /** The workspace (its index) each token was issued for; the preset token opens the first. */
  private final Map<String, Integer> workspaces = new ConcurrentHashMap<>();

  /** The token issued last: an admin of one account can revoke just that account's access. */
  private final AtomicReference<String> newest = new AtomicReference<>();

  private final SecureRandom random = new SecureRandom();

  Tokens(Optional<String> preset) {
    preset.ifPresent(
        t -> {
          issued.add(t);
          workspaces.put(t, 0);
        });
  }

  /** The bearer token the request carries, if any. */
  static Optional<String> bearer(Request request) {
    String auth = request.header("Authorization");
    return auth != null && auth.startsWith("Bearer ")
        ? Optional.of(auth.substring(7).strip())
        : Optional.empty();
  }

  /**
   * A new token for the workspace of this index, shaped like Intercom's ("dG9rOj" is base64 for
   * "tok:").
   */
  String issue(int workspace) {
    byte[] raw = new byte[30];
    random.nextBytes(raw);
    String token = "dG9rOj" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    workspaces.put(token, workspace);
    issued.add(token);
    newest.set(token);
    return token;
  }

  boolean valid(String token) {
    return issued.contains(token) && !revoked.contains(token);
  }

  /** The workspace the token was issued for, revoked or not; empty for a token never issued. */
  Optional<Integer> workspaceOf(String token) {
    return Optional.ofNullable(workspaces.get(token));
  }

  Optional<String> newest() {
    return Optional.ofNullable(newest.get());
  }

  /** Revokes every token issued so far; returns how many are revoked. */
  int revokeAll() {
    revoked.addAll(issued);
    return revoked.size();
  }

  /** Revokes the token issued last; returns how many are revoked. */
  int revokeNewest() {
    String token = newest().orElseThrow(() -> new IllegalStateException("no token was issued yet"));
    revoked.add(token);
    return revoked.size();
  }
}
