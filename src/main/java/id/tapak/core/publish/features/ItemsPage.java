package id.tapak.core.publish.features;

import id.tapak.core.model.Feature;
import id.tapak.core.publish.geojson.GeoJsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * One page of {@code /collections/{id}/items}: a GeoJSON FeatureCollection with the OGC members
 * {@code numberMatched}, {@code numberReturned}, {@code timeStamp} and {@code links} ({@code self}, {@code next},
 * {@code prev}, {@code collection}). Written by streaming, so a page of 10 000 polygons never exists as a tree.
 *
 * @param features the features of this page, in layer order (stable across requests, so paging is consistent)
 * @param numberMatched features matching the bbox before paging
 * @param timeStamp when the page was produced (RFC 3339, whole seconds)
 * @param links absolute links; {@code next} only when more features follow
 * @param crs the CRS the features' coordinates are in, in its axis order ({@code Content-Crs})
 */
public record ItemsPage(List<Feature> features, int numberMatched, Instant timeStamp, List<Link> links, CrsRef crs) {

  public ItemsPage {
    features = List.copyOf(features);
    links = List.copyOf(links);
  }

  /** A page in CRS84. */
  public ItemsPage(List<Feature> features, int numberMatched, Instant timeStamp, List<Link> links) {
    this(features, numberMatched, timeStamp, links, CrsRef.CRS84);
  }

  public int numberReturned() {
    return features.size();
  }

  /** Writes the page as UTF-8 GeoJSON; does not close {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    try (JsonGenerator gen = GeoJsonWriter.generator(new NonClosing(out))) {
      GeoJsonWriter.writeCollection(features, gen, crs.decimals(), g -> {
        g.writeNumberProperty("numberMatched", numberMatched);
        g.writeNumberProperty("numberReturned", features.size());
        g.writeStringProperty("timeStamp", timeStamp.toString());
        Link.writeAll(links, g);
      });
    }
  }

  /** Keeps the servlet stream open when the generator closes, so the container finishes the response. */
  static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
