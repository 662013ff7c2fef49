package id.tapak.core.catalog;

import id.tapak.core.geo.CrsRegistry;
import id.tapak.core.geo.GeometryRepair;
import id.tapak.core.geo.GeometryTransform;
import id.tapak.core.model.Feature;
import id.tapak.core.source.LayerSource;
import id.tapak.core.source.LayerSources;
import id.tapak.core.source.SourceException;
import id.tapak.core.source.SourceFeature;
import id.tapak.core.source.SourceSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Loads a project: binds {@code tapak.yml}, opens each layer's source, checks the field mapping against the source's
 * fields, reprojects to EPSG:4326, repairs invalid geometries (counted per layer) and builds a {@link MemoryLayer}
 * (features + STRtree) per layer; a live PostGIS layer is opened without reading anything ({@link LayerSources#live}).
 * Layers load in parallel on up to {@code min(4, cores)} threads, and the geometries of one layer are repaired in
 * parallel (the common fork-join pool); with a cache folder ({@link #load(Path, Path)}) a geometry whose repair is
 * remembered there ({@link RepairCache}, keyed by the geometry's digest) is not tested again. Any error stops the
 * load with one line naming the file, the layer and the key.
 */
public final class CatalogLoader {

  private CatalogLoader() {}

  /** Reads the project file and loads every layer, testing every geometry (no repair cache). */
  public static Catalog load(Path projectFile) {
    return load(projectFile, null);
  }

  /**
   * Reads the project file and loads every layer; with a cache folder, the repair of each in-memory layer is
   * remembered there across restarts ({@link RepairCache}: keyed by each geometry's digest, so never stale).
   */
  public static Catalog load(Path projectFile, @Nullable Path cacheDir) {
    ProjectFile project = ProjectLoader.read(projectFile);
    Path base = projectFile.toAbsolutePath().getParent();
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "tapak-load");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Layer>> futures = new ArrayList<>();
      for (LayerSpec spec : project.layers()) {
        // an explicit project extent is checked per layer; without one, see regionCheck below
        Envelope region = project.project().extent() == null ? null : project.project().region();
        futures.add(pool.submit(() -> loadLayer(projectFile, spec, base, region, cacheDir)));
      }
      List<Layer> layers = new ArrayList<>();
      for (Future<Layer> f : futures) {
        layers.add(get(f));
      }
      regionCheck(projectFile, project, layers);
      return new Catalog(project, projectFile, layers);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Layer get(Future<Layer> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ProjectFileException pfe) {
        throw pfe;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading layers", e);
    }
  }

  /** Loads one layer; public so tools can load a single spec without a project (an Indonesian one). */
  public static Layer loadLayer(Path projectFile, LayerSpec spec, Path baseDir) {
    return loadLayer(projectFile, spec, baseDir, ProjectInfo.INDONESIA);
  }

  /**
   * A project without {@code project.extent} is Indonesian when any of its layers lies in Indonesia: then a layer
   * that does not was read with the wrong CRS. A project with no layer in Indonesia (the OGC CITE test data) is
   * somewhere else, and only the CRS area-of-use test applies (plus a start-up warning from {@code LayerFlags}).
   */
  private static void regionCheck(Path projectFile, ProjectFile project, List<Layer> layers) {
    // only layers in memory: a live layer is not read at start-up (its database may be down)
    List<Layer> loaded = layers.stream().filter(Layer::inMemory).toList();
    if (project.project().extent() != null
        || loaded.stream().noneMatch(l -> !l.bbox().isNull() && ProjectInfo.INDONESIA.intersects(l.bbox()))) {
      return;
    }
    for (Layer l : loaded) {
      checkExtent(projectFile + ": layer '" + l.id() + "': ", l, l.sourceEpsg(), ProjectInfo.INDONESIA);
    }
  }

  /** Loads one layer that must lie in {@code region} (lon/lat) once reprojected; null = the CRS test only. */
  public static Layer loadLayer(Path projectFile, LayerSpec spec, Path baseDir, @Nullable Envelope region) {
    return loadLayer(projectFile, spec, baseDir, region, null);
  }

  private static Layer loadLayer(Path projectFile, LayerSpec spec, Path baseDir, @Nullable Envelope region,
      @Nullable Path cacheDir) {
    String where = projectFile + ": layer '" + spec.id() + "': ";
    Layer live;
    try {
      live = LayerSources.live(spec, baseDir);
    } catch (SourceException e) {
      throw new ProjectFileException(where + "key '" + e.key().orElse("source") + "': " + e.getMessage(), e);
    }
    if (live != null) {
      // no feature is read now; the extent (ST_Extent in SQL) is checked when the database answers at start-up
      try {
        if (live.available()) {
          checkExtent(where, live, live.sourceEpsg(), region);
        }
      } catch (LayerUnavailableException down) {
        // the database went away meanwhile: the layer starts unavailable
      }
      return live;
    }
    LayerSource source;
    SourceSchema schema;
    try {
      source = LayerSources.open(spec.source(), baseDir);
      schema = source.describe();
    } catch (SourceException e) {
      throw new ProjectFileException(where + "key '" + e.key().orElse("source.path") + "': " + e.getMessage(), e);
    }
    for (Map.Entry<String, String> e : spec.fields().entries().entrySet()) {
      if (!schema.fieldNames().contains(e.getValue())) {
        throw new ProjectFileException(where + "key 'fields." + e.getKey() + "': field '" + e.getValue()
            + "' does not exist in the source (fields: " + String.join(", ", schema.fieldNames()) + ")");
      }
    }
    int epsg = sourceEpsg(spec, schema, where);
    GeometryTransform toWgs84 = CrsRegistry.transform(epsg, CrsRegistry.WGS84);
    String idField = spec.fields().id();
    List<Feature> features = new ArrayList<>();
    int[] repaired = {0};
    int[] skipped = {0};
    try {
      // Read and reproject in source order on this thread (proj4j transforms are not thread-safe), then repair in
      // parallel: the validity test and GeometryFixer are ~70% of a load (JFR, 50 358 polygons: 2.5 of 3.5 s) and
      // independent per feature. Results keep the source order.
      List<SourceFeature> read = new ArrayList<>();
      source.read(sf -> {
        Geometry g = sf.geometry();
        if (g == null || g.isEmpty()) {
          skipped[0]++;
          return;
        }
        read.add(new SourceFeature(sf.id(), toWgs84.apply(g), sf.properties()));
      });
      GeometryRepair.Result[] fixed = repairAll(read, spec, cacheDir);
      for (int i = 0; i < fixed.length; i++) {
        GeometryRepair.Result r = fixed[i];
        if (r.repaired()) {
          repaired[0]++;
        }
        if (r.geometry().isEmpty()) {
          skipped[0]++;
          continue;
        }
        SourceFeature sf = read.get(i);
        Object idValue = idField == null ? null : sf.properties().get(idField);
        String id = idValue == null ? sf.id() : idValue.toString();
        features.add(new Feature(id, r.geometry(), sf.properties()));
      }
    } catch (SourceException e) {
      throw new ProjectFileException(where + "key 'source': " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // not a known failure mode of the format (a reader bug or an unexpected runtime error): still one line that
      // names the layer, with the cause attached for the log
      throw new ProjectFileException(where + "key 'source': cannot read the source: " + e, e);
    }
    Layer layer = new MemoryLayer(spec, features, schema.fieldNames(), epsg, repaired[0], skipped[0]);
    checkExtent(where, layer, epsg, region);
    return layer;
  }

  /**
   * The repair of every geometry, in parallel, in source order: from the layer's {@link RepairCache} where it holds
   * the result for that exact geometry, else {@link GeometryRepair#repair(Geometry)}; the cache is rewritten when
   * anything had to be computed or it holds results for geometries that are gone.
   */
  private static GeometryRepair.Result[] repairAll(List<SourceFeature> read, LayerSpec spec, @Nullable Path cacheDir) {
    GeometryRepair.Result[] fixed = new GeometryRepair.Result[read.size()];
    if (cacheDir == null) {
      IntStream.range(0, fixed.length).parallel().forEach(i -> fixed[i] = GeometryRepair.repair(read.get(i).geometry()));
      return fixed;
    }
    Path file = RepairCache.file(cacheDir, spec);
    RepairCache cache = RepairCache.read(file);
    RepairCache.Digest[] digests = new RepairCache.Digest[fixed.length];
    AtomicInteger misses = new AtomicInteger();
    IntStream.range(0, fixed.length).parallel().forEach(i -> {
      Geometry g = read.get(i).geometry();
      digests[i] = RepairCache.digest(g);
      GeometryRepair.Result hit = cache.lookup(digests[i], g);
      if (hit == null) {
        misses.incrementAndGet();
        hit = GeometryRepair.repair(g);
      }
      fixed[i] = hit;
    });
    if (misses.get() > 0 || cache.size() != new HashSet<>(Arrays.asList(digests)).size()) {
      RepairCache.write(file, digests, fixed);
    }
    return fixed;
  }

  /**
   * A layer whose extent, after its CRS, is not where that CRS can be, or not in the project's region (Indonesia
   * unless {@code project.extent} says otherwise), was read with the wrong
   * CRS (e.g. {@code crs: EPSG:32749} on lon/lat degrees, which puts it near 20.8 E, 85.5 S): stop with one line
   * naming the layer, the CRS and the extent found, instead of checking sites against data in the wrong place.
   */
  private static void checkExtent(String where, Layer layer, int epsg, @Nullable Envelope region) {
    Envelope e = layer.bbox();
    if (e.isNull()) {
      return;
    }
    Envelope aou = CrsRegistry.areaOfUse(epsg);
    boolean inAou = aou.contains(e);
    boolean inIndonesia = region == null || region.intersects(e);
    if (inAou && inIndonesia) {
      return;
    }
    String found = String.format(java.util.Locale.ROOT, "lon %.4f..%.4f, lat %.4f..%.4f", e.getMinX(), e.getMaxX(),
        e.getMinY(), e.getMaxY());
    String why = !inAou ? String.format(java.util.Locale.ROOT, "outside the area of use of EPSG:%d (lon %.0f..%.0f, "
        + "lat %.0f..%.0f)", epsg, aou.getMinX(), aou.getMaxX(), aou.getMinY(), aou.getMaxY())
        : ProjectInfo.INDONESIA.equals(region) ? "outside Indonesia (lon 90..146, lat -15..10)"
        : String.format(java.util.Locale.ROOT, "outside the project's extent (lon %.4f..%.4f, lat %.4f..%.4f)",
            region.getMinX(), region.getMaxX(), region.getMinY(), region.getMaxY());
    String key = layer.spec().source().crs() != null ? "source.crs" : "source";
    throw new ProjectFileException(where + "key '" + key + "': read as EPSG:" + epsg + " the layer lies at " + found
        + ", " + why + "; the data are in another CRS (lon/lat degrees are EPSG:4326): fix source.crs");
  }

  private static int sourceEpsg(LayerSpec spec, SourceSchema schema, String where) {
    if (spec.source().crs() != null) {
      try {
        return CrsRegistry.parse(spec.source().crs());
      } catch (IllegalArgumentException e) {
        throw new ProjectFileException(where + "key 'source.crs': " + e.getMessage());
      }
    }
    OptionalInt declared = schema.epsg();
    if (declared.isEmpty()) {
      throw new ProjectFileException(where + "key 'source.crs': " + (schema.crsProblem() != null
          ? schema.crsProblem() : "the source declares no CRS") + "; set source.crs, e.g. EPSG:4326 or EPSG:32749");
    }
    if (!CrsRegistry.isSupported(declared.getAsInt())) {
      throw new ProjectFileException(where + "key 'source.crs': the source declares EPSG:" + declared.getAsInt()
          + ", which Tapak does not support; reproject with ogr2ogr -t_srs EPSG:4326 or set source.crs");
    }
    return declared.getAsInt();
  }
}
