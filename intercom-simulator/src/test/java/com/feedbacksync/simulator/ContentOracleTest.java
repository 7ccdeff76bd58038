package com.feedbacksync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The content oracle against what the simulator's own API serves for the same conversations. */
class ContentOracleTest {

  @Test
  void visible_text_keeps_the_words_whatever_the_markup() {
    assertEquals(
        "That worked, thank you !",
        DocumentContent.visibleText("<p>That worked, <b>thank you</b>!</p>"));
    assertEquals("a & b c'd", DocumentContent.visibleText("<p>a &amp; b</p>\n<p>c&#39;d</p>"));
    assertEquals("", DocumentContent.visibleText("<p>&nbsp;</p><p>&#160;</p>"));
    assertEquals(
        "Setting up", DocumentContent.visibleText("<a href=\"x\" rel=\"nofollow\">Setting up</a>"));
  }

  @Test
  void holds_every_worded_part_the_api_shows_but_notes_and_every_file_once() throws Exception {
    try (IntercomSimulator sim =
        IntercomSimulator.start(SimulatorConfig.defaults(7, 120).withRatePerMinute(0))) {
      SimClient client = new SimClient(sim.baseUri(), "sim-token");
      Map<String, DocumentContent> contents = sim.documentContents();
      assertEquals(sim.oracle().qualifyingNewestFirst().size(), contents.size());
      int notes = 0;
      int events = 0;
      int files = 0;
      for (var entry : contents.entrySet()) {
        JsonNode conversation = client.get("/conversations/" + entry.getKey()).json();
        List<String> served = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        JsonNode source = conversation.path("source");
        served.add("OPENING " + DocumentContent.visibleText(source.path("body").asString()));
        source.path("attachments").forEach(a -> urls.add(a.path("url").asString()));
        for (JsonNode part : conversation.path("conversation_parts").path("conversation_parts")) {
          String type = part.path("part_type").asString();
          String text = DocumentContent.visibleText(part.path("body").asString(""));
          if (type.equals("note")) {
            notes++;
          } else if (text.isEmpty() && part.path("attachments").isEmpty()) {
            events++;
          } else {
            served.add("REPLY " + text);
            part.path("attachments").forEach(a -> urls.add(a.path("url").asString()));
          }
        }
        List<String> oracle =
            entry.getValue().messages().stream().map(m -> m.kind() + " " + m.text()).toList();
        assertEquals(served, oracle, entry.getKey());
        for (String url : urls) {
          byte[] bytes =
              HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(URI.create(url)).build(),
                      HttpResponse.BodyHandlers.ofByteArray())
                  .body();
          assertTrue(
              entry.getValue().storedFiles().contains(DocumentContent.sha256(bytes)),
              "the bytes its link serves: " + url);
          files++;
        }
      }
      assertTrue(
          notes > 0 && events > 0 && files > 0,
          notes + " notes, " + events + " events, " + files + " files");
    }
  }
}
