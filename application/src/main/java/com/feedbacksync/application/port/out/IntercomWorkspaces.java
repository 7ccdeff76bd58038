package com.feedbacksync.application.port.out;

import com.feedbacksync.application.model.IntercomAccess;

/** Opens a connected workspace for reading; each has its own rate-limit budget. */
public interface IntercomWorkspaces {

  IntercomWorkspace open(IntercomAccess access);
}
