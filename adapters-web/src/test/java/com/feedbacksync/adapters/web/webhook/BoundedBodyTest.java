package com.feedbacksync.adapters.web.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

  private static final int LIMIT = 1 << 20;

  /** 2 GB of bytes made up as they are read, counting how many were: nothing is held. */
  private static final class Generated extends InputStream {
    private long left;
    long read;

    Generated(long size) {
      this.left = size;
    }

    @Override
    public int read() {
      if (left == 0) {
        return -1;
      }
      left--;
      read++;
      return 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      Arrays.fill(b, off, off + n, (byte) 'x');
      left -= n;
      read += n;
      return n;
    }
  }

  @Test
  void a_body_declaring_2_gb_is_refused_without_reading_a_byte() throws Exception {
    Generated body = new Generated(2L << 30);
    assertTrue(BoundedBody.read(body, 2L << 30, LIMIT).isEmpty());
    assertEquals(0, body.read);
  }

  @Test
  void a_chunked_2_gb_body_is_refused_after_the_limit_and_a_byte() throws Exception {
    Generated body = new Generated(2L << 30);
    assertTrue(BoundedBody.read(body, -1, LIMIT).isEmpty());
    assertEquals(LIMIT + 1, body.read, "read no further than the limit");
  }

  @Test
  void a_body_that_lies_about_its_length_is_refused_all_the_same() throws Exception {
    Generated body = new Generated(2L << 30);
    assertTrue(BoundedBody.read(body, 100, LIMIT).isEmpty());
    assertEquals(LIMIT + 1, body.read);
  }

  @Test
  void a_body_of_exactly_the_limit_is_read_whole() throws Exception {
    byte[] read = BoundedBody.read(new Generated(LIMIT), LIMIT, LIMIT).orElseThrow();
    assertEquals(LIMIT, read.length);
    assertArrayEquals(new byte[0], BoundedBody.read(new Generated(0), -1, LIMIT).orElseThrow());
  }
}
