package com.feedbacksync.adapters.intercom;

import com.feedbacksync.domain.intercom.Region;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the adapter talks to Intercom: the OAuth app, the hosts per region (overridable, e.g. for the
 * simulator), timeouts, limits and retries.
 *
 * @param authorizeUrl Intercom's consent page ({@code https://app.intercom.com/oauth})
 * @param tokenApi where codes are exchanged ({@code https://api.intercom.io})
 * @param fileHosts hosts (or {@code .suffix}es) downloads may come from
 * @param fileTypes content-type prefixes downloads may have
 */
public record IntercomSettings(
    String clientId,
    String clientSecret,
    URI redirectUri,
    URI authorizeUrl,
    URI tokenApi,
    Map<Region, URI> apiHosts,
    List<String> fileHosts,
    List<String> fileTypes,
    long maxFileBytes,
    long maxResponseBytes,
    Duration connectTimeout,
    Duration readTimeout,
    int maxAttempts,
    Duration firstBackoff,
    Duration maxBackoff,
    int pageSize) {

  public static final Map<Region, URI> INTERCOM_API_HOSTS =
      Map.of(
          Region.US, URI.create("https://api.intercom.io/"),
          Region.EU, URI.create("https://api.eu.intercom.io/"),
          Region.AU, URI.create("https://api.au.intercom.io/"));

  public static final List<String> INTERCOM_FILE_HOSTS =
      List.of(
          ".intercomcdn.com", ".intercom-attachments.com", ".intercomassets.com", ".intercom.io");

  public static final List<String> DEFAULT_FILE_TYPES =
      List.of(
          "image/",
          "text/plain",
          "text/csv",
          "application/pdf",
          "application/zip",
          "application/vnd.",
          "application/msword",
          "application/json",
          "audio/",
          "video/");

  public IntercomSettings {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(authorizeUrl, "authorizeUrl");
    tokenApi = withSlash(tokenApi);
    apiHosts = Map.copyOf(apiHosts);
    for (Region region : Region.values()) {
      if (!apiHosts.containsKey(region)) {
        throw new IllegalArgumentException("no API host for region " + region);
      }
    }
    fileHosts = fileHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    fileTypes = List.copyOf(fileTypes);
    if (maxAttempts < 1 || pageSize < 1 || pageSize > 150) {
      throw new IllegalArgumentException("at least one attempt, pages of 1 to 150");
    }
  }

  /** Intercom's own hosts and sensible limits, for the given OAuth app. */
  public static IntercomSettings forIntercom(
      String clientId, String clientSecret, URI redirectUri) {
    return new IntercomSettings(
        clientId,
        clientSecret,
        redirectUri,
        URI.create("https://app.intercom.com/oauth"),
        URI.create("https://api.intercom.io/"),
        INTERCOM_API_HOSTS,
        INTERCOM_FILE_HOSTS,
        DEFAULT_FILE_TYPES,
        25L << 20,
        32L << 20,
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        6,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        150);
  }

  /** The same, with every Intercom host replaced by one base (the simulator's). */
  public IntercomSettings pointedAt(URI base) {
    URI b = withSlash(base);
    Builder builder = toBuilder();
    builder.authorizeUrl = b.resolve("oauth");
    builder.tokenApi = b;
    builder.apiHosts = Map.of(Region.US, b, Region.EU, b, Region.AU, b);
    builder.fileHosts = List.of(b.getHost());
    return builder.build();
  }

  /** The same with another read timeout: a test makes a slow answer time out in seconds. */
  public IntercomSettings withReadTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a read timeout is positive: " + timeout);
    }
    Builder builder = toBuilder();
    builder.readTimeout = timeout;
    return builder.build();
  }

  public IntercomSettings withRetries(int attempts, Duration first, Duration max) {
    Builder builder = toBuilder();
    builder.maxAttempts = attempts;
    builder.firstBackoff = first;
    builder.maxBackoff = max;
    return builder.build();
  }

  public IntercomSettings withLimits(long fileBytes, List<String> types) {
    Builder builder = toBuilder();
    builder.maxFileBytes = fileBytes;
    builder.fileTypes = types;
    return builder.build();
  }

  public IntercomSettings withFileHosts(List<String> hosts) {
    Builder builder = toBuilder();
    builder.fileHosts = hosts;
    return builder.build();
  }

  public IntercomSettings withApiHosts(Map<Region, URI> hosts, Duration connectTimeout) {
    Builder builder = toBuilder();
    builder.apiHosts = hosts;
    builder.connectTimeout = connectTimeout;
    return builder.build();
  }

  private Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes a few settings; the record's components stay final. */
  private static final class Builder {
    private final String clientId;
    private final String clientSecret;
    private final URI redirectUri;
    private URI authorizeUrl;
    private URI tokenApi;
    private Map<Region, URI> apiHosts;
    private List<String> fileHosts;
    private List<String> fileTypes;
    private long maxFileBytes;
    private final long maxResponseBytes;
    private Duration connectTimeout;
    private Duration readTimeout;
    private int maxAttempts;
    private Duration firstBackoff;
    private Duration maxBackoff;
    private final int pageSize;

    Builder(IntercomSettings s) {
      clientId = s.clientId;
      clientSecret = s.clientSecret;
      redirectUri = s.redirectUri;
      authorizeUrl = s.authorizeUrl;
      tokenApi = s.tokenApi;
      apiHosts = s.apiHosts;
      fileHosts = s.fileHosts;
      fileTypes = s.fileTypes;
      maxFileBytes = s.maxFileBytes;
      maxResponseBytes = s.maxResponseBytes;
      connectTimeout = s.connectTimeout;
      readTimeout = s.readTimeout;
      maxAttempts = s.maxAttempts;
      firstBackoff = s.firstBackoff;
      maxBackoff = s.maxBackoff;
      pageSize = s.pageSize;
    }

    IntercomSettings build() {
      return new IntercomSettings(
          clientId,
          clientSecret,
          redirectUri,
          authorizeUrl,
          tokenApi,
          apiHosts,
          fileHosts,
          fileTypes,
          maxFileBytes,
          maxResponseBytes,
          connectTimeout,
          readTimeout,
          maxAttempts,
          firstBackoff,
          maxBackoff,
          pageSize);
    }
  }

  URI api(Region region) {
    return withSlash(apiHosts.get(region));
  }

  boolean fileHostAllowed(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return fileHosts.stream().anyMatch(a -> a.startsWith(".") ? h.endsWith(a) : h.equals(a));
  }

  boolean fileTypeAllowed(String contentType) {
    String t = contentType.toLowerCase(Locale.ROOT);
    return fileTypes.stream().anyMatch(t::startsWith);
  }

  private static URI withSlash(URI uri) {
    Objects.requireNonNull(uri, "uri");
    return uri.toString().endsWith("/") ? uri : URI.create(uri + "/");
  }
}
