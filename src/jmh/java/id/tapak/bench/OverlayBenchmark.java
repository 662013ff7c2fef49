package id.tapak.bench;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.catalog.Layer;
import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.model.Feature;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The overlay query the PostGIS peer times ({@code ../shared/peers/pg-conformity.sql}): for one ~500 ha proposal,
 * the geodesic area of its overlap with every intersecting RTRW polygon, summed per land-use class. Same data, same
 * proposals, same single client; Tapak's STRtree + JTS OverlayNG + GeographicLib vs PostGIS GIST + GEOS + spheroid.
 * Sample mode so the report has p50/p99 per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-Djava.awt.headless=true"})
public class OverlayBenchmark {

  @Param({"P1", "P2", "P3"})
  public String proposal;

  private Catalog catalog;
  private Geometry site;

  @Setup
  public void setup() throws Exception {
    catalog = CatalogLoader.load(BenchData.rtrwProject());
    String wkt = switch (proposal) {
      case "P1" -> BenchData.P1;
      case "P2" -> BenchData.P2;
      default -> BenchData.P3;
    };
    site = new WKTReader().read(wkt);
  }

  /** Square metres of overlap per class; the map is returned so JMH consumes it. */
  @Benchmark
  public Map<String, Double> overlapPerClass() {
    return overlap(catalog, site);
  }

  static Map<String, Double> overlap(Catalog catalog, Geometry site) {
    Map<String, Double> m2 = new HashMap<>();
    for (Layer l : catalog.layers()) {
      for (Feature f : l.intersecting(site)) {
        Geometry part = OverlayNGRobust.overlay(site, f.geometry(), OverlayNG.INTERSECTION);
        m2.merge(String.valueOf(f.properties().get("NAMOBJ")), GeodesicMeasure.squareMetres(part), Double::sum);
      }
    }
    return m2;
  }
}
