package id.tapak.bench;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.catalog.Layer;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import id.tapak.core.rulebook.ConformityEngine;
import id.tapak.core.rulebook.ConformityReport;
import id.tapak.core.rulebook.ProposalLimits;
import id.tapak.core.rulebook.ProposalParser;
import id.tapak.core.rulebook.ReportWriter;
import id.tapak.core.rulebook.RulebookLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A JMH-free timing loop for one conformity check (same input as {@code CheckBenchmark}): loads the project, warms up,
 * then times N checks (parse + all rules + JSON encoding) and prints p50/p90/p99 in ms. A tool, not a test: run with
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) id.tapak.bench.CheckLatency [project] [n]}.
 */
public final class CheckLatency {

  private CheckLatency() {}

  public static void main(String[] args) {
    Path project = Path.of(args.length > 0 ? args[0] : "layers/tapak.yml");
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    Catalog catalog = CatalogLoader.load(project);
    ConformityEngine engine = new ConformityEngine(catalog, RulebookLoader.forCatalog(catalog));
    ProposalParser parser = new ProposalParser(ProposalLimits.DEFAULT);
    byte[] body = site(catalog).getBytes(StandardCharsets.UTF_8);
    ConformityReport first = engine.check(parser.parse(body));
    System.out.print(ReportWriter.text(first));
    long sink = 0;
    for (int i = 0; i < Math.max(200, n / 2); i++) {
      sink += ReportWriter.json(engine.check(parser.parse(body)), null).length;
    }
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      sink += ReportWriter.json(engine.check(parser.parse(body)), null).length;
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(Locale.ROOT, "check latency, %d warm checks of a %.1f ha site on %s: p50 %.2f ms, p90 %.2f ms, "
        + "p99 %.2f ms, max %.2f ms (sink %d)%n", n, first.siteHa(), project, ms[n / 2], ms[(int) (n * 0.9)],
        ms[(int) (n * 0.99)], ms[n - 1], sink % 10);
  }

  static String site(Catalog catalog) {
    Geometry anchor = catalog.layers(LayerRole.SPATIAL_PLAN).stream().flatMap(l -> l.features().stream())
        .filter(f -> String.valueOf(f.properties()).toLowerCase(Locale.ROOT).contains("peruntukan industri"))
        .map(Feature::geometry).max(Comparator.comparingDouble(Geometry::getArea))
        .orElseGet(() -> catalog.layers(LayerRole.ESTATE).stream().map(Layer::features)
            .filter(fs -> !fs.isEmpty()).findFirst().orElseThrow().get(0).geometry());
    Point p = anchor.getInteriorPoint();
    double h = 0.0035;
    return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"name\":\"latency\",\"kind\":\"new\","
        + "\"industrial_plot_ha\":40,\"ikm_ha\":1},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],"
        + "[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}", p.getX() - h, p.getY() - h, p.getX() + h, p.getY() - h,
        p.getX() + h, p.getY() + h, p.getX() - h, p.getY() + h, p.getX() - h, p.getY() - h);
  }
}
