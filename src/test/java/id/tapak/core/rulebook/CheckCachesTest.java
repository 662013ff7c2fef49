package id.tapak.core.rulebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.FeatureVisitor;
import id.tapak.core.catalog.FeaturePage;
import id.tapak.core.catalog.FeatureQuery;
import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.LayerSchema;
import id.tapak.core.catalog.LayerSpec;
import id.tapak.core.catalog.ProjectFile;
import id.tapak.core.catalog.ProjectInfo;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LocalizedText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * What one check asks of its layers is asked once and shared by its rules ({@link CheckContext#intersecting},
 * {@link CheckContext#piece}, the memoised coverage assessment), and the report is the same as when every rule asked
 * the layer itself. On real data: the West Java RTRW for 5 kab/kota ({@link JabarRtrwKpiTest}), read through a
 * layer that counts the exact queries it answers and passes each to the real layer.
 */
class CheckCachesTest {

  @BeforeAll
  static void load() {
    JabarRtrwKpiTest.load();
  }

  /** The real layer, counting each exact query by the identity of the geometry asked about. */
  static final class Counting implements Layer {
    final Layer real;
    final Map<Geometry, Integer> asked = new IdentityHashMap<>();

    Counting(Layer real) {
      this.real = real;
    }

    @Override
    public void intersecting(Geometry g, FeatureVisitor visitor) {
      asked.merge(g, 1, Integer::sum);
      real.intersecting(g, visitor);
    }

    @Override
    public LayerSpec spec() {
      return real.spec();
    }

    @Override
    public LayerSchema schema() {
      return real.schema();
    }

    @Override
    public long version() {
      return real.version();
    }

    @Override
    public boolean inMemory() {
      return real.inMemory();
    }

    @Override
    public long count() {
      return real.count();
    }

    @Override
    public Envelope bbox() {
      return real.bbox();
    }

    @Override
    public void visit(@Nullable Envelope env, FeatureVisitor visitor) {
      real.visit(env, visitor);
    }

    @Override
    public List<Feature> candidates(Envelope env) {
      return real.candidates(env);
    }

    @Override
    public List<Feature> nearest(Geometry g, int k) {
      return real.nearest(g, k);
    }

    @Override
    public Optional<Feature> feature(String id) {
      return real.feature(id);
    }

    @Override
    public FeaturePage query(FeatureQuery q) {
      return real.query(q);
    }

    @Override
    public List<Object> distinctValues(String field, int limit) {
      return real.distinctValues(field, limit);
    }
  }

  static ConformityReport check(ConformityEngine engine, double[] b) {
    String json = String.format(java.util.Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{"
        + "\"industrial_plot_ha\":20,\"ikm_ha\":1},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
        + "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}", b[0], b[1], b[2], b[1], b[2], b[3], b[0], b[3], b[0], b[1]);
    return engine.check(new ProposalParser(ProposalLimits.DEFAULT).parse(json.getBytes(StandardCharsets.UTF_8)),
        "same-id");
  }

  @Test
  void eachAreaIsAskedOncePerCheckAndTheReportIsTheSame() {
    ConformityEngine plain = JabarRtrwKpiTest.engine;
    Layer real = plain.catalog().layers().get(0);
    Counting counting = new Counting(real);
    ProjectFile pf = new ProjectFile(new ProjectInfo("jabar", LocalizedText.of("Jabar", "Jabar")),
        List.of(real.spec()), null);
    ConformityEngine counted = new ConformityEngine(new Catalog(pf, Path.of("layers/tapak.yml"), List.of(counting)),
        plain.rulebook());
    // inside KPI, on farmland, across the KPI edge (JabarRtrwKpiTest's sites, PostGIS reference hectares there)
    double[][] sites = {{107.4553, -6.4656, 107.4603, -6.4606}, {107.4070, -6.6705, 107.4130, -6.6645},
        {107.4761, -6.4475, 107.4821, -6.4415}};
    for (double[] b : sites) {
      counting.asked.clear();
      ConformityReport once = check(counted, b);
      // the plan layer serves the KPI, coverage, protected/LP2B-class overlap and settlement rules at the site:
      // several rules, one question each
      assertTrue(!counting.asked.isEmpty(), "the plan layer was asked");
      counting.asked.forEach((g, n) -> assertEquals(1, n, "asked " + n + " times about " + g));
      ConformityReport each = check(plain, b);
      assertEquals(each.findings(), once.findings(), "the same findings, figures and geometries");
      assertEquals(each.verdict(), once.verdict());
      assertEquals(each.netHa(), once.netHa());
    }
    // and a second check asks again: nothing is kept from one check to the next
    counting.asked.clear();
    check(counted, sites[0]);
    int first = counting.asked.size();
    check(counted, sites[0]);
    assertEquals(2 * first, counting.asked.size(), "the second check asked about its own site and areas again");
  }

  /**
   * A polygon the site covers is its own piece, without an overlay, and every piece is the same ground as the overlay
   * of the site with the feature: 300 square sites on the real West Java province RTRW's conservation layer (6 589
   * polygons, many of a few hectares), half of them of 1–300 ha anywhere, half around a small polygon.
   */
  @Test
  void aFeatureTheSiteCoversIsItsOwnPiece() {
    LayerSpec spec = new LayerSpec("konservasi", LocalizedText.of("Konservasi", "Conservation"),
        id.tapak.core.model.LayerRole.SPATIAL_PLAN, new id.tapak.core.source.SourceSpec(
            id.tapak.core.source.SourceType.GEOPACKAGE, "rtrwp_jabar_polaruang_layers.gpkg", "kawasan_konservasi",
            null), new id.tapak.core.catalog.FieldMapping(null, "NAMOBJ", "NAMOBJ", null, null, null, null), null, null,
        null);
    Layer layer = id.tapak.core.catalog.CatalogLoader.loadLayer(id.tapak.SharedData.JABAR_PROJECT, spec,
        id.tapak.SharedData.JABAR);
    Catalog catalog = new Catalog(new ProjectFile(new ProjectInfo("jabar", LocalizedText.of("Jabar", "Jabar")),
        List.of(spec), null), id.tapak.SharedData.JABAR_PROJECT, List.of(layer));
    Envelope all = layer.bbox();
    List<Envelope> small = new java.util.ArrayList<>();
    layer.scan(f -> {
      Envelope e = f.geometry().getEnvelopeInternal();
      if (e.getWidth() < 0.01 && e.getHeight() < 0.01) {
        small.add(e);
      }
      return true;
    });
    assertTrue(small.size() > 100, small.size() + " small polygons");
    java.util.Random random = new java.util.Random(20261202);
    int covered = 0;
    int crossing = 0;
    for (int i = 0; i < 300; i++) {
      double side;
      double x;
      double y;
      if (i % 2 == 0) {
        Envelope e = small.get(random.nextInt(small.size()));
        side = Math.max(e.getWidth(), e.getHeight()) * (1.25 + random.nextDouble()) + 1e-4;
        x = e.centre().x - side / 2;
        y = e.centre().y - side / 2;
      } else {
        side = Math.sqrt((1 + random.nextDouble() * 299) * 1e4) / 110_000; // degrees, about 1–300 ha
        x = all.getMinX() + random.nextDouble() * (all.getWidth() - side);
        y = all.getMinY() + random.nextDouble() * (all.getHeight() - side);
      }
      String json = String.format(java.util.Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
          + "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}", x, y, x + side, y,
          x + side, y + side, x, y + side, x, y);
      Proposal p = new ProposalParser(ProposalLimits.DEFAULT).parse(json.getBytes(StandardCharsets.UTF_8));
      CheckContext ctx = new CheckContext(p, catalog);
      for (Feature f : ctx.intersecting(layer, ctx.site)) {
        Geometry piece = ctx.piece(ctx.site, f);
        Geometry overlay = org.locationtech.jts.operation.overlayng.OverlayNGRobust.overlay(ctx.site, f.geometry(),
            org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION);
        if (ctx.site.covers(f.geometry())) {
          covered++;
          Geometry own = f.geometry().getNumGeometries() == 1 ? f.geometry().getGeometryN(0) : f.geometry();
          org.junit.jupiter.api.Assertions.assertSame(own, piece, "a covered feature is its own piece");
          assertEquals(overlay.getGeometryType(), piece.getGeometryType(), "of the type the overlay gives");
        } else {
          crossing++;
        }
        double diff = org.locationtech.jts.operation.overlayng.OverlayNGRobust.overlay(piece, overlay,
            org.locationtech.jts.operation.overlayng.OverlayNG.SYMDIFFERENCE).getArea();
        assertTrue(diff <= 1e-12 * Math.max(overlay.getArea(), 1e-12), "site " + i + " feature " + f.id()
            + ": the same ground as the overlay, " + diff + " deg² apart");
      }
    }
    assertTrue(covered > 100, covered + " covered features");
    assertTrue(crossing > 100, crossing + " crossing features");
  }

  /** The class-name normalisation is the regular expression it replaced, on names as layers spell them. */
  @Test
  void normaliseCollapsesRunsOfWhitespaceAndUnderscores() {
    for (String s : List.of("Kawasan Peruntukan Industri", "  KAWASAN_PERUNTUKAN__INDUSTRI ", "Kawasan\t\tHutan\n"
        + "Produksi", "_lead_and_trail_", "a _ b", "Permukiman\u000B\fPerkotaan", "", "   ", "ÄÖ Ü_ß",
        "KPI\r\nKI")) {
      assertEquals(s.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_]+", " "), CheckContext.normalise(s),
          s);
    }
  }
}
