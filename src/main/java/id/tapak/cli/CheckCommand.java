package id.tapak.cli;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.publish.report.ReportWriter;
import id.tapak.core.rulebook.ConformityEngine;
import id.tapak.core.rulebook.ConformityReport;
import id.tapak.core.rulebook.ProposalFiles;
import id.tapak.core.rulebook.ProposalLimits;
import id.tapak.core.rulebook.ProposalParser;
import id.tapak.core.rulebook.RulebookLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tapak check --proposal FILE}: checks one proposed site (a GeoJSON Feature or FeatureCollection, as sent to
 * {@code POST /api/checks}) and prints the report. Nothing is stored, so no check id is printed. Exit 0 CONFORM,
 * 1 CONDITIONAL or NOT_CONFORM, 2 bad input, 3 INCOMPLETE, 4 internal error.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Periksa satu tapak / check one proposed site against the rulebook",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:CONFORM", "1:NOT_CONFORM or CONDITIONAL", "2:bad input", "3:INCOMPLETE (a rule that can fail "
        + "was not assessed over the whole site)", "4:internal error"})
final class CheckCommand implements Callable<Integer> {

  enum Format { text, json, geojson }

  @Option(names = "--project", description = "project file (default: ${DEFAULT-VALUE})",
      defaultValue = "layers/tapak.yml")
  Path project;

  @Option(names = "--proposal", required = true, description = "GeoJSON Feature or FeatureCollection (EPSG:4326), "
      + "or a .kml, .gpkg or zipped shapefile (.zip) whose features are the site and, with a 'use' attribute, zones")
  Path proposal;

  @Option(names = "--property", description = "request property for non-GeoJSON files, e.g. --property ikm_ha=1.5 "
      + "(name, kind, special_case, industrial_plot_ha, ikm_ha, green_space_ha, road_ha, kbli, exception)")
  java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();

  @Option(names = "--format", defaultValue = "text", description = "text, json or geojson (default: ${DEFAULT-VALUE})")
  Format format;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(proposal)) {
      System.err.println("tapak: proposal file not found: " + proposal);
      return 2;
    }
    String n = proposal.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    ProposalParser parser = new ProposalParser(ProposalLimits.DEFAULT);
    id.tapak.core.rulebook.Proposal p;
    if (n.endsWith(".geojson") || n.endsWith(".json")) {
      p = parser.parse(Files.readAllBytes(proposal));
    } else {
      Path scratch = Files.createTempDirectory("tapak-check");
      try {
        p = ProposalFiles.read(proposal, scratch, properties, parser);
      } finally {
        try (var s = Files.walk(scratch)) {
          s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
    }
    Catalog catalog = CatalogLoader.load(project);
    ConformityEngine engine = new ConformityEngine(catalog, RulebookLoader.forCatalog(catalog));
    // the CLI stores nothing: the report carries no id a client could look up
    ConformityReport r = engine.check(p, "unstored");
    switch (format) {
      case json -> System.out.println(new String(ReportWriter.json(r, null), StandardCharsets.UTF_8));
      case geojson -> System.out.println(new String(ReportWriter.geoJson(r), StandardCharsets.UTF_8));
      default -> System.out.print(ReportWriter.text(r));
    }
    return TapakCommand.exitCode(r.verdict());
  }
}
