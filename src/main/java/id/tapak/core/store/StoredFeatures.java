package id.tapak.core.store;

import id.tapak.core.catalog.FeatureVisitor;
import id.tapak.core.geo.GeoJson;
import id.tapak.core.model.Feature;
import id.tapak.core.store.CheckLayer.Kind;
import id.tapak.core.store.FilterSql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * The SQL behind a {@link CheckLayer}, the same for both stores but for table names, geometry output and the box
 * condition: sites are {@code checks} rows ({@code id, name, verdict, site_ha, <site as WKB>}), conflicts are
 * {@code conflicts} rows joined to their check ({@code check_id, rule, status, hectares, message, <geometry as WKB>}),
 * in the order the checks were stored (then rule and status for conflicts). EPSG:4326 lon/lat.
 */
final class StoredFeatures {

  private StoredFeatures() {}

  /** A conflict's feature id, as SQL over {@code c.check_id, c.rule, c.status} (the same in both dialects). */
  private static final String CONFLICT_ID = "c.check_id || '-' || c.rule || CASE WHEN c.status = 'NOT_ASSESSED' "
      + "THEN '-not-assessed' ELSE '' END";

  /**
   * Streams the rows of one kind: all, those whose check meets a box (through the store's spatial index: an envelope
   * pre-filter, the caller tests envelopes exactly), or the one feature with an id.
   */
  static void visit(Connection c, Dialect d, Kind kind, @Nullable Envelope box, @Nullable String featureId,
      int fetchSize, FeatureVisitor visitor) throws SQLException {
    String schema = d == Dialect.POSTGRES ? "tapak." : "";
    boolean pg = d == Dialect.POSTGRES;
    StringBuilder sql = new StringBuilder();
    List<String> where = new ArrayList<>();
    if (kind == Kind.SITES) {
      sql.append("SELECT k.id, k.name, k.verdict, k.site_ha, ").append(pg ? "ST_AsBinary(k.site)" : "k.site")
          .append(" FROM ").append(schema).append("checks k");
      if (featureId != null) {
        where.add("k.id = ?");
      }
    } else {
      sql.append("SELECT c.check_id, c.rule, c.status, c.hectares, c.message, ")
          .append(pg ? "ST_AsBinary(c.geom)" : "c.geom").append(" FROM ").append(schema).append("conflicts c JOIN ")
          .append(schema).append("checks k ON k.id = c.check_id");
      if (featureId != null) {
        where.add(CONFLICT_ID + " = ?");
      }
    }
    if (box != null) {
      where.add(pg ? (kind == Kind.SITES ? "k.site" : "c.geom") + " && ST_MakeEnvelope(?, ?, ?, ?, 4326)"
          : "k.seq IN (SELECT seq FROM check_boxes WHERE max_x >= ? AND min_x <= ? AND max_y >= ? AND min_y <= ?)");
    }
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    sql.append(kind == Kind.SITES ? " ORDER BY k.seq" : " ORDER BY k.seq, c.rule, c.status");
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      ps.setFetchSize(fetchSize);
      int i = 1;
      if (featureId != null) {
        ps.setString(i++, featureId);
      }
      if (box != null) {
        double[] v = pg ? new double[] {box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()}
            : new double[] {box.getMinX(), box.getMaxX(), box.getMinY(), box.getMaxY()};
        for (double x : v) {
          ps.setDouble(i++, x);
        }
      }
      read(ps, kind, visitor);
    }
  }

  /** How many rows of one kind are stored. */
  static long count(Connection c, Dialect d, Kind kind) throws SQLException {
    String table = (d == Dialect.POSTGRES ? "tapak." : "") + (kind == Kind.SITES ? "checks" : "conflicts");
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static void read(PreparedStatement ps, Kind kind, FeatureVisitor visitor) throws SQLException {
    WKBReader reader = new WKBReader(GeoJson.FACTORY);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Map<String, @Nullable Object> p = new LinkedHashMap<>();
        p.put("check_id", rs.getString(1));
        Feature f;
        if (kind == Kind.SITES) {
          p.put("name", rs.getString(2));
          p.put("verdict", rs.getString(3));
          p.put("area_ha", rs.getDouble(4));
          f = new Feature(rs.getString(1), geometry(reader, rs.getBytes(5)), p);
        } else {
          String status = rs.getString(3);
          p.put("rule", rs.getString(2));
          p.put("status", status);
          p.put("hectares", rs.getObject(4) == null ? null : rs.getDouble(4));
          p.put("message", rs.getString(5));
          f = new Feature(rs.getString(1) + "-" + rs.getString(2) + ("NOT_ASSESSED".equals(status)
              ? "-not-assessed" : ""), geometry(reader, rs.getBytes(6)), p);
        }
        if (!visitor.visit(f)) {
          return;
        }
      }
    }
  }

  private static org.locationtech.jts.geom.Geometry geometry(WKBReader reader, byte[] wkb) {
    try {
      return reader.read(wkb);
    } catch (ParseException | RuntimeException e) {
      throw new IllegalStateException("a stored geometry is corrupt: " + e.getMessage(), e);
    }
  }
}
