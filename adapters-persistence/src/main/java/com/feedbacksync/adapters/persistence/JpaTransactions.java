package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.port.out.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * The {@link Transactions} port as a JTA transaction: the JPA adapters called inside join it
 * (REQUIRED), so their writes commit together.
 */
@ApplicationScoped
public class JpaTransactions implements Transactions {

  @Override
  @Transactional
  public <T> T inOne(Supplier<T> work) {
    return work.get();
  }
}
