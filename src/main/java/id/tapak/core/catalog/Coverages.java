package id.tapak.core.catalog;

import id.tapak.core.geo.GeoJson;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Resolves every layer's {@link CoverageSpec} to a {@link Coverage} once the layers are loaded (admin codes need the
 * admin layer). A wrong declaration (unknown admin layer, unknown code, a file without polygons) is a
 * {@link ProjectFileException} naming the layer and the key, so it stops start-up.
 */
final class Coverages {

  private Coverages() {}

  static Map<String, Coverage> resolve(Path projectFile, List<Layer> layers) {
    Map<String, Layer> byId = new LinkedHashMap<>();
    for (Layer l : layers) {
      byId.put(l.id(), l);
    }
    Path base = projectFile.toAbsolutePath().getParent();
    Map<String, Coverage> out = new LinkedHashMap<>();
    for (Layer l : layers) {
      out.put(l.id(), resolve(projectFile, base, l, byId));
    }
    return out;
  }

  private static Coverage resolve(Path projectFile, Path base, Layer l, Map<String, Layer> byId) {
    CoverageSpec c = l.spec().coverageOrDefault();
    String where = projectFile + ": layer '" + l.id() + "': key 'coverage";
    if (c.mode() != null) {
      return c.mode().equals("features") ? Coverage.features() : Coverage.unknown();
    }
    if (c.wkt() != null) {
      try {
        Geometry g = new WKTReader(GeoJson.FACTORY).read(c.wkt());
        if (!(g instanceof Polygonal)) {
          throw new ProjectFileException(where + ".wkt': a Polygon or MultiPolygon is required");
        }
        return Coverage.area(g, LocalizedText.of("poligon yang dinyatakan", "a declared polygon"));
      } catch (ParseException e) {
        throw new ProjectFileException(where + ".wkt': " + e.getMessage(), e);
      }
    }
    if (c.source() != null) {
      LayerSpec spec = new LayerSpec(l.id() + "_coverage", l.spec().title(), LayerRole.ADMIN, c.source(), null,
          null, null, null);
      Layer file;
      try {
        file = CatalogLoader.loadLayer(projectFile, spec, base == null ? Path.of(".") : base);
      } catch (ProjectFileException e) {
        throw new ProjectFileException(where + ".source': " + e.getMessage(), e);
      }
      List<Geometry> gs = new ArrayList<>();
      file.scan(f -> {
        if (f.geometry() instanceof Polygonal) {
          gs.add(f.geometry());
        }
        return true;
      });
      if (gs.isEmpty()) {
        throw new ProjectFileException(where + ".source': the file has no polygons");
      }
      return Coverage.area(union(gs), LocalizedText.of("poligon dari " + c.source().path(),
          "the polygons of " + c.source().path()));
    }
    Layer admin = byId.get(c.admin());
    if (admin == null || admin.role() != LayerRole.ADMIN) {
      throw new ProjectFileException(where + ".admin': no admin layer '" + c.admin() + "' in the project (admin "
          + "layers: " + byId.values().stream().filter(x -> x.role() == LayerRole.ADMIN).map(Layer::id).toList() + ")");
    }
    List<Geometry> gs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    if (c.codes() == null) {
      admin.scan(f -> gs.add(f.geometry()));
      names.add("semua / all " + gs.size());
    } else {
      Set<String> missing = new TreeSet<>();
      for (String code : c.codes()) {
        var f = admin.feature(code);
        if (f.isEmpty()) {
          missing.add(code);
        } else {
          gs.add(f.get().geometry());
          String n = f.get().text(admin.spec().fields().name());
          names.add(code + (n == null ? "" : " " + n));
        }
      }
      if (!missing.isEmpty()) {
        throw new ProjectFileException(where + ".codes': no feature with id " + missing + " in admin layer '"
            + admin.id() + "' (ids come from its fields.id)");
      }
    }
    if (gs.isEmpty()) {
      throw new ProjectFileException(where + "': admin layer '" + admin.id() + "' has no features");
    }
    String list = String.join(", ", names);
    return Coverage.area(union(gs), LocalizedText.of(admin.spec().title().id() + ": " + list,
        admin.spec().title().en() + ": " + list));
  }

  private static Geometry union(List<Geometry> gs) {
    return gs.size() == 1 ? gs.get(0) : OverlayNGRobust.union(GeoJson.FACTORY.buildGeometry(gs));
  }
}
