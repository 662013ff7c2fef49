package id.tapak.core.store;

import id.tapak.core.catalog.FeaturePage;
import id.tapak.core.catalog.FeatureQuery;
import id.tapak.core.catalog.FeatureVisitor;
import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.LayerSchema;
import id.tapak.core.catalog.LayerSpec;
import id.tapak.core.model.Feature;
import id.tapak.core.model.GeometryKind;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.source.SourceSpec;
import id.tapak.core.source.SourceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The stored checks as an ordinary {@link Layer}, one per {@link Kind}: {@code check_sites} (one feature per check:
 * {@code check_id, name, verdict, area_ha}) and {@code check_conflicts} (one per conflict geometry and per part of a
 * site a rule could not assess: {@code check_id, rule, status, hectares, message}), EPSG:4326 lon/lat, in the order
 * the checks were stored. Every query goes to the store ({@link #inMemory()} is false): an envelope query through
 * its spatial index (SQLite: the R*Tree {@code check_boxes}, one box per check, see {@link CheckBoxes}; PostGIS:
 * {@code &&} on the GIST indexes), then the exact envelope test here, so {@link #visit} answers as a
 * {@code MemoryLayer} of the same features would. Feature ids: the check id for a site;
 * {@code <check id>-<rule>} for a conflict, {@code <check id>-<rule>-not-assessed} for a part not assessed.
 *
 * <p>{@link #version()} is the store's ({@link StoredChecks#version()}): it changes when any instance sharing the
 * store saves or deletes a check, so a tile cache keyed on it never serves a stale map. These layers are not in the
 * catalog: no rule reads them (rules resolve their layers through the catalog), and the OGC API does not list them.
 * Thread-safe (the store is).
 */
public final class CheckLayer implements Layer {

  /** Which of the two layers. */
  public enum Kind {
    SITES("check_sites", LocalizedText.of("Lokasi yang diperiksa", "Checked sites"),
        List.of("check_id", "name", "verdict", "area_ha"), GeometryKind.POLYGON),
    CONFLICTS("check_conflicts", LocalizedText.of("Konflik hasil pemeriksaan", "Check conflicts"),
        List.of("check_id", "rule", "status", "hectares", "message"), GeometryKind.MIXED);

    private final LayerSpec spec;
    private final LayerSchema schema;

    Kind(String id, LocalizedText title, List<String> fields, GeometryKind kind) {
      // a checked site is a proposed estate, hence the role; the source names the store, not a file of tapak.yml
      this.spec = new LayerSpec(id, title, LayerRole.PLANNED_ESTATE, new SourceSpec(SourceType.DERIVED,
          "check store", null, null), null, null, null, null);
      // conflicts are parts of sites (polygons) or what crosses them (lines): their kind is mixed
      this.schema = new LayerSchema(fields, kind, 4326, 0, 0, null);
    }

    /** The layer id ({@code check_sites}, {@code check_conflicts}), also the WMS layer name. */
    public String id() {
      return spec.id();
    }
  }

  /** What a check layer asks of its store; both stores implement it. */
  interface Rows {

    /**
     * Streams the rows of one kind in layer order, optionally only those whose check the store's index finds in a
     * box and only the feature with one id, stopping when the visitor says so.
     */
    void visit(Kind kind, @Nullable Envelope box, @Nullable String featureId, FeatureVisitor visitor);

    /** How many rows of one kind are stored. */
    long count(Kind kind);

    /** See {@link StoredChecks#version()}. */
    long version();
  }

  private final Kind kind;
  private final Rows rows;

  CheckLayer(Kind kind, Rows rows) {
    this.kind = kind;
    this.rows = rows;
  }

  @Override
  public LayerSpec spec() {
    return kind.spec;
  }

  @Override
  public LayerSchema schema() {
    return kind.schema;
  }

  @Override
  public long version() {
    return rows.version();
  }

  @Override
  public boolean inMemory() {
    return false;
  }

  @Override
  public long count() {
    return rows.count(kind);
  }

  /** Exact: every stored geometry's envelope (a full read of the layer; no caller needs it per request). */
  @Override
  public Envelope bbox() {
    Envelope all = new Envelope();
    scan(f -> {
      all.expandToInclude(f.geometry().getEnvelopeInternal());
      return true;
    });
    return all;
  }

  @Override
  public void visit(@Nullable Envelope env, FeatureVisitor visitor) {
    rows.visit(kind, env, null,
        env == null ? visitor : f -> !f.geometry().getEnvelopeInternal().intersects(env) || visitor.visit(f));
  }

  @Override
  public List<Feature> nearest(Geometry g, int k) {
    if (k <= 0) {
      return List.of();
    }
    record Near(Feature f, double d, int order) {}
    PriorityQueue<Near> best = new PriorityQueue<>(Comparator.comparingDouble(Near::d).reversed()
        .thenComparing(Comparator.comparingInt(Near::order)));
    int[] order = {0};
    scan(f -> {
      best.add(new Near(f, f.geometry().distance(g), order[0]++));
      if (best.size() > k) {
        best.poll();
      }
      return true;
    });
    List<Near> out = new ArrayList<>(best);
    out.sort(Comparator.comparingDouble(Near::d).thenComparingInt(Near::order));
    return out.stream().map(Near::f).toList();
  }

  @Override
  public Optional<Feature> feature(String id) {
    Feature[] found = {null};
    rows.visit(kind, null, id, f -> {
      found[0] = f;
      return false;
    });
    return Optional.ofNullable(found[0]);
  }

  @Override
  public FeaturePage query(FeatureQuery q) {
    List<Feature> page = new ArrayList<>();
    int[] matched = {0};
    FeatureVisitor collect = f -> {
      if (matched[0] >= q.offset() && page.size() < q.limit()) {
        page.add(f);
      }
      matched[0]++;
      return true;
    };
    if (q.bbox() == null) {
      scan(collect);
    } else {
      intersecting(id.tapak.core.geo.GeoJson.FACTORY.toGeometry(q.bbox()), collect);
    }
    return new FeaturePage(page, matched[0]);
  }

  @Override
  public List<Object> distinctValues(String field, int limit) {
    Set<Object> out = new LinkedHashSet<>();
    scan(f -> {
      Object v = f.properties().get(field);
      return v == null || !out.add(v) || out.size() < limit;
    });
    return List.copyOf(out);
  }
}
