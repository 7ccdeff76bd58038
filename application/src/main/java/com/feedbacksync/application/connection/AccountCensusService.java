package com.feedbacksync.application.connection;

import com.feedbacksync.application.model.ConnectionCounts;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.SyncRecency;
import com.feedbacksync.application.port.in.CountAccountsUseCase;
import com.feedbacksync.application.port.out.ConnectionCensus;
import com.feedbacksync.domain.sync.SyncLag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts the accounts for operators' gauges, the lag by the domain's {@link SyncLag}. A failing
 * database is logged once per outage and the last count stands in until it is {@code staleAfter}
 * old; after that no count is better than a wrong one.
 */
public final class AccountCensusService implements CountAccountsUseCase {

  private static final System.Logger LOG = System.getLogger(AccountCensusService.class.getName());

  private final ConnectionCensus census;
  private final SyncLag lag;
  private final Clock clock;
  private final Duration staleAfter;

  private Optional<ConnectionCounts> last = Optional.empty();
  private boolean failing;

  public AccountCensusService(
      ConnectionCensus census, SyncLag lag, Clock clock, Duration staleAfter) {
    this.census = Objects.requireNonNull(census);
    this.lag = Objects.requireNonNull(lag);
    this.clock = Objects.requireNonNull(clock);
    this.staleAfter = Objects.requireNonNull(staleAfter);
  }

  @Override
  public synchronized Optional<ConnectionCounts> recount() {
    Instant now = clock.instant();
    try {
      Map<ConnectionState, Long> byState = census.accountsByState();
      long lagging = 0;
      for (SyncRecency connected : census.connectedRecency()) {
        if (lag.lagging(now, connected.connectedAt(), connected.lastSuccess())) {
          lagging++;
        }
      }
      last = Optional.of(new ConnectionCounts(byState, lagging, now));
      if (failing) {
        LOG.log(System.Logger.Level.INFO, "counting the accounts works again");
        failing = false;
      }
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.log(
            System.Logger.Level.WARNING,
            "counting the accounts failed; the account gauges keep their last count for "
                + staleAfter.toSeconds()
                + " s, then show none until the database answers",
            e);
        failing = true;
      }
    }
    last = last.filter(counts -> !counts.takenAt().plus(staleAfter).isBefore(now));
    return last;
  }
}
