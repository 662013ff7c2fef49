package id.tapak.core.store;

import id.tapak.core.rulebook.ConformityReport;
import id.tapak.core.rulebook.Finding;
import id.tapak.core.rulebook.Status;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * The rows both stores keep per check for the WMS {@code check_conflicts} layer: one per conflict geometry (status of
 * its finding) and one per part of the site a rule could not assess (status NOT_ASSESSED, drawn grey). EPSG:4326.
 *
 * @param rule the rule
 * @param status FAIL, WARN or NOT_ASSESSED
 * @param hectares geodesic hectares of the geometry
 * @param message the English message (the reason, for a part not assessed)
 * @param geometry the geometry
 */
record ConflictRows(String rule, Status status, @Nullable Double hectares, String message, Geometry geometry) {

  static List<ConflictRows> of(ConformityReport r) {
    List<ConflictRows> out = new ArrayList<>();
    for (Finding f : r.findings()) {
      if (f.unassessed() != null) {
        out.add(new ConflictRows(f.ruleId(), Status.NOT_ASSESSED, f.unassessedHa(),
            f.reason() == null ? f.message().en() : f.reason().en(), f.unassessed()));
      }
      if (f.conflict() != null) {
        out.add(new ConflictRows(f.ruleId(), f.status(), f.conflictHa(), f.message().en(), f.conflict()));
      }
    }
    return out;
  }

  /**
   * Adds one batch row per conflict of the report to a statement of the form
   * {@code INSERT … (check_id, rule, status, hectares, message, geom) VALUES (?,?,?,?,?, <geometry from WKB ?>)}.
   */
  static void addBatch(PreparedStatement ps, ConformityReport r) throws SQLException {
    org.locationtech.jts.io.WKBWriter wkb = new org.locationtech.jts.io.WKBWriter(2);
    for (ConflictRows c : of(r)) {
      ps.setString(1, r.id());
      ps.setString(2, c.rule());
      ps.setString(3, c.status().name());
      ps.setObject(4, c.hectares());
      ps.setString(5, c.message());
      ps.setBytes(6, wkb.write(c.geometry()));
      ps.addBatch();
    }
  }
}
