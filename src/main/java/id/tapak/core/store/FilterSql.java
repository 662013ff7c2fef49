package id.tapak.core.store;

import id.tapak.core.store.CheckStore.CheckFilter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause of a {@link CheckFilter} for one store's SQL dialect, with its parameters: values are always bound,
 * never spliced into the SQL. The two stores differ only in how instants compare (SQLite keeps ISO-8601 text and
 * compares {@code julianday}s; PostgreSQL has {@code timestamptz}) and in case-insensitive matching.
 */
final class FilterSql {

  /** The SQL dialect of a store. */
  enum Dialect { SQLITE, POSTGRES }

  private final String where;
  private final List<Object> params;

  private FilterSql(String where, List<Object> params) {
    this.where = where;
    this.params = params;
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
    return new FilterSql(terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), params);
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
