package com.feedbacksync.domain.sync;

import com.feedbacksync.domain.intercom.Workspace;
import java.util.Objects;

/** What Intercom answered when a new connection tried to read the workspace's conversations. */
public sealed interface AccessProbe {

  /** The API answered: the workspace has API access. */
  record Granted(Workspace workspace) implements AccessProbe {
    public Granted {
      Objects.requireNonNull(workspace, "workspace");
    }
  }

  /**
   * 403 {@code api_plan_restricted}: the workspace's Intercom plan (Free, Lite) has no API access.
   */
  record PlanRestricted(Workspace workspace, String intercomMessage) implements AccessProbe {
    public PlanRestricted {
      Objects.requireNonNull(workspace, "workspace");
      intercomMessage = intercomMessage == null ? "" : intercomMessage;
    }
  }

  /** 401: the token was refused (revoked, or the consent was withdrawn). */
  record Unauthorized(String intercomMessage) implements AccessProbe {
    public Unauthorized {
      intercomMessage = intercomMessage == null ? "" : intercomMessage;
    }
  }
}
