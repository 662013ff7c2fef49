package id.tapak.core.publish.features;

import id.tapak.core.model.Feature;
import id.tapak.core.publish.geojson.GeoJsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * One item ({@code /collections/{id}/items/{featureId}}): a GeoJSON Feature with {@code self} and {@code collection}
 * links. Coordinates are RFC 7946: CRS84 longitude/latitude, exterior rings counter-clockwise.
 *
 * @param feature the feature
 * @param links absolute links
 * @param crs the CRS of the coordinates, in its axis order ({@code Content-Crs})
 */
public record FeatureDocument(Feature feature, List<Link> links, CrsRef crs) {

  public FeatureDocument {
    links = List.copyOf(links);
  }

  /** A feature in CRS84. */
  public FeatureDocument(Feature feature, List<Link> links) {
    this(feature, links, CrsRef.CRS84);
  }

  /** Writes the feature as UTF-8 GeoJSON; does not close {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    try (JsonGenerator gen = GeoJsonWriter.generator(new ItemsPage.NonClosing(out))) {
      GeoJsonWriter.writeFeature(feature, gen, crs.decimals(), g -> Link.writeAll(links, g));
    }
  }
}
