package com.feedbacksync.adapters.intercom;

import com.feedbacksync.application.port.out.IntercomFailure;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes one Intercom call the way every call is made: paced to the rate limit, retried with capped
 * exponential backoff and jitter on 5xx, timeouts, dropped connections and broken answers, waiting
 * out 429s, and turning statuses into port failures (401 revoked, 403 plan without API access).
 */
final class RetryingCalls {

  /** The call itself, as {@link IntercomHttp} makes it. */
  interface Call {
    Reply send() throws IOException;
  }

  /** Consecutive 429s tolerated before giving up: Intercom keeps refusing for a reason. */
  private static final int MAX_RATE_LIMITED = 30;

  private static final Logger LOG = Logger.getLogger(RetryingCalls.class.getName());

  private final IntercomSettings settings;
  private final Pacer pacer;

  RetryingCalls(IntercomSettings settings, Pacer pacer) {
    this.settings = settings;
    this.pacer = pacer;
  }

  /** The JSON answer; empty on 404 (the thing is gone). */
  Optional<JsonObject> json(String what, Call call) {
    int failures = 0;
    int rateLimited = 0;
    while (true) {
      String problem;
      Throwable cause = null;
      try {
        pacer.acquire();
        Reply reply = call.send();
        pacer.observe(reply);
        int status = reply.status();
        if (status == 200) {
          return Optional.of(IntercomJson.parse(reply));
        }
        if (status == 404 || status == 410) {
          return Optional.empty();
        }
        if (status == 401) {
          throw new IntercomFailure.AuthorizationRevoked();
        }
        if (status == 403 && reply.text().contains("api_plan_restricted")) {
          throw new IntercomFailure.NoApiAccess();
        }
        if (status == 403) {
          throw new IntercomFailure.MissingPermission(what + " answered 403");
        }
        if (status == 429) {
          if (++rateLimited > MAX_RATE_LIMITED) {
            throw new IntercomFailure.Unavailable(
                what + ": rate limited " + rateLimited + " times in a row", null);
          }
          pacer.rateLimited(reply);
          continue;
        }
        if (status != 408 && status < 500) {
          throw new IntercomFailure.Rejected(
              what + " answered " + status + ": " + abbreviate(reply.text()));
        }
        problem = what + " answered " + status;
      } catch (IntercomJson.Malformed e) {
        problem = what + ": " + e.getMessage();
        cause = e;
      } catch (IOException e) {
        problem = what + ": " + e.getClass().getSimpleName() + " " + e.getMessage();
        cause = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IntercomFailure.Unavailable(what + ": interrupted", e);
      }
      if (++failures >= settings.maxAttempts()) {
        throw new IntercomFailure.Unavailable(problem, cause);
      }
      LOG.log(Level.FINE, "retrying after: {0}", problem);
      sleep(backoffFor(settings, failures));
    }
  }

  /** The JSON answer of a call whose 404 is a refusal, not a thing gone. */
  JsonObject require(String what, Call call) {
    return json(what, call).orElseThrow(() -> new IntercomFailure.Rejected(what + " answered 404"));
  }

  /**
   * The wait after this many failures in a row: the first backoff doubled per further failure, up
   * to the most, drawn from the upper half of that (jitter, so many workers retrying at once spread
   * out instead of arriving together).
   */
  static Duration backoffFor(IntercomSettings settings, int failures) {
    long base = settings.firstBackoff().toMillis() << Math.min(failures - 1, 20);
    long capped = Math.min(base, settings.maxBackoff().toMillis());
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(capped / 2, capped + 1));
  }

  static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IntercomFailure.Unavailable("interrupted while waiting to retry", e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  Pacer pacer() {
    return pacer;
  }
}
