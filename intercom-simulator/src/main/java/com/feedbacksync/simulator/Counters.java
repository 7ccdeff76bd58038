package com.feedbacksync.simulator;

import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the simulator served: calls per endpoint, 429s, bytes, and the busiest 10-second window
 * against its budget.
 *
 * @param conversationsListed conversations the search and list endpoints returned (a conversation
 *     on two pages counts twice): how much a sync listed, by the simulator's count
 */
public record Counters(
    Map<String, Long> callsByEndpoint,
    long rateLimited,
    long bytesOut,
    long busiestWindow,
    long windowBudget,
    Map<String, Long> faultsInjected,
    long conversationsListed) {

  /** Calls to Intercom's API (OAuth token exchange included, control calls and files not). */
  public long apiCalls() {
    return callsByEndpoint.values().stream().mapToLong(Long::longValue).sum();
  }

  public long calls(String endpoint) {
    return callsByEndpoint.getOrDefault(endpoint, 0L);
  }

  ObjectNode toJson() {
    ObjectNode o = Render.object();
    ObjectNode calls = o.putObject("calls_by_endpoint");
    callsByEndpoint.forEach(calls::put);
    o.put("api_calls", apiCalls());
    o.put("rate_limited", rateLimited);
    o.put("bytes_out", bytesOut);
    o.put("busiest_window", busiestWindow);
    o.put("window_budget", windowBudget);
    ObjectNode faults = o.putObject("faults_injected");
    faultsInjected.forEach(faults::put);
    o.put("conversations_listed", conversationsListed);
    return o;
  }
}
