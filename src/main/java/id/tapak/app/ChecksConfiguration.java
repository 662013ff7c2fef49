package id.tapak.app;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.rulebook.ConformityEngine;
import id.tapak.core.rulebook.ProposalLimits;
import id.tapak.core.rulebook.ProposalParser;
import id.tapak.core.rulebook.Rulebook;
import id.tapak.core.rulebook.RulebookLoader;
import id.tapak.core.store.SqliteCheckStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the conformity check: the rulebook named by the project file, the engine over the catalog, the proposal
 * parser with its limits, and the SQLite check store in {@code tapak.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChecksProperties.class)
class ChecksConfiguration {

  /** The rulebook, when not registered at start-up by {@link TapakApplication#serve} (tests). */
  @Bean
  @ConditionalOnMissingBean
  Rulebook rulebook(Catalog catalog) {
    return RulebookLoader.forCatalog(catalog);
  }

  @Bean
  ConformityEngine conformityEngine(Catalog catalog, Rulebook rulebook) {
    return new ConformityEngine(catalog, rulebook);
  }

  @Bean
  ProposalParser proposalParser(ChecksProperties p) {
    return new ProposalParser(new ProposalLimits(p.maxVertices(), p.maxBytes(), p.maxFeatures()));
  }

  @Bean
  ProposalLimits proposalLimits(ChecksProperties p) {
    return new ProposalLimits(p.maxVertices(), p.maxBytes(), p.maxFeatures());
  }

  @Bean(destroyMethod = "close")
  SqliteCheckStore checkStore(TapakProperties props) {
    return SqliteCheckStore.open(props.dataPath());
  }
}
