package com.feedbacksync.adapters.web.metrics;

import com.feedbacksync.adapters.web.webhook.WebhooksResource;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts Intercom's webhook deliveries by outcome once the receiver answered: {@code queued},
 * {@code ignored}, {@code duplicate} (its answer says which), or why it was refused: {@code
 * bad_signature} (401), {@code too_large} (413), {@code refused} (any other 4xx: unreadable,
 * stale), {@code failed} (5xx).
 */
@Provider
public class WebhookMetrics implements ContainerResponseFilter {

  static final String DELIVERIES = "feedbacksync.webhook.deliveries";

  @Context ResourceInfo resource;

  @Inject MetricRegistry metrics;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (resource.getResourceClass() != WebhooksResource.class) {
      return;
    }
    metrics.counter(DELIVERIES, new Tag("outcome", outcome(response))).inc();
  }

  static String outcome(ContainerResponseContext response) {
    int status = response.getStatus();
    if (response.getEntity() instanceof WebhooksResource.Acknowledged acknowledged) {
      return acknowledged.result();
    }
    if (status == 401) {
      return "bad_signature";
    }
    if (status == 413) {
      return "too_large";
    }
    return status >= 500 ? "failed" : "refused";
  }
}
