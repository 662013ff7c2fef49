package id.tapak.core.source.shapefile;

import id.tapak.core.source.LayerSource;
import id.tapak.core.source.SourceFeature;
import id.tapak.core.source.SourceSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reads an ESRI Shapefile set, plain ({@code roads.shp} with its {@code .dbf/.prj/.cpg}) or zipped
 * ({@code roads.zip}, where {@code layer} names the {@code .shp} when the archive holds several). Geometries come
 * from {@link ShpReader}, attributes from {@link DbfReader} (record i of the {@code .shp} pairs with row i of the
 * {@code .dbf}; a length mismatch gives features without attributes or without geometry, never a silent drop),
 * the CRS from {@link PrjReader}. The feature id is the {@code .shp} record number (1-based).
 *
 * <p>The files are opened on each call and not kept open.
 */
public final class ShapefileSource implements LayerSource {

  private final Path file;
  private final @Nullable String layer;

  /**
   * @param file a {@code .shp} file or a {@code .zip} archive
   * @param layer inside an archive, the base name of the shapefile to read; ignored for a plain {@code .shp}
   */
  public ShapefileSource(Path file, @Nullable String layer) {
    this.file = file;
    this.layer = layer;
  }

  @Override
  public SourceSchema describe() {
    ShapefileSet set = ShapefileSet.open(file, layer);
    List<String> fields = set.dbf() == null ? List.of() : new DbfReader(set.dbf(), set.cpg(), set.name()).fieldNames();
    OptionalInt epsg = set.prj() == null ? OptionalInt.empty() : PrjReader.epsg(set.prj());
    return new SourceSchema(fields, epsg, set.prj() == null ? null : PrjReader.problem(set.prj()));
  }

  @Override
  public void read(Consumer<SourceFeature> sink) {
    ShapefileSet set = ShapefileSet.open(file, layer);
    ShpReader shp = new ShpReader(set.shp(), new GeometryFactory(), set.name());
    DbfReader dbf = set.dbf() == null ? null : new DbfReader(set.dbf(), set.cpg(), set.name());
    int count = 0;
    for (ShpReader.ShpRecord r = shp.next(); r != null; r = shp.next()) {
      Map<String, @Nullable Object> props = dbf == null ? null : dbf.next();
      count = r.number();
      sink.accept(new SourceFeature(Integer.toString(r.number()), r.geometry(), props == null ? Map.of() : props));
    }
    // rows of a .dbf longer than its .shp have no geometry: hand them on so the catalog counts them as skipped
    for (Map<String, @Nullable Object> props = dbf == null ? null : dbf.next(); props != null; props = dbf.next()) {
      sink.accept(new SourceFeature(Integer.toString(++count), null, props));
    }
  }
}
