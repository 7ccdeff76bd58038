package com.feedbacksync.adapters.intercom;

import com.feedbacksync.application.model.Download;
import com.feedbacksync.application.port.out.IntercomFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

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

  /**
   * Set when a file failed every attempt, cleared by the next file that comes; meanwhile each file
   * gets one attempt. A host that is down, or a firewall that blocks it, then costs the run (this
   * object lives as long as its workspace, one run) one round of waits, not one per file.
   */
  private final AtomicBoolean hostFailing = new AtomicBoolean();

  FileDownloads(IntercomSettings settings, IntercomHttp http) {
    this.settings = settings;
    this.http = http;
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
   * "slow down") or a dropped connection waits as an API call's retry does, then tries again; any
   * other answer is final. The link expires within about 30 minutes, so the waits stay short.
   */
  private Download download(URI uri, long limit, SpooledFile spool) {
    int failures = 0;
    while (true) {
      String problem;
      try {
        Reply reply;
        try (OutputStream into = spool.rewrite()) {
          reply = http.download(uri, limit, into);
        }
        int status = reply.status();
        if (status == 200) {
          String type =
              reply.header("Content-Type").orElse("application/octet-stream").split(";")[0].strip();
          if (!settings.fileTypeAllowed(type)) {
            throw new IntercomFailure.Rejected("files of type " + type + " are not kept");
          }
          spool.written();
          hostFailing.set(false);
          return new Download(type, spool);
        }
        if (status < 500 && status != 408 && status != 429) {
          throw new IntercomFailure.Rejected("the file answered " + status + " (expired link?)");
        }
        problem = "answered " + status;
      } catch (IOException e) {
        if (e.getMessage() != null && e.getMessage().contains("larger than")) {
          throw new IntercomFailure.TooLarge(limit);
        }
        problem = e.getClass().getSimpleName();
      }
      if (++failures >= (hostFailing.get() ? 1 : settings.maxAttempts())) {
        hostFailing.set(true);
        throw new IntercomFailure.Unavailable(
            "the file did not download from " + uri.getHost() + ": " + problem, null);
      }
      RetryingCalls.backoff(settings, failures);
    }
  }
}
