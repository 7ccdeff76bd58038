package com.feedbacksync.application.fakes;

import com.feedbacksync.application.port.out.Transactions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A fake of the {@link Transactions} port that numbers its transactions (nested calls join the
 * outer one, as JTA's REQUIRED does) and keeps a journal of which port call ran in which: a test
 * reads from it whether a state change and its event share one transaction.
 */
public final class RecordingTransactions implements Transactions {

  /** One port call: the transaction it ran in (0: none) and what it was. */
  public record Call(int transaction, String what) {}

  private int opened;
  private int current;
  public final List<Call> journal = new ArrayList<>();

  @Override
  public synchronized <T> T inOne(Supplier<T> work) {
    if (current != 0) {
      return work.get();
    }
    current = ++opened;
    try {
      return work.get();
    } finally {
      current = 0;
    }
  }

  public synchronized int current() {
    return current;
  }

  public synchronized void note(String what) {
    journal.add(new Call(current, what));
  }

  /** The transaction the first call named {@code what} ran in; -1 if there was none. */
  public synchronized int transactionOf(String what) {
    return journal.stream()
        .filter(c -> c.what().equals(what))
        .mapToInt(Call::transaction)
        .findFirst()
        .orElse(-1);
  }

  /** {@code port} whose every call is noted in the journal under its method's name. */
  @SuppressWarnings("unchecked")
  public <P> P journaled(Class<P> type, P port) {
    return (P)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              note(method.getName());
              try {
                return method.invoke(port, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
