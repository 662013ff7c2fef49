package id.tapak.app;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.rulebook.ConformityEngine;
import id.tapak.core.rulebook.ProposalLimits;
import id.tapak.core.rulebook.ProposalParser;
import id.tapak.core.rulebook.Rulebook;
import id.tapak.core.store.PostgisCheckStore;
import id.tapak.core.store.SqliteCheckStore;
import id.tapak.core.store.StoreUnavailableException;
import id.tapak.core.store.StoredChecks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the conformity check: the rulebook named by the project file, the engine over the catalog, the proposal
 * parser with its limits, and the check store: SQLite in {@code tapak.data-dir} by default, or the PostGIS store over
 * a HikariCP pool of {@code tapak.database} ({@code tapak.checks.store: postgis}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ChecksProperties.class, DatabaseProperties.class})
class ChecksConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(ChecksConfiguration.class);

  /** The rulebook: the one {@link TapakApplication#serve} loaded with the catalog, else (tests) loaded now. */
  @Bean
  @ConditionalOnMissingBean
  Rulebook rulebook(Catalog catalog) {
    return TapakApplication.rulebookFor(catalog);
  }

  @Bean
  ConformityEngine conformityEngine(Catalog catalog, Rulebook rulebook, LimitsProperties limits) {
    return new ConformityEngine(catalog, rulebook, limits.checkBudget());
  }

  @Bean
  ProposalParser proposalParser(ProposalLimits limits) {
    return new ProposalParser(limits);
  }

  @Bean
  ProposalLimits proposalLimits(ChecksProperties p, LimitsProperties limits) {
    return new ProposalLimits(p.maxVertices(), p.maxBytes(), p.maxFeatures(), limits.maxSelfIntersections(),
        limits.uploadBudget());
  }

  /**
   * The pool of the shared database, only when {@code tapak.database.url} is set. Made without touching the
   * database ({@code initializationFailTimeout = -1}), so an instance starts while the database is down.
   */
  @Bean(destroyMethod = "close")
  @Nullable HikariDataSource tapakDatabase(DatabaseProperties db) {
    if (!db.configured()) {
      return null;
    }
    HikariConfig c = new HikariConfig();
    c.setPoolName("tapak-db");
    c.setJdbcUrl(db.url());
    if (!db.username().isBlank()) {
      c.setUsername(db.username());
    }
    if (!db.password().isBlank()) {
      c.setPassword(db.password());
    }
    c.setMaximumPoolSize(db.poolSize());
    c.setMinimumIdle(Math.min(2, db.poolSize()));
    c.setConnectionTimeout(Math.max(250, db.connectTimeout().toMillis()));
    c.setInitializationFailTimeout(-1);
    return new HikariDataSource(c);
  }

  @Bean(destroyMethod = "close")
  StoredChecks checkStore(ChecksProperties checks, TapakProperties props, ObjectProvider<HikariDataSource> pool) {
    return switch (checks.store()) {
      case SQLITE -> SqliteCheckStore.open(props.dataPath());
      case POSTGIS -> {
        HikariDataSource ds = pool.getIfAvailable();
        if (ds == null) {
          throw new IllegalStateException("tapak.checks.store is postgis but tapak.database.url is not set");
        }
        PostgisCheckStore store = new PostgisCheckStore(ds);
        try {
          store.migrate();
          LOG.info("checks are stored in schema tapak of the PostGIS database");
        } catch (StoreUnavailableException e) {
          LOG.warn("the PostGIS check store is unreachable at start-up; checks answer 503 until it is back");
        }
        yield store;
      }
    };
  }
}
