package com.feedbacksync.application.port.out;

/** Opens a connected workspace for reading; each has its own rate-limit budget. */
public interface IntercomWorkspaces {

  IntercomWorkspace open(IntercomAccess access);
}
