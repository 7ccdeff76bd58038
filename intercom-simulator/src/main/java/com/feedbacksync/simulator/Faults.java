package com.feedbacksync.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults on demand, per endpoint ("GET /conversations/{id}", or "*" for all): by probability, or as
 * a scripted sequence that the next calls consume one by one ({@link Fault#NONE} lets one through).
 */
public final class Faults {

  /** A failure Intercom (or the network on the way) can inflict on one call. */
  public enum Fault {
    NONE,
    HTTP_500,
    HTTP_502,
    HTTP_503,
    HTTP_429,
    /** The connection is closed without an answer. */
    RESET,
    /** The answer comes after a delay. */
    SLOW,
    /** The headers promise more body than is sent before the connection closes. */
    TRUNCATED,
    /** 200 with a body that is not JSON. */
    INVALID_JSON,
    /** 400: Intercom refuses the request itself. */
    HTTP_400,
    /** 200 with the item's id made longer than any Intercom id (a corrupt answer). */
    OVERLONG_ID,
    /**
     * For one item only: every listing (a search, a list) shows it corrupt, while its own retrieve
     * answers soundly. A conversation is listed with a {@code created_at} that is not a time, a
     * contact with a company id longer than any Intercom id.
     */
    LISTED_CORRUPT
  }

  /** Faults that every call about one item (a conversation or contact id in the path) meets. */
  private final Map<String, Fault> items = new ConcurrentHashMap<>();

  private record Rule(
      double probability, List<Fault> kinds, Deque<Fault> script, long slowMillis) {}

  private final Map<String, Rule> rules = new ConcurrentHashMap<>();
  private final Random random;
  private final Map<Fault, Long> injected = new ConcurrentHashMap<>();

  Faults(long seed) {
    this.random = new Random(seed);
  }

  void probability(String endpoint, double probability, List<Fault> kinds, long slowMillis) {
    rules.put(endpoint, new Rule(probability, List.copyOf(kinds), new ArrayDeque<>(), slowMillis));
  }

  void script(String endpoint, List<Fault> sequence, long slowMillis) {
    rules.put(endpoint, new Rule(0, List.of(), new ArrayDeque<>(sequence), slowMillis));
  }

  void clear() {
    rules.clear();
    items.clear();
  }

  void item(String id, Fault fault) {
    items.put(id, fault);
  }

  /** The fault every call about an item of this path meets, if one is set for it. */
  Optional<Fault> forItem(String path) {
    if (items.isEmpty()) {
      return Optional.empty();
    }
    for (String segment : path.split("/")) {
      Fault fault = items.get(segment);
      if (fault != null && fault != Fault.LISTED_CORRUPT) {
        injected.merge(fault, 1L, Long::sum);
        return Optional.of(fault);
      }
    }
    return Optional.empty();
  }

  /** The items every listing shows corrupt. */
  Set<String> listedCorrupt() {
    Set<String> ids = new HashSet<>();
    items.forEach(
        (id, fault) -> {
          if (fault == Fault.LISTED_CORRUPT) {
            ids.add(id);
          }
        });
    return ids;
  }

  /** A fault applied to an answer (counted where it took effect, not where it was set). */
  void injected(Fault fault) {
    injected.merge(fault, 1L, Long::sum);
  }

  Map<Fault, Long> injected() {
    return Map.copyOf(injected);
  }

  long slowMillis(String endpoint) {
    Rule rule = rules.getOrDefault(endpoint, rules.get("*"));
    return rule == null ? 0 : rule.slowMillis();
  }

  /**
   * The fault for this download from the file host, if a rule names its endpoint: never a "*"
   * rule's, which is about API calls (a file is no API call, as on Intercom).
   */
  Optional<Fault> nextDownload(String endpoint) {
    return rules.containsKey(endpoint) ? next(endpoint) : Optional.empty();
  }

  /** The fault for this call, if any. */
  Optional<Fault> next(String endpoint) {
    Rule rule = rules.containsKey(endpoint) ? rules.get(endpoint) : rules.get("*");
    if (rule == null) {
      return Optional.empty();
    }
    Fault fault;
    synchronized (rule) {
      if (!rule.script().isEmpty()) {
        fault = rule.script().pollFirst();
      } else if (!rule.kinds().isEmpty()) {
        synchronized (random) {
          fault =
              random.nextDouble() < rule.probability()
                  ? rule.kinds().get(random.nextInt(rule.kinds().size()))
                  : Fault.NONE;
        }
      } else {
        fault = Fault.NONE;
      }
    }
    if (fault == Fault.NONE) {
      return Optional.empty();
    }
    injected.merge(fault, 1L, Long::sum);
    return Optional.of(fault);
  }
}
