package com.feedbacksync.adapters.persistence;

import jakarta.persistence.Query;
import java.util.List;

/**
 * The rows of a native query whose ids are an {@code IN (:ids)} list. Native, not JPQL: Hibernate
 * translated a JPQL {@code in :ids} from SQM to an SQL tree again for each list length it met (B3's
 * profile put 25 of the 32 samples of a commit's two reads there); a native query's SQL is text
 * already, to which the list adds placeholders. The query's result class types the rows.
 */
final class IdListQuery {

  private IdListQuery() {}

  @SuppressWarnings("unchecked")
  static <E> List<E> rows(Query query) {
    return query.getResultList();
  }
}
