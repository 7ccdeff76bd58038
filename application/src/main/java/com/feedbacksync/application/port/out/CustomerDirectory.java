package com.feedbacksync.application.port.out;

import com.feedbacksync.application.model.CustomerQuery;
import com.feedbacksync.application.model.Lookup;
import com.feedbacksync.application.model.Slice;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.profile.CustomerProfile;

/** The synced customer profiles as admins read them, always within one account. */
public interface CustomerDirectory {

  /** The profiles the query selects, most recently updated first; tombstones are not listed. */
  Slice<CustomerProfile> customers(AccountId account, CustomerQuery query);

  Lookup<CustomerProfile> customer(AccountId account, ContactId id);
}
