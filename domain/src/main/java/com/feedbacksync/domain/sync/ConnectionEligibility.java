package com.feedbacksync.domain.sync;

import com.feedbacksync.domain.intercom.Workspace;
import java.util.Objects;

/** Whether a workspace can be connected; a refusal carries the words the admin reads. */
public sealed interface ConnectionEligibility {

  record Eligible(Workspace workspace) implements ConnectionEligibility {
    public Eligible {
      Objects.requireNonNull(workspace, "workspace");
    }
  }

  record Refused(String reason) implements ConnectionEligibility {
    public Refused {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("a refusal says why");
      }
    }
  }
}
