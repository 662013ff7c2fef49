package id.tapak.bench;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.publish.render.TileCache;
import id.tapak.core.publish.wms.WmsLayers;
import id.tapak.core.publish.wms.WmsParameters;
import id.tapak.core.publish.wms.WmsService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * GetMap without the HTTP stack and without the tile cache: render + PNG-encode a rotating list of 256×256 tiles.
 * {@code project} is a tapak.yml; {@code tiles} a file of WMS GetMap paths, one per line (as written by
 * {@code ../shared/peers/wms-dense-tiles.py}), or empty for 16 z12 tiles around the centre of the first layer.
 * Run: {@code scripts/bench-wms jmh} (RTRW data, dense tiles), or after {@code mvn -q -Pbench -DskipTests package}:
 * {@code java -cp target/bench-build/classes:$(cat target/bench-build/cp.txt) org.openjdk.jmh.Main GetMapBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Djava.awt.headless=true", "-Xmx2g"})
public class GetMapBenchmark {

  @Param({"src/test/resources/projects/wms/tapak.yml"})
  public String project;

  @Param({""})
  public String tiles;

  private WmsService wms;
  private List<WmsParameters> requests;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    System.setProperty("java.awt.headless", "true");
    Catalog catalog = CatalogLoader.load(Path.of(project));
    wms = new WmsService(new WmsLayers(catalog), 4096, 4096, new TileCache(0));
    List<String> queries = new ArrayList<>();
    if (!tiles.isEmpty()) {
      for (String line : Files.readAllLines(Path.of(tiles))) {
        if (!line.isBlank()) {
          queries.add(line.substring(line.indexOf('?') + 1));
        }
      }
    } else {
      var bbox = catalog.layers().get(0).bbox();
      String layer = catalog.layers().get(0).id();
      int n = 1 << 12;
      int x0 = (int) ((bbox.centre().x + 180) / 360 * n);
      double lat = Math.toRadians(bbox.centre().y);
      int y0 = (int) ((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
      double size = 2 * Math.PI * 6378137.0 / n;
      for (int dx = -2; dx < 2; dx++) {
        for (int dy = -2; dy < 2; dy++) {
          double mx = -Math.PI * 6378137.0 + (x0 + dx) * size;
          double my = Math.PI * 6378137.0 - (y0 + dy + 1) * size;
          queries.add("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + layer + "&STYLES=&CRS=EPSG:3857&BBOX="
              + mx + "," + my + "," + (mx + size) + "," + (my + size)
              + "&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE");
        }
      }
    }
    requests = new ArrayList<>();
    for (String q : queries) {
      Map<String, String> m = new LinkedHashMap<>();
      for (String kv : q.split("&")) {
        int eq = kv.indexOf('=');
        m.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
      requests.add(WmsParameters.of(m));
    }
  }

  /** One tile: parse, query the STRtree, draw with Java2D, encode PNG. */
  @Benchmark
  public void tile(Blackhole bh) {
    WmsParameters p = requests.get(next++ % requests.size());
    bh.consume(wms.getMap(p).body());
  }

  /** Standalone run: {@code java -cp ... id.tapak.bench.GetMapBenchmark [project] [tiles] [seconds]}. */
  public static void main(String[] args) throws Exception {
    GetMapBenchmark b = new GetMapBenchmark();
    b.project = args.length > 0 ? args[0] : "src/test/resources/projects/wms/tapak.yml";
    b.tiles = args.length > 1 ? args[1] : "";
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    b.setUp();
    long bytes = 0;
    for (int i = 0; i < 200; i++) {
      bytes += b.wms.getMap(b.requests.get(i % b.requests.size())).body().length;
    }
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    int n = 0;
    while (System.nanoTime() - t0 < seconds * 1_000_000_000L) {
      bytes += b.wms.getMap(b.requests.get(n++ % b.requests.size())).body().length;
    }
    double s = (System.nanoTime() - t0) / 1e9;
    double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
    // CPU time too: on a shared machine wall-clock throughput says more about the neighbours than about the code
    System.out.printf("%d tiles in %.1f s: %.1f tiles/s wall, %.1f tiles per CPU-second, single thread "
        + "(%.0f bytes/tile)%n", n, s, n / s, n / cpu, (double) bytes / (n + 200));
  }
}
