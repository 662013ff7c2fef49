package id.tapak.core.source;

import id.tapak.core.source.geojson.GeoJsonSource;
import id.tapak.core.source.geopackage.GeoPackageSource;
import id.tapak.core.source.kml.KmlSource;
import id.tapak.core.source.postgis.PostgisLayer;
import id.tapak.core.source.postgis.PostgisSource;
import id.tapak.core.source.shapefile.ShapefileSource;
import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.LayerSpec;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one place that turns a {@link SourceSpec} into a {@link LayerSource}: an exhaustive switch over the type. */
public final class LayerSources {

  private LayerSources() {}

  /**
   * Opens a source.
   *
   * @param spec the source spec from the project file
   * @param baseDir folder that relative file paths are resolved against (the project file's folder)
   * @throws SourceException when a file does not exist
   */
  public static LayerSource open(SourceSpec spec, Path baseDir) {
    return switch (spec.type()) {
      case GEOPACKAGE -> new GeoPackageSource(file(spec, baseDir), spec.layer());
      case GEOJSON -> new GeoJsonSource(file(spec, baseDir));
      case SHAPEFILE -> new ShapefileSource(file(spec, baseDir), spec.layer());
      case POSTGIS -> new PostgisSource(PostgisSource.expand(spec.path()), spec.layer());
      case KML -> new KmlSource(file(spec, baseDir));
      case DERIVED -> throw new SourceException("a derived layer is computed by Tapak, not read from a source");
    };
  }

  /**
   * The live layer for a spec whose features stay in their database (PostGIS without {@code mode: memory}), or null
   * when the layer is read into memory by the catalog loader. Opens no connection.
   *
   * @throws SourceException for a bad source key
   */
  public static @org.jspecify.annotations.Nullable Layer live(LayerSpec spec, Path baseDir) {
    SourceSpec s = spec.source();
    if (!s.live()) {
      return null;
    }
    if (s.layer() == null || s.layer().isBlank()) {
      throw SourceException.atKey("source.layer",
          "postgis sources need source.layer: the table or view to read, e.g. public.estates");
    }
    if (s.crs() != null) {
      throw SourceException.atKey("source.crs", "a live postgis layer takes its CRS from geometry_columns; "
          + "source.crs is only for mode: memory");
    }
    PostgisLayer layer = new PostgisLayer(spec, PostgisSource.expand(s.path()), s.layer(), s.pollMillisOrDefault());
    try {
      layer.validate(); // a missing table or mapped field stops start-up when the database answers
    } catch (id.tapak.core.catalog.LayerUnavailableException down) {
      // the database is down: start anyway, the layer is unavailable until it answers
    }
    return layer;
  }

  /** Resolves a file path of a spec against the base folder and checks that it exists. */
  public static Path file(SourceSpec spec, Path baseDir) {
    Path p = baseDir.resolve(spec.path()).normalize();
    if (!Files.isRegularFile(p)) {
      throw new SourceException("file not found: " + p);
    }
    return p;
  }
}
