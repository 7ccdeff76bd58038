/** Accounts of the research repository and their plans (Start, paid). Plain Java. */
package com.feedbacksync.domain.account;
