package id.tapak.core.store;

import id.tapak.core.store.CheckStore.CheckFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause of a {@link CheckFilter} for one store's SQL dialect, with its parameters (values are always
 * bound, never spliced into the SQL), and the list and count queries both stores run with it. The two stores differ only in how instants compare (SQLite keeps ISO-8601 text and
 * compares {@code julianday}s; PostgreSQL has {@code timestamptz}) and in case-insensitive matching.
 */
final class FilterSql {

  /** The SQL dialect of a store. */
  enum Dialect { SQLITE, POSTGRES }

  /** The columns of a {@link CheckStore.CheckSummary}, in {@link #summary} order, in both stores' tables. */
  static final String SUMMARY = "id, created, name, verdict, site_ha, rulebook, location, created_by";

  private final Dialect dialect;
  private final String where;
  private final List<Object> params;

  private FilterSql(Dialect dialect, String where, List<Object> params) {
    this.dialect = dialect;
    this.where = where;
    this.params = params;
  }

  /** A summary row of a query selecting {@link #SUMMARY} first; SQLite keeps {@code created} as ISO-8601 text. */
  static CheckStore.CheckSummary summary(ResultSet rs, Dialect d) throws SQLException {
    String created = d == Dialect.SQLITE ? rs.getString(2) : rs.getTimestamp(2).toInstant().toString();
    return new CheckStore.CheckSummary(rs.getString(1), created, rs.getString(3), rs.getString(4), rs.getDouble(5),
        rs.getString(6), rs.getString(7), rs.getString(8));
  }

  /** A page of the matching checks of {@code table}, newest first. */
  List<CheckStore.CheckSummary> page(Connection c, String table, int limit, long offset) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + SUMMARY + " FROM " + table + where
        + " ORDER BY seq DESC LIMIT ? OFFSET ?")) {
      int i = bind(ps, 1);
      ps.setInt(i, limit);
      ps.setLong(i + 1, offset);
      List<CheckStore.CheckSummary> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(summary(rs, dialect));
        }
      }
      return out;
    }
  }

  /** How many checks of {@code table} match. */
  long count(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + where)) {
      bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  static FilterSql of(CheckFilter f, Dialect d) {
    List<String> terms = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    boolean lite = d == Dialect.SQLITE;
    if (f.from() != null) {
      terms.add(lite ? "julianday(created) >= julianday(?)" : "created >= ?");
      params.add(lite ? f.from().toString() : Timestamp.from(f.from()));
    }
    if (f.to() != null) {
      terms.add(lite ? "julianday(created) < julianday(?)" : "created < ?");
      params.add(lite ? f.to().toString() : Timestamp.from(f.to()));
    }
    if (f.verdict() != null) {
      terms.add("verdict = ?");
      params.add(f.verdict());
    }
    if (f.rulebook() != null) {
      terms.add("rulebook = ?");
      params.add(f.rulebook());
    }
    String place = f.placePattern();
    if (place != null) {
      // SQLite's LIKE ignores ASCII case already; PostgreSQL needs ILIKE
      terms.add(lite ? "location LIKE ? ESCAPE '\\'" : "location ILIKE ? ESCAPE '\\'");
      params.add(place);
    }
    return new FilterSql(d, terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), params);
  }

  /** {@code ""} or {@code " WHERE …"}, to append after the FROM clause. */
  String where() {
    return where;
  }

  /** Binds the parameters from index {@code first} on; returns the next free index. */
  int bind(PreparedStatement ps, int first) throws SQLException {
    int i = first;
    for (Object p : params) {
      ps.setObject(i++, p);
    }
    return i;
  }
}
