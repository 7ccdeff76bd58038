package com.feedbacksync.adapters.persistence;

import jakarta.persistence.Query;
import java.util.List;

/**
 * The rows of a native query whose ids are an {@code IN (:ids)} list. Native, not JPQL: Hibernate
 * translated a JPQL {@code in :ids} from SQM to an SQL tree again for each list length it met (B3's
 * profile put 25 of the 32 samples of a commit's two reads there); a native query's SQL is text
 * already, to which the list adds placeholders. The query's result class types the rows.
 *
 * <p>A query that also names the workspace forces the index on (account, id): MariaDB otherwise
 * took the primary key's (account, workspace) prefix for a lookup of the account's every row, its
 * statistics guessing that prefix as selective as the list ({@code ANALYZE} of a 100,000 first
 * sync's profile check read 37,692 rows for 100 ids; with the index, 100).
 */
final class IdListQuery {

  private IdListQuery() {}

  @SuppressWarnings("unchecked")
  static <E> List<E> rows(Query query) {
    return query.getResultList();
  }
}
