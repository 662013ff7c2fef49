package id.tapak.core.source.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How a live layer learns that its data changed, in one cheap query (a few catalog rows, never the table):
 *
 * <ol>
 *   <li>the <b>trigger table</b> {@code tapak_layers.layer_version(relation, version, changed_at)}, bumped by a
 *       statement-level {@code AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE} trigger that {@code scripts/import}
 *       installs ({@code scripts/postgis version-trigger TABLE} on an existing table): exact and immediate once the
 *       edit commits;</li>
 *   <li>else the table's <b>{@code pg_stat_user_tables}</b> counters ({@code n_tup_ins + n_tup_upd + n_tup_del},
 *       {@code n_live_tup}): no rights or objects needed, but PostgreSQL publishes them up to about a second after a
 *       commit (longer while the editing session stays busy), and a VACUUM also moves them (a harmless extra
 *       version).</li>
 * </ol>
 *
 * A view (or materialized view) is versioned by the tables its rewrite rule reads, one level deep (from
 * {@code pg_depend}), each by the trigger table when it has a row there, else by its counters. The schema is
 * {@code tapak_layers}, not {@code tapak}: Flyway owns schema {@code tapak} for the check store and refuses a
 * non-empty schema it did not create.
 */
final class VersionProbe {

  /** The trigger table, created by {@code scripts/sql/layer-version.sql}. */
  static final String TABLE = "tapak_layers.layer_version";

  private final long oid;
  private final String sql;

  private VersionProbe(long oid, String sql) {
    this.oid = oid;
    this.sql = sql;
  }

  /** The probe of a relation; looks once whether the trigger table exists. */
  static VersionProbe of(Connection c, long oid) throws SQLException {
    boolean triggers;
    try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      ps.setString(1, TABLE);
      try (ResultSet rs = ps.executeQuery()) {
        triggers = rs.next() && rs.getBoolean(1);
      }
    }
    String sql = "WITH base AS ("
        + " SELECT k.oid FROM pg_class k WHERE k.oid = ?::oid AND k.relkind IN ('r', 'p', 'm', 'f')"
        + " UNION SELECT d.refobjid FROM pg_rewrite w JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass"
        + " AND d.objid = w.oid AND d.refclassid = 'pg_class'::regclass WHERE w.ev_class = ?::oid"
        + " AND d.refobjid <> ?::oid)"
        + " SELECT b.oid, " + (triggers ? "v.version" : "NULL::bigint")
        + ", s.n_tup_ins + s.n_tup_upd + s.n_tup_del, s.n_live_tup"
        + " FROM base b JOIN pg_class k ON k.oid = b.oid JOIN pg_namespace n ON n.oid = k.relnamespace"
        + " LEFT JOIN pg_stat_user_tables s ON s.relid = b.oid"
        + (triggers ? " LEFT JOIN " + TABLE + " v ON v.relation = format('%I.%I', n.nspname, k.relname)" : "")
        + " ORDER BY b.oid";
    return new VersionProbe(oid, sql);
  }

  /** The current version: a hash of, per base table, its trigger version or else its counters. */
  long version(Connection c) throws SQLException {
    long v = 1;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, oid);
      ps.setLong(2, oid);
      ps.setLong(3, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          v = mix(v, rs.getLong(1));
          long trigger = rs.getLong(2);
          if (!rs.wasNull()) {
            v = mix(mix(v, 'T'), trigger);
          } else {
            v = mix(mix(mix(v, 'S'), rs.getLong(3)), rs.getLong(4));
          }
        }
      }
    }
    return v;
  }

  private static long mix(long h, long x) {
    h ^= x + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2);
    return h * 0xBF58476D1CE4E5B9L;
  }
}
