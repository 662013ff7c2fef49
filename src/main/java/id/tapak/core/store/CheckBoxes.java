package id.tapak.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * The spatial index of the SQLite store: an R*Tree virtual table {@code check_boxes(seq, min_x, max_x, min_y, max_y)}
 * with one box per check (its site and its conflict geometries, EPSG:4326 lon/lat), so a WMS map of the check layers
 * reads only the checks in its box instead of every stored row. Kept up to date on the read side: before a box query
 * the checks stored since the last one ({@code seq} above the highest indexed) are added, which also migrates a data
 * directory written before the index existed in place (its first map indexes every check once). The write path is
 * unchanged, so a check is durable as soon as its own rows are.
 */
final class CheckBoxes {

  private CheckBoxes() {}

  /** Creates the index when missing and adds the checks not yet in it; the caller commits. */
  static void update(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS check_boxes USING rtree(seq, min_x, max_x, min_y, max_y)");
    }
    long last;
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM "
        + "check_boxes")) {
      last = rs.next() ? rs.getLong(1) : 0;
    }
    WKBReader wkb = new WKBReader();
    try (PreparedStatement read = db.prepareStatement("SELECT seq, site, (SELECT group_concat(hex(geom)) FROM "
        + "conflicts WHERE conflicts.check_id = checks.id) FROM checks WHERE seq > ? ORDER BY seq");
        PreparedStatement add = db.prepareStatement("INSERT INTO check_boxes VALUES (?, ?, ?, ?, ?)")) {
      read.setLong(1, last);
      try (ResultSet rs = read.executeQuery()) {
        while (rs.next()) {
          Envelope e = envelope(wkb, rs.getBytes(2));
          String conflicts = rs.getString(3);
          if (conflicts != null) {
            for (String hex : conflicts.split(",")) {
              e.expandToInclude(envelope(wkb, WKBReader.hexToBytes(hex)));
            }
          }
          if (e.isNull()) {
            continue;
          }
          add.setLong(1, rs.getLong(1));
          add.setDouble(2, e.getMinX());
          add.setDouble(3, e.getMaxX());
          add.setDouble(4, e.getMinY());
          add.setDouble(5, e.getMaxY());
          add.executeUpdate();
        }
      }
    }
  }

  private static Envelope envelope(WKBReader wkb, byte[] bytes) {
    try {
      return wkb.read(bytes).getEnvelopeInternal();
    } catch (ParseException | RuntimeException e) {
      return new Envelope(); // a corrupt geometry is reported by the feature query that reads it
    }
  }
}
