package com.feedbacksync.adapters.web.settings;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Settings › Integrations › Intercom, until the full page exists: says whether connecting worked,
 * or why not, from the {@code outcome} the OAuth redirect put in the query (the page's script maps
 * the code to words; nothing from the query is written into the HTML by the server).
 */
@WebServlet(SettingsPage.PATH)
public class SettingsPage extends HttpServlet {

  public static final String PATH = "/settings/integrations/intercom";

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader(
        "Content-Security-Policy", "default-src 'none'; script-src 'self' 'unsafe-inline'");
    try (InputStream page = SettingsPage.class.getResourceAsStream("intercom-settings.html")) {
      page.transferTo(response.getOutputStream());
    }
  }
}
