package com.feedbacksync.adapters.web.support;

import com.feedbacksync.simulator.IntercomSimulator;
import java.io.File;
import java.net.URISyntaxException;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archives the ITs deploy: the real WAR under another name, with what each test brings along.
 */
public final class ItDeployments {

  private ItDeployments() {}

  /** The ITs' Liberty server's name ({@code it.server.name}; see the root pom). */
  public static String serverName() {
    return System.getProperty("it.server.name", "feedbackSyncIT");
  }

  /** The built WAR, deployed as {@code name}. */
  public static WebArchive war(String name) {
    return ShrinkWrap.create(WebArchive.class, name)
        .merge(
            ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/feedback-sync.war")));
  }

  /**
   * The WAR with the Intercom simulator and its JSON library, for tests that run it in the server.
   */
  public static WebArchive warWithSimulator(String name) {
    JavaArchive simulator =
        ShrinkWrap.create(JavaArchive.class, "intercom-simulator.jar")
            .addPackage(IntercomSimulator.class.getPackage());
    return war(name)
        .addAsLibraries(
            simulator,
            jarOf(tools.jackson.databind.ObjectMapper.class),
            jarOf(tools.jackson.core.JsonParser.class),
            jarOf(com.fasterxml.jackson.annotation.JsonProperty.class))
        .addClass(ItDeployments.class);
  }

  private static JavaArchive jarOf(Class<?> type) {
    try {
      return ShrinkWrap.createFromZipFile(
          JavaArchive.class,
          new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
