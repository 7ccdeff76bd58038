package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@link Accounts} port on MariaDB. */
@ApplicationScoped
@Transactional
public class JpaAccounts implements Accounts {

  @PersistenceContext(unitName = "feedbacksync")
  private EntityManager em;

  /**
   * By a query, not {@code em.find}: the column's collation matches ids without letter case, and
   * {@code find} would hand back the row under the id asked for rather than the one stored.
   */
  @Override
  public Optional<Account> find(AccountId id) {
    return em.createQuery("select a from AccountEntity a where a.id = :id", AccountEntity.class)
        .setParameter("id", id.value())
        .getResultStream()
        .findFirst()
        .map(AccountEntity::toDomain);
  }

  /**
   * One statement, so two requests creating the same id at once cannot both insert: the loser's
   * INSERT IGNORE inserts nothing (the name's length is checked first, since IGNORE would cut it).
   */
  @Override
  public boolean add(Account account) {
    if (account.name().length() > AccountEntity.NAME_LENGTH) {
      throw new IllegalArgumentException(
          "an account name has at most " + AccountEntity.NAME_LENGTH + " characters");
    }
    return em.createNativeQuery("INSERT IGNORE INTO account (id, name, plan) VALUES (?, ?, ?)")
            .setParameter(1, account.id().value())
            .setParameter(2, account.name())
            .setParameter(3, account.plan().name())
            .executeUpdate()
        == 1;
  }

  @Override
  public Set<AccountId> onPlan(Plan plan) {
    return em.createQuery("select a.id from AccountEntity a where a.plan = :plan", String.class)
        .setParameter("plan", plan)
        .getResultStream()
        .map(AccountId::new)
        .collect(Collectors.toSet());
  }

  @Override
  public boolean rename(AccountId id, String name) {
    AccountEntity account = em.find(AccountEntity.class, id.value());
    if (account == null) {
      return false;
    }
    account.rename(name);
    return true;
  }

  @Override
  public boolean changePlan(AccountId id, Plan plan) {
    AccountEntity account = em.find(AccountEntity.class, id.value());
    if (account == null) {
      return false;
    }
    account.changePlan(plan);
    return true;
  }
}
