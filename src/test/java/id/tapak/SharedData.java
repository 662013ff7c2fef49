package id.tapak;

import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.catalog.FieldMapping;
import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.LayerSpec;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.source.SourceSpec;
import id.tapak.core.source.SourceType;
import java.nio.file.Path;

/** Real layers of {@code ../shared/data} that several tests read in place (never copied into the repository). */
public final class SharedData {

  /** The West Java RTRW and KKPR folder. */
  public static final Path JABAR = Path.of("../shared/data/rtrw_jabar_kkpr");
  /** A project file path beside the data, so relative sources resolve there. */
  public static final Path JABAR_PROJECT = JABAR.resolve("tapak.yml");

  private SharedData() {}

  /**
   * The West Java RTRW for 5 kab/kota ({@code rtrwp_jabar_per_kabkota_subset.gpkg}, 787 polygons, 331 399 vertices,
   * dissolved plan polygons of up to ~13 600 vertices), as a spatial plan with its classes in {@code NAMOBJ}.
   */
  public static LayerSpec jabarKabkotaSpec() {
    return new LayerSpec("rtrw_jabar", LocalizedText.of("RTRWP Jawa Barat", "West Java RTRW"),
        LayerRole.SPATIAL_PLAN, new SourceSpec(SourceType.GEOPACKAGE, "rtrwp_jabar_per_kabkota_subset.gpkg",
            "rtrwp_jabar_per_kabkota", null), new FieldMapping(null, "NAMOBJ", "NAMOBJ", null, null, null, null),
        null, null, null);
  }

  /** {@link #jabarKabkotaSpec()} loaded as the catalog loads a file layer (in memory, repaired). */
  public static Layer jabarKabkota() {
    return CatalogLoader.loadLayer(JABAR_PROJECT, jabarKabkotaSpec(), JABAR);
  }
}
