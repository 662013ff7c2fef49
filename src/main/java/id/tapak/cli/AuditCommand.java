package id.tapak.cli;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.LayerSpec;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.rulebook.ConformityEngine;
import id.tapak.core.rulebook.ConformityReport;
import id.tapak.core.rulebook.Finding;
import id.tapak.core.rulebook.Proposal;
import id.tapak.core.rulebook.RulebookLoader;
import id.tapak.core.source.SourceSpec;
import id.tapak.core.source.SourceType;
import id.tapak.core.model.TapakException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.locationtech.jts.geom.Polygonal;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tapak audit}: checks every estate of a layer (or every site of a file, e.g. KKPR permits with
 * {@code --kind industrial-company}) against the rulebook and writes one row per site and rule, as CSV or GeoJSON (by
 * the output's extension). An estate is never counted as overlapping itself. Progress goes to stderr; the summary
 * (verdicts, and the KPI rule's "outside KPI" apart from "outside the plan") to stdout. Exit 0 when every site is
 * CONFORM, 1 when any is NOT_CONFORM or CONDITIONAL, 3 when the rest are INCOMPLETE, 2 bad input, 4 internal error.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Audit semua kawasan / check every estate (or every site of a file) and write one row per site and rule",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:every site CONFORM", "1:any NOT_CONFORM or CONDITIONAL", "2:bad input",
        "3:no NOT_CONFORM, but some INCOMPLETE", "4:internal error"})
final class AuditCommand implements Callable<Integer> {

  @Option(names = "--project", defaultValue = "layers/tapak.yml", description = "project file (default: ${DEFAULT-VALUE})")
  Path project;

  @ArgGroup(exclusive = true)
  Input input;

  static final class Input {
    @Option(names = "--layer", description = "estate layer id in the project (default: the first estate layer)")
    String layer;

    @Option(names = "--estates", description = "a GeoJSON, GeoPackage or KML file of estates, EPSG:4326")
    Path estates;
  }

  @Option(names = "--out", required = true, description = "output FILE.csv or FILE.geojson")
  Path out;

  @Option(names = "--kind", defaultValue = "new", description = "what each site is: new, expansion, sentra-ikm or "
      + "industrial-company (e.g. for a file of KKPR permits of factories; default: ${DEFAULT-VALUE})")
  String kind;

  @Option(names = "--name-field", description = "attribute holding each site's name (e.g. Nama_Usaha in the West "
      + "Java KKPR permits); default: the layer's fields.name, else nama or name")
  String nameField;

  @Option(names = "--quiet", description = "no progress on stderr")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean csv = name.endsWith(".csv");
    if (!csv && !name.endsWith(".geojson") && !name.endsWith(".json")) {
      System.err.println("tapak: --out must end in .csv or .geojson");
      return 2;
    }
    Proposal.Kind k = Proposal.Kind.parse(kind);
    if (k == null) {
      System.err.println("tapak: --kind must be new, expansion, sentra-ikm or industrial-company, got '" + kind + "'");
      return TapakCommand.BAD_INPUT;
    }
    Catalog catalog = CatalogLoader.load(project);
    ConformityEngine engine = new ConformityEngine(catalog, RulebookLoader.forCatalog(catalog));
    Layer layer = estates(catalog);
    if (nameField != null && !layer.fieldNames().contains(nameField)) {
      System.err.println("tapak: --name-field: no attribute '" + nameField + "' in " + layer.id() + " (attributes: "
          + String.join(", ", layer.fieldNames()) + ")");
      return TapakCommand.BAD_INPUT;
    }
    java.util.Map<String, Integer> verdicts = new java.util.TreeMap<>();
    java.util.Map<String, Integer> kpi = new java.util.TreeMap<>();
    long total = layer.count();
    List<AuditRows.Row> rows = new ArrayList<>();
    int[] checked = {0};
    int[] skipped = {0};
    long t0 = System.nanoTime();
    layer.scan(f -> {
      if (!(f.geometry() instanceof Polygonal)) {
        skipped[0]++;
        return true;
      }
      String estateName = nameOf(layer, f);
      // an estate is never counted against itself; a company site is not an estate
      String own = k.estate() ? layer.id() + "/" + f.id() : null;
      Proposal p = new Proposal(estateName, k, null, f.geometry(), List.of(), null, null, null, null, own, List.of());
      ConformityReport r = engine.check(p, layer.id() + "-" + f.id());
      checked[0]++;
      verdicts.merge(r.verdict().name(), 1, Integer::sum);
      r.finding("kpi-allocation").ifPresent(fd -> kpi.merge(fd.status().name(), 1, Integer::sum));
      if (!quiet && (checked[0] % 25 == 0 || checked[0] == total)) {
        System.err.printf("audit: %d/%d sites checked (%d s)%n", checked[0], total,
            (System.nanoTime() - t0) / 1_000_000_000L);
      }
      for (Finding fd : r.findings()) {
        rows.add(new AuditRows.Row(f.id(), estateName, r.verdict().name(), r.siteHa(), fd,
            fd.conflict() != null ? fd.conflict() : f.geometry()));
      }
      return true;
    });
    int checkedCount = checked[0];
    int skippedCount = skipped[0];
    if (csv) {
      AuditRows.writeCsv(rows, out);
    } else {
      AuditRows.writeGeoJson(rows, out);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("%d sites checked as %s (%d without a polygon skipped), %d rows written to %s in %d ms%n",
        checkedCount, k.wireName(), skippedCount, rows.size(), out, ms);
    System.out.println("verdicts: " + verdicts);
    if (!kpi.isEmpty()) {
      System.out.printf("kpi-allocation: %d outside KPI (FAIL), %d outside the plan's coverage or without KPI class "
          + "(NOT_ASSESSED), %d inside KPI (PASS), %d other %s%n", kpi.getOrDefault("FAIL", 0),
          kpi.getOrDefault("NOT_ASSESSED", 0), kpi.getOrDefault("PASS", 0), kpi.values().stream()
              .mapToInt(Integer::intValue).sum() - kpi.getOrDefault("FAIL", 0) - kpi.getOrDefault("NOT_ASSESSED", 0)
              - kpi.getOrDefault("PASS", 0), kpi);
    }
    if (verdicts.getOrDefault("NOT_CONFORM", 0) + verdicts.getOrDefault("CONDITIONAL", 0) > 0) {
      return TapakCommand.NOT_CONFORM;
    }
    return verdicts.getOrDefault("INCOMPLETE", 0) > 0 ? TapakCommand.INCOMPLETE : TapakCommand.OK;
  }

  private Layer estates(Catalog catalog) {
    if (input != null && input.estates != null) {
      Path file = input.estates.toAbsolutePath();
      String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
      SourceType type = n.endsWith(".gpkg") ? SourceType.GEOPACKAGE : n.endsWith(".kml") ? SourceType.KML
          : SourceType.GEOJSON;
      LayerSpec spec = new LayerSpec("audit_estates", LocalizedText.of("Kawasan diaudit", "Audited estates"),
          LayerRole.ESTATE, new SourceSpec(type, file.getFileName().toString(), null, null), null, null, null, null);
      return CatalogLoader.loadLayer(file, spec, file.getParent());
    }
    if (input != null && input.layer != null) {
      return catalog.layer(input.layer).orElseThrow(() -> TapakException.notFound("--layer", "no layer '" + input.layer
          + "' in " + project + "; layers: " + catalog.layers().stream().map(Layer::id).toList()));
    }
    List<Layer> es = catalog.layers(LayerRole.ESTATE);
    if (es.isEmpty()) {
      throw TapakException.unprocessable("--layer", "no layer with role estate in " + project
          + "; use --layer or --estates");
    }
    return es.get(0);
  }

  private String nameOf(Layer l, Feature f) {
    String n = f.text(nameField != null ? nameField : l.spec().fields().name());
    if (n == null) {
      n = f.text("nama") != null ? f.text("nama") : f.text("name");
    }
    return n == null ? f.id() : n;
  }
}
