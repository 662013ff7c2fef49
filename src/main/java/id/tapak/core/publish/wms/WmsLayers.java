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
 * The layers a WMS client sees: every catalog layer, plus the check store's layers {@code check_sites} and
 * {@code check_conflicts} (together requestable as {@code checks}; the vendor parameter {@code CHECK_ID} keeps one
 * check's features), plus the layers computed from the catalog (corridor suitability grids and candidate sites,
 * {@link DerivedLayer}). All are ordinary {@link Layer}s, read through the same queries. Each layer has its built-in
 * {@code default} style and the named styles of the SLD file its {@code style:} key names. Layers in memory are
 * projected once per map CRS and data version and kept (EPSG:4326 and EPSG:3857 for good, other CRSs in a small
 * LRU). Thread-safe.
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
   * @param derived how a derived layer (corridor grids…) is published, null otherwise
   * @param data the layer that answers the entry's queries: the catalog layer, a check store's or a derived one
   */
  public record Entry(String name, LocalizedText title, @Nullable LayerRole role, @Nullable Layer layer,
      List<Style> styles, @Nullable DerivedLayer derived, Layer data) {
    public Entry {
      styles = List.copyOf(styles);
      Objects.requireNonNull(data, "data");
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
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  /** A projection and the data version it was made of, so an edited layer is projected again. */
  private record Projected(long version, ProjectedLayer layer) {}
  private final Map<String, Projected> projected = new ConcurrentHashMap<>();
  private final Map<String, Projected> otherCrs = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Projected> e) {
      return size() > OTHER_CRS_ENTRIES;
    }
  };

  /**
   * The catalog's layers only: no check store (no {@code checks} layers), nothing derived.
   *
   * @throws ProjectFileException when a layer's SLD file is missing or invalid (start-up must stop)
   */
  public WmsLayers(Catalog catalog) {
    this(catalog, List.of(), List.of());
  }

  /**
   * @param checks the check store's layers {@value #CHECK_SITES} and {@value #CHECK_CONFLICTS}, in this order, or
   *     none
   * @param derived layers computed from the catalog (corridor grids and candidate sites), after the check layers
   * @throws ProjectFileException when a layer's SLD file is missing or invalid (start-up must stop)
   */
  public WmsLayers(Catalog catalog, List<Layer> checks, List<DerivedLayer> derived) {
    this.catalog = catalog;
    if (!checks.isEmpty() && !checks.stream().map(Layer::id).toList().equals(List.of(CHECK_SITES, CHECK_CONFLICTS))) {
      throw new IllegalArgumentException("the check layers must be " + CHECK_SITES + " and " + CHECK_CONFLICTS
          + ", got " + checks.stream().map(Layer::id).toList());
    }
    for (Layer l : catalog.layers()) {
      List<Style> styles = new ArrayList<>();
      styles.add(DefaultStyles.forRole(l.role(), l.spec().fields()));
      if (l.spec().style() != null) {
        styles.addAll(sldStyles(catalog, l));
      }
      entries.put(l.id(), new Entry(l.id(), l.spec().title(), l.role(), l, styles, null, l));
    }
    for (Layer l : checks) {
      entries.put(l.id(), new Entry(l.id(), l.spec().title(), null, null, List.of(CHECK_SITES.equals(l.id())
          ? DefaultStyles.checkSites() : DefaultStyles.checkConflicts()), null, l));
    }
    for (DerivedLayer d : derived) {
      if (entries.containsKey(d.name()) || CHECKS.equals(d.name())) {
        throw new IllegalArgumentException("derived WMS layer " + d.name() + " clashes with a layer of the catalog");
      }
      entries.put(d.name(), new Entry(d.name(), d.title(), null, null, List.of(d.style()), d, d.layer()));
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

  /** True when a check store's layers are published (the group {@code checks}). */
  public boolean hasChecks() {
    return entries.containsKey(CHECK_SITES);
  }

  /** The entries a requested name draws: the group {@code checks} draws both check layers. */
  public List<Entry> expand(String name, String locator) {
    if (CHECKS.equals(name) && hasChecks()) {
      return List.of(entries.get(CHECK_SITES), entries.get(CHECK_CONFLICTS));
    }
    return List.of(entry(name, locator));
  }

  /**
   * A version that changes whenever what a map shows may change: any catalog layer's data ({@link Catalog#version()},
   * which a live PostGIS layer checks at most every few hundred milliseconds) or any other published layer's (the
   * check store's, which changes with every check stored or deleted by any instance; a derived layer's).
   */
  public long version() {
    long v = catalog.version();
    for (Entry e : entries.values()) {
      if (e.layer() == null) {
        v = v * 1_000_003L + e.data().version();
      }
    }
    return v;
  }

  /**
   * The features of a layer whose envelope meets an EPSG:4326 lon/lat envelope; on the check layers only those of
   * check {@code checkId} when it is given.
   */
  public List<Feature> candidates(Entry e, Envelope lonLat, @Nullable String checkId) {
    List<Feature> all = e.data().candidates(lonLat);
    if (checkId == null || !isCheckLayer(e)) {
      return all;
    }
    return all.stream().filter(f -> checkId.equals(f.properties().get("check_id"))).toList();
  }

  private static boolean isCheckLayer(Entry e) {
    return e.name().equals(CHECK_SITES) || e.name().equals(CHECK_CONFLICTS);
  }

  /**
   * The layer projected into the map CRS for a map over {@code lonLat} (EPSG:4326 lon/lat): the whole layer, cached
   * per data version, for layers in memory (files, derived layers); only the features in the map's box, fresh per
   * map, for layers that are not: a live PostGIS layer (never the whole table; clipped and thinned for this view and
   * style in SQL, {@link MapRenderer#drawQuery}) and the (small, changing) check store's layers.
   */
  public ProjectedLayer projected(Entry e, MapView view, Style style, @Nullable String checkId, Envelope lonLat) {
    MapCrs crs = view.crs();
    Layer layer = e.data();
    if (isCheckLayer(e)) {
      return ProjectedLayer.of(candidates(e, lonLat, checkId), crs.projection());
    }
    if (!layer.inMemory()) {
      List<Feature> drawn = new ArrayList<>();
      layer.visitForDrawing(MapRenderer.drawQuery(view, style), drawn::add);
      return ProjectedLayer.of(drawn, crs.projection());
    }
    return cached(layer, crs);
  }

  /**
   * A projection of every feature of a layer in memory, kept for good in EPSG:4326 and EPSG:3857, in a small LRU for
   * the other CRSs; made again when the layer's version moved (one entry per layer and CRS, never one per version).
   */
  private ProjectedLayer cached(Layer layer, MapCrs crs) {
    String key = layer.id() + "@" + crs.epsg();
    long version = layer.version();
    Supplier<Projected> make = () -> {
      List<Feature> all = new ArrayList<>();
      layer.scan(all::add);
      return new Projected(version, ProjectedLayer.of(all, crs.projection()));
    };
    if (crs.epsg() == 4326 || crs.epsg() == 3857) {
      return projected.compute(key, (k, p) -> p != null && p.version() == version ? p : make.get()).layer();
    }
    synchronized (otherCrs) {
      Projected p = otherCrs.get(key);
      if (p == null || p.version() != version) {
        p = make.get();
        otherCrs.put(key, p);
      }
      return p.layer();
    }
  }
}
