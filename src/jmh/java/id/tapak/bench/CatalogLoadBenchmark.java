package id.tapak.bench;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * Start-up cost of a province from files: read, reproject, repair and index the 9 layers of the West Java RTRW
 * GeoPackage (12,601 polygons, 783k vertices), i.e. {@link CatalogLoader#load} end to end. Single-shot: each
 * iteration is one cold-data load in a warm JVM (the first, JIT-cold one is the warm-up).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-Djava.awt.headless=true"})
public class CatalogLoadBenchmark {

  private Path project;

  @Setup
  public void setup() throws Exception {
    project = BenchData.rtrwProject();
  }

  @Benchmark
  public long loadRtrwJabar() {
    Catalog c = CatalogLoader.load(project);
    // consume the result so the load is not optimised away
    return c.layers().stream().mapToLong(l -> l.count() + l.repairedCount()).sum();
  }
}
