package id.tapak.core.corridor;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CorridorSpec;
import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.ProjectFileException;
import id.tapak.core.geo.GeoJson;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * A priority corridor resolved against the catalog: its members (kabupaten/kota of the admin layer, with their
 * names and polygons) and its geometry, the union of the members, EPSG:4326 lon/lat. Immutable.
 *
 * @param spec the configuration
 * @param members one region per member code, in configuration order
 * @param geometry union of the members
 */
public record Corridor(CorridorSpec spec, List<Region> members, Geometry geometry) {

  public Corridor {
    Objects.requireNonNull(spec, "spec");
    members = List.copyOf(members);
    Objects.requireNonNull(geometry, "geometry");
  }

  /**
   * A member kabupaten/kota, or the corridor as a whole.
   *
   * @param code kabupaten/kota code (the admin feature id), or the corridor id for the whole
   * @param name its name from the admin layer's {@code fields.name}
   * @param geometry lon/lat polygon(s)
   */
  public record Region(String code, String name, Geometry geometry) {
    public Region {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(name, "name");
      if (!(geometry instanceof Polygonal)) {
        throw new IllegalArgumentException("region " + code + " is not polygonal");
      }
    }
  }

  /** The corridor as one region (code = corridor id). */
  public Region whole() {
    return new Region(spec.id(), spec.title().id(), geometry);
  }

  /**
   * Resolves every corridor of the project file. A wrong declaration (no such admin layer, a code the layer does
   * not have) is a {@link ProjectFileException} naming the corridor and the key, so start-up stops with one line.
   */
  public static List<Corridor> resolve(Catalog catalog) {
    List<Corridor> out = new ArrayList<>();
    for (CorridorSpec c : catalog.project().corridors()) {
      String where = catalog.projectPath() + ": corridor '" + c.id() + "': key '";
      Layer admin = catalog.layer(c.admin()).orElse(null);
      if (admin == null || admin.role() != LayerRole.ADMIN) {
        throw new ProjectFileException(where + "admin': no admin layer '" + c.admin() + "' (admin layers: "
            + catalog.layers(LayerRole.ADMIN).stream().map(Layer::id).toList() + ")");
      }
      List<Region> members = new ArrayList<>();
      Set<String> missing = new TreeSet<>();
      for (String code : c.members()) {
        Feature f = admin.feature(code).orElse(null);
        if (f == null || !(f.geometry() instanceof Polygonal)) {
          missing.add(code);
          continue;
        }
        String name = f.text(admin.spec().fields().name());
        members.add(new Region(code, name == null ? code : name, f.geometry()));
      }
      if (!missing.isEmpty()) {
        throw new ProjectFileException(where + "members': no polygon with id " + missing + " in admin layer '"
            + admin.id() + "' (ids come from its fields.id)");
      }
      Geometry union = OverlayNGRobust.union(GeoJson.FACTORY.buildGeometry(
          members.stream().map(Region::geometry).toList()));
      out.add(new Corridor(c, members, union));
    }
    return out;
  }
}
