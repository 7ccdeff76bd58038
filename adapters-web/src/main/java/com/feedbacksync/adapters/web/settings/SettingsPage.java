package com.feedbacksync.adapters.web.settings;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Settings › Integrations › Intercom: the page's HTML, always the same bytes. Everything it shows
 * comes from the admin API through its scripts (under {@value #ASSETS}); nothing from the request
 * (the OAuth outcome in the query, the token in the fragment) is written into the HTML here.
 */
@WebServlet(SettingsPage.PATH)
public class SettingsPage extends HttpServlet {

  public static final String PATH = "/settings/integrations/intercom";

  /** Where the page's scripts, styles and icon are served from (the WAR's static files). */
  public static final String ASSETS = "/settings/assets/";

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    try (InputStream page = SettingsPage.class.getResourceAsStream("intercom-settings.html")) {
      page.transferTo(response.getOutputStream());
    }
  }
}
