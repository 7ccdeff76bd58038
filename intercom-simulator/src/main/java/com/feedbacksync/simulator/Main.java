package com.feedbacksync.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** Runs the simulator from the command line; {@code --help} lists the options. */
public final class Main {

  private static final String HELP =
      """
      Intercom simulator: a deterministic stand-in for Intercom's REST API 2.16.
      Options:
        --port N                  port on 127.0.0.1 (default 8089; 0 = any free port)
        --seed N                  workspace seed (default 42): same seed, same workspace
        --conversations N         conversations to generate (default 2000)
        --outbound-replied X      share of answered outbound conversations (default 0.10)
        --outbound-silent X       share of unanswered outbound conversations (default 0.30)
        --rate-limit N            calls per minute, in 10-second windows; 0 = none (default 10000)
        --region US|EU|AU         the workspace's region (default US)
        --client-id ID            OAuth client id (default sim-client)
        --client-secret S         OAuth client secret, also the webhook signing key (default sim-client-secret)
        --token T                 an access token that works without OAuth (default sim-token)
        --webhook-url URL         where control calls send signed webhooks
        --plan-restricted         answer 403 api_plan_restricted, like Intercom's Free and Lite plans
      Control endpoints live under /_sim (see the README).
      """;

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    SimulatorConfig config = SimulatorConfig.defaults(42, 2000).withPort(8089);
    long seed = 42;
    int conversations = 2000;
    double replied = 0.10;
    double silent = 0.30;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> {
          System.out.print(HELP);
          return;
        }
        case "--port" -> config = config.withPort(Integer.parseInt(args[++i]));
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--conversations" -> conversations = Integer.parseInt(args[++i]);
        case "--outbound-replied" -> replied = Double.parseDouble(args[++i]);
        case "--outbound-silent" -> silent = Double.parseDouble(args[++i]);
        case "--rate-limit" -> config = config.withRatePerMinute(Long.parseLong(args[++i]));
        case "--region" -> config = config.withRegion(args[++i]);
        case "--client-id" -> config = config.withClient(args[++i], config.clientSecret());
        case "--client-secret" -> config = config.withClient(config.clientId(), args[++i]);
        case "--token" -> config = config.withToken(args[++i]);
        case "--webhook-url" -> config = config.withWebhookUrl(args[++i]);
        case "--plan-restricted" -> config = config.withPlanRestricted(true);
        default -> {
          System.err.println("unknown option " + arg + "\n" + HELP);
          System.exit(2);
        }
      }
    }
    config =
        config
            .withWorkspace(WorkspaceSpec.of(seed, conversations).withShares(replied, silent))
            .withFileTtl(Duration.ofMinutes(30));
    long started = System.nanoTime();
    IntercomSimulator simulator = IntercomSimulator.start(config);
    Oracle oracle = simulator.oracle();
    System.out.printf(
        "Intercom simulator on %s: %d conversations (%d with a customer reply), %d contacts,"
            + " %d companies; generated in %d ms%n",
        simulator.baseUri(),
        conversations,
        oracle.qualifyingNewestFirst().size(),
        oracle.contacts(),
        oracle.companies(),
        (System.nanoTime() - started) / 1_000_000);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stop.countDown();
                }));
    stop.await();
  }
}
