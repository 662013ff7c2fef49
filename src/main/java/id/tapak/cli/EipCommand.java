package id.tapak.cli;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.eip.EipEngine;
import id.tapak.core.eip.EipReport;
import id.tapak.core.eip.EipWriter;
import id.tapak.core.rulebook.RulebookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tapak eip}: the eco-industrial park view of every estate as CSV or JSON, with progress on stderr. */
@Command(name = "eip", mixinStandardHelpOptions = true,
    description = "Indikator kawasan industri berwawasan lingkungan (PP 20/2024 Pasal 79) / eco-industrial park "
        + "indicators per estate")
final class EipCommand implements Callable<Integer> {

  @Option(names = "--project", description = "project file (default: ${DEFAULT-VALUE})", defaultValue = "layers/tapak.yml")
  Path project;

  @Option(names = "--out", required = true, description = "output FILE.csv or FILE.json")
  Path out;

  @Option(names = "--buffer-m", description = "ring around each estate, metres (default: the settlement-distance "
      + "rule's min_m)")
  Double bufferM;

  @Option(names = "--quiet", description = "no progress on stderr")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".csv") && !name.endsWith(".json")) {
      System.err.println("tapak: --out must end in .csv or .json");
      return TapakCommand.BAD_INPUT;
    }
    if (bufferM != null && !(bufferM >= EipEngine.MIN_BUFFER_M && bufferM <= EipEngine.MAX_BUFFER_M)) {
      System.err.printf(Locale.ROOT, "tapak: --buffer-m must be %.0f to %.0f m%n", EipEngine.MIN_BUFFER_M,
          EipEngine.MAX_BUFFER_M);
      return TapakCommand.BAD_INPUT;
    }
    Catalog catalog = CatalogLoader.load(project);
    EipEngine engine = new EipEngine(catalog, RulebookLoader.forCatalog(catalog));
    int total = engine.estateCount();
    EipReport r = engine.compute(bufferM != null ? bufferM : engine.defaultBufferM(), done -> {
      if (!quiet) {
        System.err.printf("eip: %d/%d estates%n", done, total);
      }
    });
    Files.write(out, name.endsWith(".csv") ? EipWriter.csv(r) : EipWriter.json(r, "/api/eip"));
    if (!quiet) {
      System.err.printf(Locale.ROOT, "eip: %d estates, buffer %.0f m; %d ms; wrote %s%n", r.estates().size(),
          r.bufferM(), r.millis(), out);
    }
    return TapakCommand.OK;
  }
}
