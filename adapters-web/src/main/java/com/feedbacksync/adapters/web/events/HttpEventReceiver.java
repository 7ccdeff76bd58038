package com.feedbacksync.adapters.web.events;

import com.feedbacksync.application.model.DeliveryResult;
import com.feedbacksync.application.model.OutboundEvent;
import com.feedbacksync.application.port.out.EventReceiver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;

/**
 * The {@link EventReceiver} port over HTTP with the JDK's client: one signed POST per attempt,
 * bounded by the configured timeout (to connect and to answer), no redirects followed. A 2xx is
 * delivered; 429, 5xx, a timeout or a connection error are worth retrying; any other answer is a
 * refusal. What it reports names the status or the failure's kind only: never the URL (it may carry
 * credentials), the body or the secret.
 */
@ApplicationScoped
public class HttpEventReceiver implements EventReceiver {

  @Inject EventSettings settings;

  @Inject Clock clock;

  private volatile HttpClient http;

  private HttpClient http() {
    if (http == null) {
      synchronized (this) {
        if (http == null) {
          http =
              HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .connectTimeout(settings.timeout())
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build();
        }
      }
    }
    return http;
  }

  @Override
  public DeliveryResult deliver(OutboundEvent event) {
    String body = EventBody.of(event);
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(settings.uri())
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header(EventSignature.ID_HEADER, event.id())
            .header(EventSignature.TYPE_HEADER, event.type().wireName())
            .header(EventSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
            .header(
                EventSignature.SIGNATURE_HEADER,
                EventSignature.header(settings.secret(), timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      // The status is all that counts, and the request's timeout ends with the headers on JDK 17:
      // a body read to the end would let a receiver that trickles one hold this thread for ever.
      HttpResponse<InputStream> response =
          http().send(request, HttpResponse.BodyHandlers.ofInputStream());
      response.body().close();
      return judge(response.statusCode());
    } catch (HttpTimeoutException e) {
      return new DeliveryResult.Retry("no answer within " + settings.timeout().toSeconds() + " s");
    } catch (IOException e) {
      return new DeliveryResult.Retry("could not connect or send: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryResult.Retry("interrupted");
    }
  }

  static DeliveryResult judge(int status) {
    if (status >= 200 && status < 300) {
      return new DeliveryResult.Delivered(status);
    }
    if (status == 429 || status >= 500) {
      return new DeliveryResult.Retry("answered " + status);
    }
    return new DeliveryResult.Refused("answered " + status);
  }
}
