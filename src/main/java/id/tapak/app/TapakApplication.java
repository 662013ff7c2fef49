package id.tapak.app;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.catalog.ProjectFileException;
import id.tapak.core.corridor.CorridorService;
import id.tapak.core.publish.wms.WmsLayers;
import id.tapak.core.rulebook.Rulebook;
import id.tapak.core.rulebook.RulebookException;
import id.tapak.core.rulebook.RulebookLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The HTTP service: loads the catalog, then publishes it. */
// no generated in-memory user: access control is by bearer token (id.tapak.web.security)
@SpringBootApplication(scanBasePackages = "id.tapak",
    excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@EnableConfigurationProperties({TapakProperties.class, LimitsProperties.class})
public class TapakApplication {

  private static final Logger LOG = LoggerFactory.getLogger(TapakApplication.class);

  /**
   * Starts the service. The catalog is loaded and the data directory checked before Spring starts, so a bad project
   * file or an unusable data directory (missing and not creatable, read-only, corrupt store, bad token file) stops
   * start-up with its one-line message and exit status 2 instead of a wall of stack traces.
   */
  public static void serve(String[] args) {
    System.setProperty("java.awt.headless", "true");
    java.nio.file.Path project = java.nio.file.Path.of(projectArg(args));
    Catalog catalog;
    Rulebook rulebook;
    CorridorService corridors;
    try {
      catalog = timedLoad(project);
      rulebook = RulebookLoader.forCatalog(catalog);
      LOG.info("rulebook {} with {} rules from {}", rulebook.id(), rulebook.rules().size(),
          RulebookLoader.rulebookPath(catalog));
      WmsLayers.checkStyles(catalog);
      for (String w : id.tapak.core.rulebook.LayerFlags.warnings(catalog, rulebook)) {
        LOG.warn(w);
      }
      corridors = new CorridorService(catalog, rulebook);
      DataDirectory.check(DataDirectory.of(args), DataDirectory.sqlite(args));
    } catch (ProjectFileException | RulebookException | DataDirectory.BadDataDirectory e) {
      System.err.println("tapak: " + e.getMessage());
      System.exit(2);
      return;
    }
    SpringApplication app = new SpringApplication(TapakApplication.class);
    app.addInitializers(ctx -> {
      ctx.getBeanFactory().registerSingleton("catalog", catalog);
      ctx.getBeanFactory().registerSingleton("rulebook", rulebook);
      ctx.getBeanFactory().registerSingleton("corridorService", corridors);
    });
    app.run(args);
  }

  /** --tapak.project=PATH, else TAPAK_PROJECT, else layers/tapak.yml. */
  static String projectArg(String[] args) {
    for (String a : args) {
      if (a.startsWith("--tapak.project=")) {
        return a.substring("--tapak.project=".length());
      }
    }
    String env = System.getenv("TAPAK_PROJECT");
    return env != null && !env.isBlank() ? env : "layers/tapak.yml";
  }

  static Catalog timedLoad(java.nio.file.Path project) {
    long t0 = System.nanoTime();
    Catalog c = CatalogLoader.load(project);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    // layers in memory only: a live PostGIS layer is not read at start-up (and its database may be down)
    long features = c.layers().stream().filter(Layer::inMemory).mapToLong(Layer::count).sum();
    int repaired = c.layers().stream().mapToInt(l -> l.repairedCount()).sum();
    LOG.info("loaded {} layers, {} features ({} repaired) from {} in {} ms", c.layers().size(), features, repaired,
        project, ms);
    return c;
  }

  /** The catalog, when not registered by {@link #serve} (tests, embedded use). */
  @Bean
  @ConditionalOnMissingBean
  Catalog catalog(TapakProperties props) {
    return timedLoad(props.projectPath());
  }

  /** The corridors, when not registered by {@link #serve} (tests, embedded use). */
  @Bean
  @ConditionalOnMissingBean
  CorridorService corridorService(Catalog catalog, Rulebook rulebook) {
    return new CorridorService(catalog, rulebook);
  }
}
