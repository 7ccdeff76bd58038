package com.feedbacksync.application.model;

import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.WorkspaceId;
import java.util.Objects;

/**
 * Which connection a run works for: the account, the workspace and the grant (a number drawn anew
 * at every connect). A run's writes apply only while this very connection stands, so a disconnect,
 * a reconnect or another workspace is never undone by a run that started before it.
 */
public record ConnectionIdentity(AccountId account, WorkspaceId workspace, long grant) {

  public ConnectionIdentity {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(workspace, "workspace");
  }
}
