package id.tapak.bench;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.catalog.Layer;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import id.tapak.core.rulebook.ConformityEngine;
import id.tapak.core.rulebook.ConformityReport;
import id.tapak.core.rulebook.Proposal;
import id.tapak.core.rulebook.ProposalLimits;
import id.tapak.core.rulebook.ProposalParser;
import id.tapak.core.rulebook.RulebookLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full conformity check (every rule of the bundled rulebook) of a ~60 ha square site on the bundled demo
 * ({@code layers/tapak.yml}, or {@code -Dtapak.bench.project=...}), warm, single thread, parse included. The site is
 * centred on the interior point of the largest KPI feature of the spatial plan (else of the first estate), so the
 * input is fixed for a given demo. Sample mode gives p50/p99 per check. {@code -Dtapak.bench.site=FILE} checks a
 * GeoJSON Feature instead: the engine time of {@code scripts/bench-scale check} without HTTP and the store,
 * {@code java -cp ... org.openjdk.jmh.Main CheckBenchmark -jvmArgsAppend "-Dtapak.bench.project=$WORK/gpkg.yml
 * -Dtapak.bench.site=$WORK/site.geojson"} after {@code scripts/bench-scale check} wrote both (docs/benchmarks.md,
 * scale (c)).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Djava.awt.headless=true"})
public class CheckBenchmark {

  private ConformityEngine engine;
  private ProposalParser parser;
  private byte[] body;

  @Setup
  public void setup() {
    Catalog catalog = CatalogLoader.load(Path.of(System.getProperty("tapak.bench.project", "layers/tapak.yml")));
    engine = new ConformityEngine(catalog, RulebookLoader.forCatalog(catalog));
    parser = new ProposalParser(ProposalLimits.DEFAULT);
    body = body(catalog);
  }

  /** The request body: the GeoJSON Feature of {@code -Dtapak.bench.site}, else {@link #site}. */
  static byte[] body(Catalog catalog) {
    String siteFile = System.getProperty("tapak.bench.site");
    try {
      return siteFile != null ? java.nio.file.Files.readAllBytes(Path.of(siteFile))
          : site(catalog).getBytes(StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static java.util.List<Feature> all(Layer l) {
    java.util.List<Feature> out = new java.util.ArrayList<>();
    l.scan(out::add);
    return out;
  }

  /** A 0.007° square (≈ 60 ha near 7° S) around the interior point of the largest KPI (or first estate) feature. */
  static String site(Catalog catalog) {
    Geometry anchor = catalog.layers(LayerRole.SPATIAL_PLAN).stream().flatMap(l -> all(l).stream())
        .filter(f -> String.valueOf(f.properties()).toLowerCase(Locale.ROOT).contains("peruntukan industri"))
        .map(Feature::geometry).max(Comparator.comparingDouble(Geometry::getArea))
        .orElseGet(() -> catalog.layers(LayerRole.ESTATE).stream().map(CheckBenchmark::all)
            .filter(fs -> !fs.isEmpty()).findFirst().orElseThrow().get(0).geometry());
    Point p = anchor.getInteriorPoint();
    double h = 0.0035;
    double x = p.getX();
    double y = p.getY();
    return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"name\":\"bench\",\"kind\":\"new\","
        + "\"industrial_plot_ha\":40,\"ikm_ha\":1},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],"
        + "[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}", x - h, y - h, x + h, y - h, x + h, y + h, x - h, y + h, x - h, y - h);
  }

  @Benchmark
  public ConformityReport check() {
    Proposal p = parser.parse(body);
    return engine.check(p);
  }
}
