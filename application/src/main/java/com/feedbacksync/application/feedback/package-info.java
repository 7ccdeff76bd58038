/**
 * Reading what the sync stored: feedback documents with their files, and customer profiles, always
 * within one account.
 */
package com.feedbacksync.application.feedback;
