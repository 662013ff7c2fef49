package id.tapak.core.source.postgis;

import id.tapak.core.source.LayerSource;
import id.tapak.core.source.SourceException;
import id.tapak.core.source.SourceFeature;
import id.tapak.core.source.SourceSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.io.WKBReader;

/**
 * Reads a PostGIS table or view. The relation is resolved by PostgreSQL itself ({@code to_regclass}, so the search
 * path and quoting rules are the database's); its geometry column and SRID come from {@code geometry_columns}
 * (the first geometry column when there are several). Geometries travel as EWKB ({@code ST_AsEWKB}) and are decoded
 * by JTS; an undecodable one becomes a null geometry that the catalog counts. A single-column integer primary key
 * is the feature id and is not an attribute (as GDAL treats {@code ogc_fid}); otherwise rows are numbered.
 *
 * <p>One read-only connection per call. Error messages name the table, never the URL (it may hold a password).
 */
public final class PostgisSource implements LayerSource {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Set<String> INTEGER_TYPES = Set.of("int2", "int4", "int8");
  private static final Set<String> GEO_TYPES = Set.of("geometry", "geography", "raster");

  private final String url;
  private final @Nullable String table;

  /**
   * @param url JDBC URL, {@code jdbc:postgresql://host:port/db?user=...}, placeholders already expanded
   * @param table the table or view, optionally schema-qualified ({@code public.estates}); required
   */
  public PostgisSource(String url, @Nullable String table) {
    this.url = url;
    this.table = table;
  }

  /**
   * Expands {@code ${NAME}} environment placeholders in a JDBC URL, so passwords stay out of {@code tapak.yml}.
   *
   * @throws SourceException naming the variable when it is not set
   */
  public static String expand(String url) {
    return expand(url, System::getenv);
  }

  static String expand(String url, UnaryOperator<@Nullable String> env) {
    Matcher m = PLACEHOLDER.matcher(url);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = env.apply(m.group(1));
      if (value == null) {
        throw new SourceException("environment variable " + m.group(1) + " is not set (used in the PostGIS URL)");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * What {@link #describe} found out about the relation, reused by {@link #read} and by {@link PostgisLayer}.
   *
   * @param types every column's type name ({@code pg_type.typname}), by column name
   * @param rowVersions true when the rows have system columns that name a row version ({@code ctid}, {@code xmin}):
   *     a table, a partitioned table or a materialized view, not a view or a foreign table
   */
  record Relation(String schema, String name, long oid, String geometryColumn, @Nullable String idColumn,
      List<String> fields, OptionalInt epsg, Map<String, String> types, boolean rowVersions) {

    String qualified() {
      return quote(schema) + "." + quote(name);
    }
  }

  @Override
  public SourceSchema describe() {
    try (Connection c = open()) {
      Relation r = relation(c);
      return new SourceSchema(r.fields(), r.epsg());
    } catch (SQLException e) {
      throw new SourceException(where() + e.getMessage(), e);
    }
  }

  @Override
  public void read(Consumer<SourceFeature> sink) {
    try (Connection c = open()) {
      Relation r = relation(c);
      List<String> cols = new ArrayList<>();
      cols.add(r.idColumn() == null ? "NULL" : quote(r.idColumn()));
      cols.add("ST_AsEWKB(" + quote(r.geometryColumn()) + ")");
      for (String f : r.fields()) {
        cols.add(quote(f));
      }
      String sql = "SELECT " + String.join(", ", cols) + " FROM " + r.qualified()
          + (r.idColumn() == null ? "" : " ORDER BY " + quote(r.idColumn()));
      c.setAutoCommit(false); // pgjdbc streams with a cursor only inside a transaction
      WKBReader wkb = new WKBReader();
      try (Statement st = c.createStatement()) {
        st.setFetchSize(1000);
        try (ResultSet rs = st.executeQuery(sql)) {
          int row = 0;
          while (rs.next()) {
            row++;
            String id = r.idColumn() == null ? Integer.toString(row) : rs.getString(1);
            Map<String, @Nullable Object> props = properties(rs, r.fields());
            String fid = id == null ? Integer.toString(row) : id;
            sink.accept(new SourceFeature(fid, Ewkb.read(wkb, rs.getBytes(2), where() + "row id " + fid), props));
          }
        }
      }
      c.rollback();
    } catch (SQLException e) {
      throw new SourceException(where() + e.getMessage(), e);
    }
  }

  private String where() {
    return "postgis table '" + table + "': ";
  }

  private Connection open() throws SQLException {
    if (table == null || table.isBlank()) {
      throw SourceException.atKey("source.layer",
          "postgis sources need source.layer: the table or view to read, e.g. public.estates");
    }
    Connection c = DriverManager.getConnection(url);
    c.setReadOnly(true);
    return c;
  }

  Relation relation(Connection c) throws SQLException {
    if (table == null || table.isBlank()) {
      throw SourceException.atKey("source.layer",
          "postgis sources need source.layer: the table or view to read, e.g. public.estates");
    }
    String schema;
    String name;
    long oid;
    boolean rowVersions;
    try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname, k.relname, k.oid, k.relkind IN ('r', 'p', 'm') "
        + "FROM pg_class k "
        + "JOIN pg_namespace n ON n.oid = k.relnamespace WHERE k.oid = to_regclass(?)")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw SourceException.atKey("source.layer", where() + "no such table or view");
        }
        schema = rs.getString(1);
        name = rs.getString(2);
        oid = rs.getLong(3);
        rowVersions = rs.getBoolean(4);
      }
    }
    String geom = null;
    int srid = 0;
    try (PreparedStatement ps = c.prepareStatement("SELECT f_geometry_column, srid FROM geometry_columns "
        + "WHERE f_table_schema = ? AND f_table_name = ? ORDER BY f_geometry_column")) {
      ps.setString(1, schema);
      ps.setString(2, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          geom = rs.getString(1);
          srid = rs.getInt(2);
        }
      }
    }
    if (geom == null) {
      throw new SourceException(where() + "no geometry column listed in geometry_columns");
    }
    List<String> fields = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, t.typname FROM pg_attribute a "
        + "JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = ?::oid AND a.attnum > 0 AND NOT a.attisdropped "
        + "ORDER BY a.attnum")) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          types.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    String pk = integerPrimaryKey(c, oid, types);
    for (Map.Entry<String, String> e : types.entrySet()) {
      if (!e.getKey().equals(geom) && !e.getKey().equals(pk) && !GEO_TYPES.contains(e.getValue())) {
        fields.add(e.getKey());
      }
    }
    return new Relation(schema, name, oid, geom, pk, fields, srid > 0 ? OptionalInt.of(srid) : OptionalInt.empty(),
        Map.copyOf(types), rowVersions);
  }

  /**
   * The attribute columns of a feature row (id in column 1, geometry in 2, then {@code fields} in order), as
   * {@link #value} maps them.
   */
  static Map<String, @Nullable Object> properties(ResultSet rs, List<String> fields) throws SQLException {
    Map<String, @Nullable Object> props = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      props.put(fields.get(i), value(rs.getObject(i + 3)));
    }
    return props;
  }

  /** The single-column integer primary key, or null (views have none). */
  private static @Nullable String integerPrimaryKey(Connection c, long oid, Map<String, String> types)
      throws SQLException {
    List<String> keys = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT a.attname FROM pg_index i JOIN pg_attribute a "
        + "ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = ?::oid AND i.indisprimary")) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(rs.getString(1));
        }
      }
    }
    return keys.size() == 1 && INTEGER_TYPES.contains(types.get(keys.get(0))) ? keys.get(0) : null;
  }

  static @Nullable Object value(@Nullable Object v) {
    if (v == null || v instanceof Number || v instanceof String || v instanceof Boolean) {
      return v;
    }
    return v.toString(); // dates, timestamps, numerics with odd types, arrays: their text form
  }

  /** An SQL identifier in double quotes, embedded quotes doubled. */
  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
