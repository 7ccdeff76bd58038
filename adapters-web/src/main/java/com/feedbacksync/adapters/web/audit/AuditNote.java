package com.feedbacksync.adapters.web.audit;

import com.feedbacksync.application.model.AuditActor;
import com.feedbacksync.application.model.AuditDetail;
import com.feedbacksync.domain.account.AccountId;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What an audited resource method says about the call it handled: the detail of what it did, and,
 * for Intercom's redirect that carries no token, on whose behalf. A method refused before it ran (a
 * role, an invalid body) says nothing, and the entry has no detail.
 */
@RequestScoped
public class AuditNote {

  private Supplier<AuditDetail> detail = AuditDetail::none;
  private AccountId account;
  private AuditActor actor;

  /**
   * The detail, built only when the entry is recorded: a value the detail refuses (not id-like)
   * must cost the entry its detail, never the request its answer.
   */
  public void detail(Supplier<AuditDetail> detail) {
    this.detail = detail;
  }

  /** The call acted for this admin of this account, though no token says so. */
  public void actedFor(AccountId account, String admin) {
    this.account = account;
    this.actor = new AuditActor(AuditRecorder.bounded(admin), "admin");
  }

  Supplier<AuditDetail> detail() {
    return detail;
  }

  Optional<AccountId> account() {
    return Optional.ofNullable(account);
  }

  Optional<AuditActor> actor() {
    return Optional.ofNullable(actor);
  }
}
