package com.feedbacksync.application.port.out;

import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.sync.AccessProbe;

/** Intercom's OAuth: the consent page, the code exchange, and who the workspace is. */
public interface IntercomAuthorization {

  /** Where to send the admin to allow access; {@code state} comes back with the code. */
  String authorizeUrl(String state);

  /** Exchanges the code Intercom redirected with for an access token. */
  AccessToken exchange(String code);

  /** The workspace the token opens ({@code GET /me}): id, name and region. */
  Workspace identify(AccessToken token);

  /** Tries to read conversations, to refuse at connect time a workspace without API access. */
  AccessProbe probe(AccessToken token, Workspace workspace);
}
