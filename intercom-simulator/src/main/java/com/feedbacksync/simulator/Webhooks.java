package com.feedbacksync.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends Intercom's webhooks: a notification event for a conversation or contact, signed with the
 * client secret as Intercom signs them ({@code X-Hub-Signature: sha1=...}).
 */
final class Webhooks {

  private final SimulatorConfig config;
  private final SimWorkspace workspace;
  private final ConversationRender conversations;
  private final ContactRender contacts;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Webhooks(
      SimulatorConfig config,
      SimWorkspace workspace,
      ConversationRender conversations,
      ContactRender contacts) {
    this.config = config;
    this.workspace = workspace;
    this.conversations = conversations;
    this.contacts = contacts;
  }

  /** Sends one to the configured URL; returns the receiver's status, 0 if it could not be sent. */
  int send(String topic, String id) {
    String url =
        config
            .webhookUrl()
            .orElseThrow(() -> new IllegalArgumentException("no webhook URL configured"));
    JsonNode item =
        workspace.read(
            () ->
                topic.startsWith("contact.")
                    ? contacts.contact(workspace.contacts().get(id))
                    : conversations.conversation(workspace.requireConversation(id), true, true));
    ObjectNode envelope = Render.object();
    envelope.put("type", "notification_event");
    envelope.put("id", "notif_" + UUID.randomUUID());
    envelope.put("topic", topic);
    envelope.put("app_id", config.appId());
    long now = workspace.now();
    envelope.put("created_at", now);
    envelope.put("delivery_attempts", 1);
    envelope.put("first_sent_at", now);
    envelope.putNull("self");
    ObjectNode data = envelope.putObject("data");
    data.put("type", "notification_event_data");
    data.set("item", item);
    byte[] body = Render.bytes(envelope);
    try {
      HttpResponse<Void> response =
          client.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(5))
                  .header("Content-Type", "application/json")
                  .header("User-Agent", "intercom-parrot-service-client/1.0")
                  .header("X-Hub-Signature", "sha1=" + hmacSha1(body, config.clientSecret()))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** The signature's hex: HMAC-SHA1 of the body, keyed with the client secret. */
  static String hmacSha1(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
