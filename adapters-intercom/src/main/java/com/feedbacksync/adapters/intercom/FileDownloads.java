package com.feedbacksync.adapters.intercom;

import com.feedbacksync.application.model.Download;
import com.feedbacksync.application.port.out.IntercomFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Downloads a conversation's files (images, attachments) from Intercom's file hosts into a spool:
 * only from the allowed hosts, only allowed types, at most the limit, with the retries a file
 * download gets. Not through the pacer: a file comes from a file host (its link expires within
 * about 30 minutes, so it is fetched in the run), not from the API whose rate limit the pacer
 * keeps.
 */
final class FileDownloads {

  private final IntercomSettings settings;
  private final IntercomHttp http;
  private final Consumer<Duration> waits;

  /**
   * Hosts that failed a file on every attempt, until they answer again; meanwhile each of their
   * files gets one attempt. A host that is down, or a firewall that blocks it, then costs the run
   * (this object lives as long as its workspace, one run) one round of waits, not one per file, and
   * does not cut the retries of files on the other hosts.
   */
  private final Set<String> failingHosts = ConcurrentHashMap.newKeySet();

  FileDownloads(IntercomSettings settings, IntercomHttp http) {
    this(settings, http, RetryingCalls::sleep);
  }

  /** With the waits between attempts going to {@code waits} (tests record them). */
  FileDownloads(IntercomSettings settings, IntercomHttp http, Consumer<Duration> waits) {
    this.settings = settings;
    this.http = http;
    this.waits = waits;
  }

  Download download(String url, long maxBytes) {
    long limit = Math.min(maxBytes, settings.maxFileBytes());
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IntercomFailure.Rejected("not a file URL: " + url);
    }
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())
        || !settings.fileHostAllowed(uri.getHost())) {
      throw new IntercomFailure.Rejected(
          "files are downloaded from Intercom's hosts only, not " + uri.getHost());
    }
    SpooledFile spool;
    try {
      spool = SpooledFile.create();
    } catch (IOException e) {
      throw new IntercomFailure.Unavailable("no room to keep the file: " + e.getMessage(), e);
    }
    boolean kept = false;
    try {
      Download download = download(uri, limit, spool);
      kept = true;
      return download;
    } finally {
      if (!kept) {
        spool.discard();
      }
    }
  }

  /**
   * The file into its spool, with the retries a file download gets: a 5xx, a 408, a 429 (a CDN's
   * "slow down") or a dropped connection waits as an API call's retry does (or as long as the
   * host's {@code Retry-After} asks, up to the longest backoff), then tries again; any other answer
   * is final, and so is a host name that does not resolve.
   */
  private Download download(URI uri, long limit, SpooledFile spool) {
    String host = uri.getHost();
    int failures = 0;
    while (true) {
      String problem;
      Optional<Duration> asked = Optional.empty();
      try {
        Reply reply;
        try (OutputStream into = spool.rewrite()) {
          reply = http.download(uri, limit, into);
        }
        int status = reply.status();
        boolean retryable = status >= 500 || status == 408 || status == 429;
        if (!retryable) {
          failingHosts.remove(host); // it answers
        }
        if (status == 200) {
          String type =
              reply.header("Content-Type").orElse("application/octet-stream").split(";")[0].strip();
          if (!settings.fileTypeAllowed(type)) {
            throw new IntercomFailure.Rejected("files of type " + type + " are not kept");
          }
          spool.written();
          return new Download(type, spool);
        }
        if (!retryable) {
          throw new IntercomFailure.Rejected("the file answered " + status + " (expired link?)");
        }
        problem = "answered " + status;
        asked = reply.header("Retry-After").flatMap(FileDownloads::seconds);
      } catch (IOException e) {
        if (e.getMessage() != null && e.getMessage().contains("larger than")) {
          throw new IntercomFailure.TooLarge(limit);
        }
        Throwable cause = rootCause(e);
        if (cause instanceof UnknownHostException) {
          throw new IntercomFailure.Rejected("no such file host: " + host);
        }
        // The class names the trouble (the client wraps it); a message could carry the link.
        problem = cause.getClass().getSimpleName();
      }
      if (++failures >= (failingHosts.contains(host) ? 1 : settings.maxAttempts())) {
        failingHosts.add(host);
        throw new IntercomFailure.Unavailable(
            "the file did not download from " + host + ": " + problem, null);
      }
      Duration wait = RetryingCalls.backoffFor(settings, failures);
      if (asked.isPresent() && asked.get().compareTo(wait) > 0) {
        wait =
            asked.get().compareTo(settings.maxBackoff()) < 0 ? asked.get() : settings.maxBackoff();
      }
      waits.accept(wait);
    }
  }

  /** A {@code Retry-After} in seconds; its date form is not worth reading for a short wait. */
  private static Optional<Duration> seconds(String value) {
    try {
      long seconds = Long.parseLong(value.strip());
      return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The innermost cause, at most ten deep (a cycle of causes must not loop). */
  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    for (int depth = 0; root.getCause() != null && depth < 10; depth++) {
      root = root.getCause();
    }
    return root;
  }
}
