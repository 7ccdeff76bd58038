package com.feedbacksync.adapters.web.audit;

import com.feedbacksync.application.model.AuditAction;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Every call of this resource method goes to the audit trail, whatever it is answered with. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

  AuditAction value();

  /** Which account the call acts on. */
  AccountFrom account() default AccountFrom.TOKEN;

  /** Where the acted-on account is named. */
  enum AccountFrom {
    /** The bearer token's {@code account} claim: an admin acting on their own account. */
    TOKEN,
    /** The path's {@code {id}}: the research repository acting on one of its accounts. */
    PATH_ID
  }
}
