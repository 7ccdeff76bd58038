package com.feedbacksync.application.sync;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.feedbacksync.application.port.out.IntercomFailure;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ItemReadsTest {

  private final ItemReads reads = new ItemReads();

  private static Supplier<String> failing(IntercomFailure failure) {
    return () -> {
      throw failure;
    };
  }

  private void unavailable(int times) {
    for (int i = 0; i < times; i++) {
      reads.of(failing(new IntercomFailure.Unavailable("answered 503", null)));
    }
  }

  @Test
  void five_unavailable_reads_in_a_row_stop_the_run() {
    unavailable(ItemReads.MAX_UNAVAILABLE_IN_A_ROW - 1);
    assertThrows(IntercomFailure.Unavailable.class, () -> unavailable(1));
  }

  @Test
  void an_unreadable_item_between_them_neither_counts_nor_breaks_the_streak() {
    unavailable(ItemReads.MAX_UNAVAILABLE_IN_A_ROW - 1);
    assertInstanceOf(
        ItemRead.Unreadable.class,
        reads.of(failing(new IntercomFailure.Unreadable("nesting too deep", null))));
    assertThrows(IntercomFailure.Unavailable.class, () -> unavailable(1));
  }

  @Test
  void an_answer_read_breaks_the_streak() {
    unavailable(ItemReads.MAX_UNAVAILABLE_IN_A_ROW - 1);
    assertInstanceOf(ItemRead.Read.class, reads.of(() -> "a conversation"));
    unavailable(ItemReads.MAX_UNAVAILABLE_IN_A_ROW - 1);
  }
}
