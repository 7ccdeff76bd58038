package com.feedbacksync.adapters.web.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver (scripts/browser.sh installs
 * both). Both paths are given explicitly, so Selenium Manager never looks for, or downloads, a
 * browser or a driver. Keeps the console's errors and writes a screenshot per step.
 */
final class HeadlessChromium implements AutoCloseable {

  private static final String CHROMIUM =
      System.getProperty("browser.chromium", "/usr/bin/chromium");
  private static final String DRIVER =
      System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path screenshots;
  private int step;

  HeadlessChromium(Path screenshots, int width, int height) {
    if (!new File(CHROMIUM).canExecute() || !new File(DRIVER).canExecute()) {
      throw new IllegalStateException(
          "The browser tests need Debian's chromium and chromium-driver ("
              + CHROMIUM
              + ", "
              + DRIVER
              + "): run scripts/browser.sh install (scripts/test.sh does).");
    }
    this.screenshots = screenshots;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=" + width + "," + height,
        "--lang=en-US");
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
    this.driver = new ChromeDriver(service, options);
    try {
      Files.createDirectories(screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WebDriver driver() {
    return driver;
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Waits until {@code condition} holds (not null, not false), or fails naming {@code what}. */
  <T> T await(String what, Duration timeout, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
        .withMessage(what)
        .until(condition);
  }

  /** A numbered screenshot of the step, under the screenshots folder. */
  Path screenshot(String name) {
    step++;
    Path file = screenshots.resolve(String.format("%02d-%s.png", step, name));
    try {
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * The console's errors since the last call (uncaught exceptions, failed loads, CSP refusals),
   * except loads whose URL contains one of {@code tolerated}: each test answers for its own.
   */
  List<String> consoleErrors(String... tolerated) {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
          && List.of(tolerated).stream().noneMatch(entry.getMessage()::contains)) {
        errors.add(entry.getMessage());
      }
    }
    return errors;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
