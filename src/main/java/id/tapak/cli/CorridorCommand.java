package id.tapak.cli;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.corridor.Corridor;
import id.tapak.core.corridor.CorridorReport;
import id.tapak.core.corridor.CorridorService;
import id.tapak.core.corridor.CorridorWriter;
import id.tapak.core.corridor.GridFeatures;
import id.tapak.core.corridor.SuitabilityGrid;
import id.tapak.core.publish.geojson.GeoJsonWriter;
import id.tapak.core.rulebook.RulebookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tapak corridor}: the indicators of a priority corridor (per corridor and per kabupaten/kota) as CSV or
 * JSON, with progress on stderr; {@code --list} names the project's corridors.
 */
@Command(name = "corridor", mixinStandardHelpOptions = true,
    description = "Indikator koridor prioritas / priority-corridor indicators (KPI, estates, free KPI, access)")
final class CorridorCommand implements Callable<Integer> {

  @Option(names = "--project", description = "project file (default: ${DEFAULT-VALUE})", defaultValue = "layers/tapak.yml")
  Path project;

  @Option(names = "--id", description = "corridor id (see --list)")
  String id;

  @Option(names = "--out", description = "output FILE.csv or FILE.json")
  Path out;

  @Option(names = "--grid", description = "also write the suitability grid to FILE.geojson")
  Path grid;

  @Option(names = "--candidates", description = "also write the ranked candidate sites to FILE.geojson")
  Path candidates;

  @Option(names = "--list", description = "list the corridors of the project and exit")
  boolean list;

  @Option(names = "--quiet", description = "no progress on stderr")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    Catalog catalog = CatalogLoader.load(project);
    CorridorService service = new CorridorService(catalog, RulebookLoader.forCatalog(catalog));
    if (list) {
      for (Corridor c : service.corridors()) {
        System.out.printf("%-24s %-28s %d kab/kota: %s%n", c.spec().id(), c.spec().title().id(), c.members().size(),
            String.join(", ", c.members().stream().map(m -> m.code() + " " + m.name()).toList()));
      }
      return TapakCommand.OK;
    }
    if (id == null || out == null) {
      System.err.println("tapak: corridor needs --id ID and --out FILE.csv|FILE.json (or --list)");
      return TapakCommand.BAD_INPUT;
    }
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".csv") && !name.endsWith(".json")) {
      System.err.println("tapak: --out must end in .csv or .json");
      return TapakCommand.BAD_INPUT;
    }
    Corridor c = service.corridor(id).orElse(null);
    if (c == null) {
      System.err.println("tapak: --id: no corridor '" + id + "' (corridors: " + service.corridors().stream()
          .map(x -> x.spec().id()).toList() + ")");
      return TapakCommand.BAD_INPUT;
    }
    int regions = 1 + c.members().size();
    CorridorReport r = service.compute(c, done -> {
      if (!quiet) {
        System.err.printf("corridor %s: %d/%d regions%n", id, done, regions);
      }
    });
    Files.write(out, name.endsWith(".csv") ? CorridorWriter.csv(r) : CorridorWriter.json(r, "/api/corridors"));
    if (!quiet) {
      System.err.printf(Locale.ROOT, "corridor %s: KPI %.2f ha, free KPI %.2f ha (%.2f ha assessed), %d estates; "
          + "%d ms; wrote %s%n", id, r.whole().kpiHa(), r.whole().freeKpiHa(), r.whole().freeAssessedHa(),
          r.whole().estates().size(), r.millis(), out);
    }
    if (grid != null || candidates != null) {
      SuitabilityGrid.Result g = service.grid(id).orElseThrow();
      if (grid != null) {
        write(grid, GridFeatures.cells(g));
      }
      if (candidates != null) {
        write(candidates, GridFeatures.candidates(g, "/api/corridors/" + id + "/candidates"));
      }
      if (!quiet) {
        System.err.printf(Locale.ROOT, "corridor %s: grid of %d cells of %.0f m (%d excluded), %d candidate sites; "
            + "%d ms%n", id, g.cells().size(), g.cellM(), g.cells().stream().filter(SuitabilityGrid.Cell::excluded)
            .count(), g.candidates().size(), g.millis());
      }
    }
    return TapakCommand.OK;
  }

  private static void write(Path file, java.util.List<id.tapak.core.model.Feature> features) throws Exception {
    try (var out = Files.newOutputStream(file); var gen = GeoJsonWriter.generator(out)) {
      GeoJsonWriter.writeCollection(features, gen, null);
    }
  }
}
