package id.tapak.core.source.kml;

import id.tapak.core.geo.CrsRegistry;
import id.tapak.core.geo.GeoJson;
import id.tapak.core.source.LayerSource;
import id.tapak.core.source.SourceException;
import id.tapak.core.source.SourceFeature;
import id.tapak.core.source.SourceSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads the Placemarks of a KML 2.2 file (as Google Earth and most phone apps export a drawn site) with StAX: name,
 * ExtendedData (Data/value and SchemaData/SimpleData) as properties, and Point, LineString, Polygon (outer and inner
 * boundaries) and MultiGeometry. KML is always WGS84 lon/lat[,alt]; altitude is dropped. External entities and DTDs
 * are disabled and elements nested deeper than {@link #MAX_DEPTH} refused (uploads are untrusted); a coordinate that
 * is not a finite number ({@code nan}, {@code inf}, {@code 1e999}) is refused, not read as 0 or as a huge value.
 */
public final class KmlSource implements LayerSource {

  /** Deepest element nesting accepted (folders in folders included); real KML stays under 20. */
  public static final int MAX_DEPTH = 64;

  private final Path file;

  public KmlSource(Path file) {
    this.file = file;
  }

  @Override
  public SourceSchema describe() {
    Set<String> fields = new LinkedHashSet<>();
    read(f -> fields.addAll(f.properties().keySet()));
    return new SourceSchema(new ArrayList<>(fields), OptionalInt.of(CrsRegistry.WGS84));
  }

  @Override
  public void read(Consumer<SourceFeature> sink) {
    XMLInputFactory xf = XMLInputFactory.newFactory();
    xf.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    xf.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    xf.setProperty("jdk.xml.maxElementDepth", MAX_DEPTH);
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader r = xf.createXMLStreamReader(in);
      int n = 0;
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Placemark")) {
          n++;
          sink.accept(placemark(r, n));
        }
      }
      r.close();
    } catch (XMLStreamException e) {
      if (String.valueOf(e.getMessage()).contains("maxElementDepth")) {
        throw new SourceException(file + ": KML elements are nested deeper than " + MAX_DEPTH + " levels", e);
      }
      throw new SourceException(file + ": not readable as KML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new SourceException(file + ": not readable as KML: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new SourceException(file + ": bad KML geometry: " + e.getMessage(), e);
    }
  }

  private SourceFeature placemark(XMLStreamReader r, int n) throws XMLStreamException {
    Map<String, @Nullable Object> props = new LinkedHashMap<>();
    List<Geometry> geoms = new ArrayList<>();
    String dataName = null;
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
        continue;
      }
      if (ev != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      depth++;
      switch (r.getLocalName()) {
        case "name" -> {
          props.put("name", r.getElementText().trim());
          depth--;
        }
        case "Data" -> dataName = r.getAttributeValue(null, "name");
        case "value" -> {
          if (dataName != null) {
            props.put(dataName, r.getElementText().trim());
          }
          depth--;
        }
        case "SimpleData" -> {
          String key = r.getAttributeValue(null, "name");
          String v = r.getElementText().trim();
          if (key != null) {
            props.put(key, v);
          }
          depth--;
        }
        case "Point" -> {
          geoms.add(GeoJson.FACTORY.createPoint(coordinates(r, "Point")[0]));
          depth--;
        }
        case "LineString" -> {
          geoms.add(GeoJson.FACTORY.createLineString(coordinates(r, "LineString")));
          depth--;
        }
        case "Polygon" -> {
          geoms.add(polygon(r));
          depth--;
        }
        default -> {
          // MultiGeometry, ExtendedData, styles: descend
        }
      }
    }
    Geometry g = geoms.isEmpty() ? null : geoms.size() == 1 ? geoms.get(0) : GeoJson.FACTORY.buildGeometry(geoms);
    return new SourceFeature(String.valueOf(n), g, props);
  }

  private static Polygon polygon(XMLStreamReader r) throws XMLStreamException {
    LinearRing shell = null;
    List<LinearRing> holes = new ArrayList<>();
    boolean inner = false;
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String name = r.getLocalName();
        if (name.equals("innerBoundaryIs")) {
          inner = true;
        } else if (name.equals("outerBoundaryIs")) {
          inner = false;
        } else if (name.equals("LinearRing")) {
          LinearRing ring = GeoJson.FACTORY.createLinearRing(coordinates(r, "LinearRing"));
          if (inner) {
            holes.add(ring);
          } else {
            shell = ring;
          }
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("Polygon")) {
        break;
      }
    }
    if (shell == null) {
      throw new IllegalArgumentException("a Polygon without outerBoundaryIs");
    }
    return GeoJson.FACTORY.createPolygon(shell, holes.toArray(new LinearRing[0]));
  }

  /** Reads the {@code coordinates} inside the current element up to its end tag. */
  private static Coordinate[] coordinates(XMLStreamReader r, String element) throws XMLStreamException {
    List<Coordinate> cs = new ArrayList<>();
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("coordinates")) {
        for (String tuple : r.getElementText().trim().split("\\s+")) {
          if (tuple.isEmpty()) {
            continue;
          }
          String[] p = tuple.split(",");
          if (p.length < 2) {
            throw new IllegalArgumentException("coordinate tuple '" + tuple + "' needs lon,lat");
          }
          double lon = Double.parseDouble(p[0]);
          double lat = Double.parseDouble(p[1]);
          if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
            throw new IllegalArgumentException("coordinate tuple '" + tuple + "' is not a pair of finite numbers");
          }
          cs.add(new Coordinate(lon, lat));
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals(element)) {
        break;
      }
    }
    if (cs.isEmpty()) {
      throw new IllegalArgumentException(element + " without coordinates");
    }
    return cs.toArray(new Coordinate[0]);
  }
}
