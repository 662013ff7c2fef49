package id.tapak.core.publish.features;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One collection ({@code /ogc/collections/{id}}): a catalog layer as OGC API describes it.
 *
 * @param id the layer id
 * @param title Indonesian / English title
 * @param description abstract and attribution (optional)
 * @param links {@code self}, {@code items} (GeoJSON) and the collections list
 * @param extent spatial extent in CRS84; null for an empty layer
 * @param itemType always {@code feature}
 * @param crs CRSs items can be requested in: CRS84 only
 * @param storageCrs the CRS features are held in after loading: CRS84
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollectionInfo(String id, String title, @Nullable String description, List<Link> links,
    @Nullable Extent extent, String itemType, List<String> crs, String storageCrs) {

  public CollectionInfo {
    links = List.copyOf(links);
    crs = List.copyOf(crs);
  }

  /** The {@code extent} member; only the spatial part, as layers carry no time. */
  public record Extent(Spatial spatial) {}

  /**
   * A spatial extent.
   *
   * @param bbox one box {@code [minLon, minLat, maxLon, maxLat]}
   * @param crs always CRS84
   */
  public record Spatial(List<List<Double>> bbox, String crs) {
    public Spatial {
      bbox = List.copyOf(bbox);
    }
  }
}
