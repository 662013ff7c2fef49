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
import org.jspecify.annotations.Nullable;
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
   * Starts the service. The data directory is checked before Spring starts; the catalog (with the rulebook and the
   * corridors) is loaded on a thread of its own WHILE Spring starts, because both take seconds (a 50 000-polygon
   * layer: ~4.5 s load, ~4.9 s Spring, docs/benchmarks.md scale (a)) and Spring needs the catalog only when it
   * creates the first bean that uses it: that bean waits for the load. An unusable data directory (missing and not
   * creatable, read-only, corrupt store, bad token file) or a bad project file or rulebook still stops start-up
   * with its one-line message and exit status 2 instead of a wall of stack traces; for the latter two the loading
   * thread prints it and halts the JVM at once, wherever Spring is (nothing is written yet; halt, not exit,
   * because Spring's shutdown hook would wait on the context that is being refreshed).
   */
  public static void serve(String[] args) {
    System.setProperty("java.awt.headless", "true");
    if (Boolean.getBoolean(org.springframework.context.aot.AbstractAotProcessor.AOT_PROCESSING)) {
      // the build's process-aot step (pom.xml): only the bean definitions are wanted, no data directory, no load
      new SpringApplication(TapakApplication.class).run(args);
      return;
    }
    java.nio.file.Path project = java.nio.file.Path.of(projectArg(args));
    java.nio.file.Path cache = DataDirectory.of(args).resolve("cache");
    try {
      DataDirectory.check(DataDirectory.of(args), DataDirectory.sqlite(args));
    } catch (DataDirectory.BadDataDirectory e) {
      System.err.println("tapak: " + e.getMessage());
      System.exit(2);
      return;
    }
    java.util.concurrent.CompletableFuture<Loaded> loaded = new java.util.concurrent.CompletableFuture<>();
    Thread loader = new Thread(() -> {
      try {
        loaded.complete(load(project, cache));
      } catch (ProjectFileException | RulebookException e) {
        System.err.println("tapak: " + e.getMessage());
        System.err.flush();
        Runtime.getRuntime().halt(2);
      } catch (Throwable e) { // an internal error: as an uncaught one in main would be, with exit status 1
        e.printStackTrace();
        System.err.flush();
        Runtime.getRuntime().halt(1);
      }
    }, "tapak-catalog-load");
    loader.setDaemon(true); // a Spring start-up failure (port taken) ends the JVM without waiting for the load
    preload = loaded;
    loader.start();
    new SpringApplication(TapakApplication.class).run(args);
  }

  /**
   * The load {@link #serve} started before Spring, which the catalog, rulebook and corridor beans take over; null
   * outside {@link #serve} (tests, embedded use), where those beans load in their own factory methods. A field, not
   * beans registered by an initializer, so the bean definitions are the same with and without the ahead-of-time
   * generated ones ({@code -Dspring.aot.enabled=true}, scripts/cds).
   */
  private static volatile java.util.concurrent.@Nullable CompletableFuture<Loaded> preload;

  /** The preloaded catalog's load, when {@code catalog} is that catalog; else null. */
  private static @Nullable Loaded preloaded(Catalog catalog) {
    var p = preload;
    if (p == null) {
      return null;
    }
    Loaded l = p.join();
    return l.catalog() == catalog ? l : null;
  }

  /** The rulebook of {@code catalog}: the one {@link #serve} loaded with it, else loaded now. */
  static Rulebook rulebookFor(Catalog catalog) {
    Loaded l = preloaded(catalog);
    return l != null ? l.rulebook() : RulebookLoader.forCatalog(catalog);
  }

  /** What {@link #serve} loads before the first bean needs it. */
  private record Loaded(Catalog catalog, Rulebook rulebook, CorridorService corridors) {}

  private static Loaded load(java.nio.file.Path project, java.nio.file.Path cache) {
    Catalog catalog = timedLoad(project, cache);
    Rulebook rulebook = RulebookLoader.forCatalog(catalog);
    LOG.info("rulebook {} with {} rules from {}", rulebook.id(), rulebook.rules().size(),
        RulebookLoader.rulebookPath(catalog));
    WmsLayers.checkStyles(catalog);
    for (String w : id.tapak.core.rulebook.LayerFlags.warnings(catalog, rulebook)) {
      LOG.warn(w);
    }
    return new Loaded(catalog, rulebook, new CorridorService(catalog, rulebook));
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

  /**
   * Loads the catalog; {@code cache} ({@code <data-dir>/cache}) keeps each layer's geometry repairs across restarts
   * (a side file per layer, keyed by each geometry's digest, so an edited source is never served from it).
   */
  static Catalog timedLoad(java.nio.file.Path project, java.nio.file.Path cache) {
    long t0 = System.nanoTime();
    Catalog c = CatalogLoader.load(project, cache);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    // layers in memory only: a live PostGIS layer is not read at start-up (and its database may be down)
    long features = c.layers().stream().filter(Layer::inMemory).mapToLong(Layer::count).sum();
    int repaired = c.layers().stream().mapToInt(l -> l.repairedCount()).sum();
    LOG.info("loaded {} layers, {} features ({} repaired) from {} in {} ms", c.layers().size(), features, repaired,
        project, ms);
    return c;
  }

  /** The catalog: the one {@link #serve} loads while Spring starts, else (tests, embedded use) loaded now. */
  @Bean
  @ConditionalOnMissingBean
  Catalog catalog(TapakProperties props) {
    var p = preload;
    return p != null ? p.join().catalog() : timedLoad(props.projectPath(), props.dataPath().resolve("cache"));
  }

  /** The corridors: the ones {@link #serve} made with the catalog, else made now. */
  @Bean
  @ConditionalOnMissingBean
  CorridorService corridorService(Catalog catalog, Rulebook rulebook) {
    Loaded l = preloaded(catalog);
    return l != null && l.rulebook() == rulebook ? l.corridors() : new CorridorService(catalog, rulebook);
  }
}
