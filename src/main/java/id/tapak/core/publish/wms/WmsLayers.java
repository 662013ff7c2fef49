package id.tapak.core.publish.wms;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.ProjectFileException;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.publish.render.MapCrs;
import id.tapak.core.publish.render.MapRenderer;
import id.tapak.core.publish.render.MapView;
import id.tapak.core.publish.render.ProjectedLayer;
import id.tapak.core.publish.style.DefaultStyles;
import id.tapak.core.publish.style.SldReader;
import id.tapak.core.publish.style.Style;
import id.tapak.core.rulebook.CheckFeatures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;

/**
 * The layers a WMS client sees: every catalog layer, plus the stored check results as {@code check_sites} and
 * {@code check_conflicts} (together requestable as {@code checks}), plus the layers derived from the catalog
 * (corridor suitability grids and candidate sites, {@link DerivedLayer}). Each layer has its built-in {@code default}
 * style and the named styles of the SLD file its {@code style:} key names. Catalog layers are projected once per
 * map CRS and kept (EPSG:4326 and EPSG:3857 for good, other CRSs in a small LRU). Thread-safe.
 */
public final class WmsLayers {

  public static final String CHECKS = "checks";
  public static final String CHECK_SITES = "check_sites";
  public static final String CHECK_CONFLICTS = "check_conflicts";

  /** Most projections kept for CRSs other than EPSG:4326 and EPSG:3857 (each one costs a copy of the layer). */
  private static final int OTHER_CRS_ENTRIES = 8;

  /**
   * One WMS layer.
   *
   * @param name WMS layer name (catalog id or a check layer name)
   * @param title Indonesian and English title
   * @param role the catalog role, null for check layers
   * @param layer the catalog layer, null for check and derived layers
   * @param styles default style first, then named SLD styles
   * @param derived the derived layer (corridor grids…), null otherwise
   */
  public record Entry(String name, LocalizedText title, @Nullable LayerRole role, @Nullable Layer layer,
      List<Style> styles, @Nullable DerivedLayer derived) {
    public Entry {
      styles = List.copyOf(styles);
    }

    Entry(String name, LocalizedText title, @Nullable LayerRole role, @Nullable Layer layer, List<Style> styles) {
      this(name, title, role, layer, styles, null);
    }

    /** The style named in STYLES ("" or "default" = the built-in one); StyleNotDefined otherwise. */
    public Style style(String name) {
      if (name.isEmpty()) {
        return styles.get(0);
      }
      for (Style s : styles) {
        if (s.name().equals(name)) {
          return s;
        }
      }
      throw new WmsException(WmsException.STYLE_NOT_DEFINED, "STYLES",
          "style " + name + " is not defined for layer " + this.name);
    }
  }

  private final Catalog catalog;
  private final Supplier<@Nullable CheckFeatures> checks;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Map<String, ProjectedLayer> projected = new ConcurrentHashMap<>();
  private final Map<String, ProjectedLayer> otherCrs = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, ProjectedLayer> e) {
      return size() > OTHER_CRS_ENTRIES;
    }
  };

  /**
   * @param checks the check store, or a supplier of null when none is wired
   * @throws ProjectFileException when a layer's SLD file is missing or invalid (start-up must stop)
   */
  public WmsLayers(Catalog catalog, Supplier<@Nullable CheckFeatures> checks) {
    this(catalog, checks, List.of());
  }

  /**
   * @param derived layers computed from the catalog (corridor grids and candidate sites), after the check layers
   */
  public WmsLayers(Catalog catalog, Supplier<@Nullable CheckFeatures> checks, List<DerivedLayer> derived) {
    this.catalog = catalog;
    this.checks = checks;
    for (Layer l : catalog.layers()) {
      List<Style> styles = new ArrayList<>();
      styles.add(DefaultStyles.forRole(l.role(), l.spec().fields()));
      if (l.spec().style() != null) {
        styles.addAll(sldStyles(catalog, l));
      }
      entries.put(l.id(), new Entry(l.id(), l.spec().title(), l.role(), l, styles));
    }
    entries.put(CHECK_SITES, new Entry(CHECK_SITES, LocalizedText.of("Lokasi yang diperiksa", "Checked sites"),
        null, null, List.of(DefaultStyles.checkSites())));
    entries.put(CHECK_CONFLICTS, new Entry(CHECK_CONFLICTS,
        LocalizedText.of("Konflik hasil pemeriksaan", "Check conflicts"), null, null,
        List.of(DefaultStyles.checkConflicts())));
    for (DerivedLayer d : derived) {
      if (entries.containsKey(d.name()) || CHECKS.equals(d.name())) {
        throw new IllegalArgumentException("derived WMS layer " + d.name() + " clashes with a layer of the catalog");
      }
      entries.put(d.name(), new Entry(d.name(), d.title(), null, null, List.of(d.style()), d));
    }
  }

  /**
   * Reads every named SLD style of the project, so a missing or invalid style file stops start-up with one line
   * naming the project file, the layer and the key before the service starts.
   *
   * @throws ProjectFileException naming file, layer and key
   */
  public static void checkStyles(Catalog catalog) {
    for (Layer l : catalog.layers()) {
      if (l.spec().style() != null) {
        sldStyles(catalog, l);
      }
    }
  }

  private static List<Style> sldStyles(Catalog catalog, Layer layer) {
    String layerId = layer.id();
    Path file = catalog.baseDir().resolve(java.util.Objects.requireNonNull(layer.spec().style())).normalize();
    String where = catalog.projectPath() + ": layer '" + layerId + "': key 'style': ";
    try (InputStream in = Files.newInputStream(file)) {
      Map<String, List<Style>> byLayer = SldReader.read(in);
      List<Style> s = byLayer.get(layerId);
      if (s == null && byLayer.size() == 1) {
        s = byLayer.values().iterator().next();
      }
      if (s == null) {
        throw new ProjectFileException(where + file + " has no NamedLayer '" + layerId + "' (it has "
            + String.join(", ", byLayer.keySet()) + ")");
      }
      return s;
    } catch (IOException e) {
      throw new ProjectFileException(where + "cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
    } catch (SldReader.SldException e) {
      throw new ProjectFileException(where + file + ": " + e.getMessage(), e);
    }
  }

  public Catalog catalog() {
    return catalog;
  }

  /** All layers: catalog order, then the check layers. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** A layer by WMS name; LayerNotDefined otherwise. {@code checks} is not an entry: see {@link #expand}. */
  public Entry entry(String name, String locator) {
    Entry e = entries.get(name);
    if (e == null) {
      throw new WmsException(WmsException.LAYER_NOT_DEFINED, locator, "layer " + name + " is not defined");
    }
    return e;
  }

  /** The entries a requested name draws: the group {@code checks} draws both check layers. */
  public List<Entry> expand(String name, String locator) {
    if (CHECKS.equals(name)) {
      return List.of(entries.get(CHECK_SITES), entries.get(CHECK_CONFLICTS));
    }
    return List.of(entry(name, locator));
  }

  /**
   * A version that changes whenever what a map shows may change: any layer's data ({@link Catalog#version()}, which
   * a live PostGIS layer checks at most every few hundred milliseconds) or the stored checks.
   */
  public long version() {
    CheckFeatures c = checks.get();
    return catalog.version() * 1_000_003L + (c == null ? 0 : c.version());
  }

  /** The features of a layer whose envelope meets an EPSG:4326 lon/lat envelope. */
  public List<Feature> candidates(Entry e, Envelope lonLat, @Nullable String checkId) {
    if (e.layer() != null) {
      return e.layer().candidates(lonLat);
    }
    List<Feature> out = new ArrayList<>();
    for (Feature f : e.derived() != null ? e.derived().features().get() : checkFeatures(e, checkId, lonLat)) {
      if (f.geometry().getEnvelopeInternal().intersects(lonLat)) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * The layer projected into the map CRS for a map over {@code lonLat} (EPSG:4326 lon/lat): the whole layer, cached
   * per data version, for layers in memory and derived layers; only the features in the map's box, fresh per map,
   * for a live PostGIS layer (never the whole table; clipped and thinned for this view and style in SQL,
   * {@link MapRenderer#drawQuery}) and for the (small, changing) check layers.
   */
  public ProjectedLayer projected(Entry e, MapView view, Style style, @Nullable String checkId, Envelope lonLat) {
    MapCrs crs = view.crs();
    Layer layer = e.layer();
    DerivedLayer d = e.derived();
    if (d != null) {
      return cached("derived:" + d.name(), crs, d.features());
    }
    if (layer == null) {
      return ProjectedLayer.of(checkFeatures(e, checkId, lonLat), crs.projection());
    }
    if (!layer.inMemory()) {
      List<Feature> drawn = new ArrayList<>();
      layer.visitForDrawing(MapRenderer.drawQuery(view, style), drawn::add);
      return ProjectedLayer.of(drawn, crs.projection());
    }
    return cached(layer.id() + "#" + layer.version(), crs, () -> {
      List<Feature> all = new ArrayList<>();
      layer.scan(all::add);
      return all;
    });
  }

  /** A projection kept for good in EPSG:4326 and EPSG:3857, in a small LRU for the other CRSs. */
  private ProjectedLayer cached(String id, MapCrs crs, Supplier<List<Feature>> features) {
    String key = id + "@" + crs.epsg();
    if (crs.epsg() == 4326 || crs.epsg() == 3857) {
      return projected.computeIfAbsent(key, k -> ProjectedLayer.of(features.get(), crs.projection()));
    }
    synchronized (otherCrs) {
      ProjectedLayer p = otherCrs.get(key);
      if (p == null) {
        p = ProjectedLayer.of(features.get(), crs.projection());
        otherCrs.put(key, p);
      }
      return p;
    }
  }

  /** The stored checks in the map's box only, from the store's spatial index (never every stored check). */
  private List<Feature> checkFeatures(Entry e, @Nullable String checkId, Envelope lonLat) {
    CheckFeatures c = checks.get();
    if (c == null) {
      return List.of();
    }
    return Objects.equals(e.name(), CHECK_SITES) ? c.sites(checkId, lonLat) : c.conflicts(checkId, lonLat);
  }
}
