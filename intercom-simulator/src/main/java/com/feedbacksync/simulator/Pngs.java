package com.feedbacksync.simulator;

import java.util.Base64;

/** The bytes the simulator serves for images: a valid 1x1 PNG. */
final class Pngs {

  static final byte[] TINY =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  private Pngs() {}
}
