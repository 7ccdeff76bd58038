package com.feedbacksync.adapters.intercom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A download waits in a spool file: exactly its bytes, gone once discarded or forgotten. */
class SpooledFileTest {

  @Test
  void holds_the_last_write_only_and_is_gone_once_discarded() throws IOException {
    SpooledFile spool = SpooledFile.create();
    try (OutputStream out = spool.rewrite()) {
      out.write(new byte[5000]); // a first attempt, broken off
    }
    try (OutputStream out = spool.rewrite()) {
      out.write(new byte[] {1, 2, 3});
    }
    spool.written();

    assertEquals(3, spool.size());
    try (InputStream in = spool.open()) {
      assertArrayEquals(new byte[] {1, 2, 3}, in.readAllBytes());
    }
    spool.discard();
    assertThrows(NoSuchFileException.class, spool::open);
    spool.discard(); // twice is harmless
  }

  @Test
  void a_spool_nobody_discarded_is_deleted_once_unreachable() throws Exception {
    Set<Path> before = spools();
    SpooledFile.create();
    Set<Path> created = spools();
    created.removeAll(before);
    assertEquals(1, created.size(), "one spool file made");
    Path path = created.iterator().next();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (Files.exists(path) && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(50);
    }
    assertTrue(!Files.exists(path), "deleted after its owner was collected");
  }

  @Test
  void a_copy_stops_as_soon_as_the_limit_is_passed() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IOException e =
        assertThrows(
            IOException.class,
            () -> BoundedCopy.copy(new ByteArrayInputStream(new byte[300_000]), out, 100_000));
    assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    assertTrue(out.size() <= 100_000, "never more than the limit kept: " + out.size());
    assertEquals(
        100_000,
        BoundedCopy.copy(
            new ByteArrayInputStream(new byte[100_000]), new ByteArrayOutputStream(), 100_000));
  }

  private static Set<Path> spools() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      Set<Path> spools = new HashSet<>();
      files
          .filter(p -> p.getFileName().toString().startsWith("feedbacksync-"))
          .filter(p -> p.getFileName().toString().endsWith(".download"))
          .forEach(spools::add);
      return spools;
    }
  }
}
