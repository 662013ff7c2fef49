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
 * {@code tapak audit}: checks every estate of a layer (or of a file) against the rulebook and writes one row per
 * estate and rule, as CSV or GeoJSON (by the output's extension). An estate is never counted as overlapping itself.
 * Estates carry no IKM or composition data, so those rules report what is missing.
 */
@Command(name = "audit", description = "Audit semua kawasan / check every estate and write one row per estate and rule")
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

  @Override
  public Integer call() throws IOException {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean csv = name.endsWith(".csv");
    if (!csv && !name.endsWith(".geojson") && !name.endsWith(".json")) {
      System.err.println("tapak: --out must end in .csv or .geojson");
      return 2;
    }
    Catalog catalog = CatalogLoader.load(project);
    ConformityEngine engine = new ConformityEngine(catalog, RulebookLoader.forCatalog(catalog));
    Layer layer = estates(catalog);
    List<AuditRows.Row> rows = new ArrayList<>();
    int checked = 0;
    int skipped = 0;
    long t0 = System.nanoTime();
    for (Feature f : layer.features()) {
      if (!(f.geometry() instanceof Polygonal)) {
        skipped++;
        continue;
      }
      String estateName = nameOf(layer, f);
      Proposal p = new Proposal(estateName, Proposal.Kind.NEW, null, f.geometry(), List.of(), null, null, null, null,
          layer.id() + "/" + f.id(), List.of());
      ConformityReport r = engine.check(p, layer.id() + "-" + f.id());
      checked++;
      for (Finding fd : r.findings()) {
        rows.add(new AuditRows.Row(f.id(), estateName, r.verdict().name(), r.siteHa(), fd,
            fd.conflict() != null ? fd.conflict() : f.geometry()));
      }
    }
    if (csv) {
      AuditRows.writeCsv(rows, out);
    } else {
      AuditRows.writeGeoJson(rows, out);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("%d estates checked (%d without a polygon skipped), %d rows written to %s in %d ms%n", checked,
        skipped, rows.size(), out, ms);
    return 0;
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
      return catalog.layer(input.layer).orElseThrow(() -> new IllegalArgumentException("no layer '" + input.layer
          + "' in " + project + "; layers: " + catalog.layers().stream().map(Layer::id).toList()));
    }
    List<Layer> es = catalog.layers(LayerRole.ESTATE);
    if (es.isEmpty()) {
      throw new IllegalArgumentException("no layer with role estate in " + project + "; use --layer or --estates");
    }
    return es.get(0);
  }

  private static String nameOf(Layer l, Feature f) {
    String n = f.text(l.spec().fields().name());
    if (n == null) {
      n = f.text("nama") != null ? f.text("nama") : f.text("name");
    }
    return n == null ? f.id() : n;
  }
}
