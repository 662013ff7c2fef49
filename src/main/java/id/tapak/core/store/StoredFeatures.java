package id.tapak.core.store;

import id.tapak.core.geo.GeoJson;
import id.tapak.core.model.Feature;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Stored checks as features for the WMS check layers, the same from both stores: the columns of a site query
 * ({@code id, name, verdict, site_ha, <site as WKB>}) and of a conflict query
 * ({@code check_id, rule, status, hectares, message, <geometry as WKB>}), EPSG:4326 lon/lat.
 */
final class StoredFeatures {

  /** Which of the two queries a result set answers. */
  enum Kind { SITES, CONFLICTS }

  private StoredFeatures() {}

  /** Runs a prepared site or conflict query and maps every row; SQL errors go to the caller's store. */
  static List<Feature> read(PreparedStatement ps, Kind kind) throws SQLException {
    WKBReader reader = new WKBReader(GeoJson.FACTORY);
    List<Feature> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Map<String, @Nullable Object> p = new LinkedHashMap<>();
        p.put("check_id", rs.getString(1));
        if (kind == Kind.SITES) {
          p.put("name", rs.getString(2));
          p.put("verdict", rs.getString(3));
          p.put("area_ha", rs.getDouble(4));
          out.add(new Feature(rs.getString(1), geometry(reader, rs.getBytes(5)), p));
        } else {
          p.put("rule", rs.getString(2));
          p.put("status", rs.getString(3));
          p.put("hectares", rs.getObject(4) == null ? null : rs.getDouble(4));
          p.put("message", rs.getString(5));
          out.add(new Feature(rs.getString(1) + "-" + rs.getString(2), geometry(reader, rs.getBytes(6)), p));
        }
      }
    }
    return out;
  }

  private static org.locationtech.jts.geom.Geometry geometry(WKBReader reader, byte[] wkb) {
    try {
      return reader.read(wkb);
    } catch (ParseException | RuntimeException e) {
      throw new IllegalStateException("a stored geometry is corrupt: " + e.getMessage(), e);
    }
  }
}
