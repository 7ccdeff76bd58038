/** Customer profiles and the rule that makes one from a contact and its companies. */
package com.feedbacksync.domain.profile;
