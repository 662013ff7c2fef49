package id.tapak.bench;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.publish.report.ReportWriter;
import id.tapak.core.rulebook.ConformityEngine;
import id.tapak.core.rulebook.ConformityReport;
import id.tapak.core.rulebook.ProposalLimits;
import id.tapak.core.rulebook.ProposalParser;
import id.tapak.core.rulebook.RulebookLoader;
import id.tapak.core.store.SqliteCheckStore;
import java.nio.file.Files;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What keeping one check durably costs, apart from the check: {@link SqliteCheckStore#save} of one report as
 * {@code POST /api/checks} does it (WAL, {@code synchronous=FULL}: the commit waits for the disk), and the two JSON
 * documents it writes alone ({@link #serialise}), so save minus serialise is the insert and the durable commit. The
 * report is the one {@link CheckBenchmark} checks (the demo, or {@code -Dtapak.bench.project} and
 * {@code -Dtapak.bench.site}); the store lives under {@code -Dtapak.bench.store-dir} (default
 * {@code target/bench-build}, the disk the service's data dir would be on). Single thread, sample mode.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Djava.awt.headless=true"})
public class StoreBenchmark {

  private ConformityReport report;
  private SqliteCheckStore store;
  private Path dir;
  private long n;

  @Setup
  public void setup() throws Exception {
    Catalog catalog = CatalogLoader.load(Path.of(System.getProperty("tapak.bench.project", "layers/tapak.yml")));
    ConformityEngine engine = new ConformityEngine(catalog, RulebookLoader.forCatalog(catalog));
    report = engine.check(new ProposalParser(ProposalLimits.DEFAULT).parse(CheckBenchmark.body(catalog)));
    Path parent = Path.of(System.getProperty("tapak.bench.store-dir", "target/bench-build"));
    Files.createDirectories(parent);
    dir = Files.createTempDirectory(parent, "store-bench");
    store = SqliteCheckStore.open(dir);
  }

  @TearDown
  public void tearDown() throws Exception {
    store.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** One durable save (a new id each time, as every check has). */
  @Benchmark
  public void save() {
    ConformityReport r = report;
    store.save(new ConformityReport(Long.toHexString(++n) + "-" + r.id(), r.created(), r.name(), r.kind(),
        r.specialCase(), r.rulebook(), r.verdict(), r.siteHa(), r.site(), r.findings(), r.notes(), r.netHa(),
        r.dataUsed(), r.location(), r.kbli(), r.exception()), "bench");
  }

  /** The report JSON and GeoJSON that save writes, without the database. */
  @Benchmark
  public int serialise() {
    return ReportWriter.json(report, null).length + ReportWriter.geoJson(report).length;
  }
}
