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

  /**
   * Runs a site or conflict query of one check ({@code idColumn = ?}) or all, within a box when {@code boxCondition}
   * is given (with four {@code ?} bound to {@code box} in order).
   */
  static List<Feature> read(java.sql.Connection c, String select, String idColumn, @Nullable String checkId,
      @Nullable String boxCondition, double[] box, Kind kind) throws SQLException {
    List<String> where = new ArrayList<>();
    if (checkId != null) {
      where.add(idColumn + " = ?");
    }
    if (boxCondition != null) {
      where.add(boxCondition);
    }
    String sql = select + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (checkId != null) {
        ps.setString(i++, checkId);
      }
      if (boxCondition != null) {
        for (double v : box) {
          ps.setDouble(i++, v);
        }
      }
      return read(ps, kind);
    }
  }

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
