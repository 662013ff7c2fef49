package id.tapak.core.source.geopackage;

import id.tapak.core.model.Budget;
import id.tapak.core.source.LayerSource;
import id.tapak.core.source.SourceException;
import id.tapak.core.source.SourceFeature;
import id.tapak.core.source.SourceSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.GeometryFactory;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Reads one feature table of a GeoPackage. The table is found in {@code gpkg_contents} (data_type 'features'); its
 * geometry column and srs_id in {@code gpkg_geometry_columns}; the EPSG code in {@code gpkg_spatial_ref_sys}
 * (organization 'EPSG'). Attributes are the table's columns minus the geometry column and the integer primary key,
 * which is the feature id.
 *
 * <p>The file is opened read-only, one connection per call, so a layer never holds a file handle between loads and
 * GDAL's R-tree triggers (which need SpatiaLite functions) are never fired.
 *
 * <p>A GeoPackage is a database its author programmed, and uploads are untrusted: a view can run any SQL on
 * {@code SELECT} (an 8 KB file with a recursive view pushed the heap to 4.2 GB). So only real tables are read: the
 * {@code gpkg_*} metadata tables must be tables, a {@code gpkg_contents} entry that is a view or a virtual table is
 * not a feature table, and generated columns are never selected ({@code PRAGMA table_info} leaves them out).
 * {@code trusted_schema} is off, and an SQLite progress handler stops any statement once the thread's
 * {@link Budget} is spent (uploads run under one; start-up loads do not).
 */
public final class GeoPackageSource implements LayerSource {

  private final Path file;
  private final @Nullable String layer;

  /**
   * @param file the {@code .gpkg} file
   * @param layer the feature table to read; may be null when the file holds exactly one
   */
  public GeoPackageSource(Path file, @Nullable String layer) {
    this.file = file;
    this.layer = layer;
  }

  /** What {@link #describe} found out about the table, reused by {@link #read}. */
  private record Table(String name, String geometryColumn, @Nullable String idColumn, List<String> fields,
      List<Boolean> booleans, OptionalInt epsg) {}

  @Override
  public SourceSchema describe() {
    try (Connection c = open()) {
      Table t = table(c);
      return new SourceSchema(t.fields(), t.epsg());
    } catch (SQLException e) {
      throw failure(e, "not readable as a GeoPackage");
    }
  }

  /**
   * Reads the rows in order; the geometry blobs of each batch of {@link #BATCH} rows are decoded in parallel (the
   * common fork-join pool) while this thread reads the next batch from SQLite, and features reach the sink in row
   * order (WKB decoding was ≈ 20 % of a 50 000-polygon load, docs/benchmarks.md scale (a)). A refused blob stops the
   * read at that feature, after every feature before it, as a row-by-row read would.
   */
  @Override
  public void read(Consumer<SourceFeature> sink) {
    try (Connection c = open()) {
      Table t = table(c);
      List<String> cols = new ArrayList<>();
      cols.add(t.idColumn() == null ? "rowid" : quote(t.idColumn()));
      cols.add(quote(t.geometryColumn()));
      for (String f : t.fields()) {
        cols.add(quote(f));
      }
      String sql = "SELECT " + String.join(", ", cols) + " FROM " + quote(t.name());
      GeometryFactory factory = new GeometryFactory();
      ThreadLocal<GpkgGeometryCodec> codecs = ThreadLocal.withInitial(() -> new GpkgGeometryCodec(factory));
      Batch pendingRows = null;
      CompletableFuture<Object[]> pending = null;
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
        Batch rows = new Batch();
        while (rs.next()) {
          String id = rs.getString(1);
          Map<String, @Nullable Object> props = new LinkedHashMap<>();
          for (int i = 0; i < t.fields().size(); i++) {
            props.put(t.fields().get(i), value(rs.getObject(i + 3), t.booleans().get(i)));
          }
          rows.add(id == null ? "" : id, rs.getBytes(2), props);
          if (rows.size() == BATCH) {
            if (pending != null) {
              emit(t, pendingRows, pending.join(), sink);
            }
            Batch full = rows;
            pendingRows = full;
            pending = CompletableFuture.supplyAsync(() -> full.decode(codecs), ForkJoinPool.commonPool());
            rows = new Batch();
          }
        }
        if (pending != null) {
          emit(t, pendingRows, pending.join(), sink);
          pending = null;
        }
        emit(t, rows, rows.decode(codecs), sink);
      } finally {
        if (pending != null) {
          pending.cancel(false); // an error or a sink that threw: nobody waits for that batch
        }
      }
    } catch (SQLException e) {
      throw failure(e, "layer '" + layer + "' is not readable");
    }
  }

  /** Rows per decoding batch; a smaller read (an upload of a few features) is decoded on the reading thread. */
  private static final int BATCH = 2048;

  /** Rows read but not yet decoded, in row order. */
  private static final class Batch {
    final List<String> ids = new ArrayList<>();
    final List<byte @Nullable []> blobs = new ArrayList<>();
    final List<Map<String, @Nullable Object>> props = new ArrayList<>();

    void add(String id, byte @Nullable [] blob, Map<String, @Nullable Object> p) {
      ids.add(id);
      blobs.add(blob);
      props.add(p);
    }

    int size() {
      return ids.size();
    }

    /** Each blob's geometry (or null), or the exception its decoding threw, by row. */
    Object[] decode(ThreadLocal<GpkgGeometryCodec> codecs) {
      Object[] out = new Object[size()];
      IntStream range = IntStream.range(0, out.length);
      (out.length >= BATCH ? range.parallel() : range).forEach(i -> {
        try {
          out[i] = codecs.get().decode(blobs.get(i));
        } catch (RuntimeException e) {
          out[i] = e;
        }
      });
      return out;
    }
  }

  private void emit(Table t, Batch rows, Object[] decoded, Consumer<SourceFeature> sink) {
    for (int i = 0; i < decoded.length; i++) {
      if (decoded[i] instanceof SourceException refused) {
        throw new SourceException(file + ": layer '" + t.name() + "', feature " + rows.ids.get(i) + ": "
            + refused.getMessage());
      }
      if (decoded[i] instanceof RuntimeException e) {
        throw e;
      }
      sink.accept(new SourceFeature(rows.ids.get(i), (org.locationtech.jts.geom.Geometry) decoded[i],
          rows.props.get(i)));
    }
  }

  /** SQLite virtual-machine steps between two looks at the time budget. */
  private static final int PROGRESS_STEPS = 10_000;

  private Connection open() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try {
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA trusted_schema = OFF");
      }
      ProgressHandler.setHandler(c, PROGRESS_STEPS, new ProgressHandler() {
        @Override
        protected int progress() {
          return Budget.spent() ? 1 : 0; // non-zero interrupts the statement
        }
      });
      requireTables(c);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /**
   * A failure in words, without SQLite's own codes and text (they name internals, not the user's file): a spent
   * budget is the budget's exception, so the web layer answers it as such.
   */
  private RuntimeException failure(SQLException e, String what) {
    Budget.checkpoint();
    SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : SQLiteErrorCode.UNKNOWN_ERROR;
    String why = switch (code) {
      case SQLITE_NOTADB -> "the file is not an SQLite database";
      case SQLITE_CORRUPT -> "the file is damaged";
      case SQLITE_INTERRUPT -> "reading it was stopped";
      default -> "the file is damaged or not a GeoPackage";
    };
    return new SourceException(file + ": " + what + ": " + why, e);
  }

  /** The metadata Tapak reads must be plain tables: a view named gpkg_contents would run the author's SQL. */
  private void requireTables(Connection c) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT lower(name) FROM sqlite_master "
        + "WHERE type = 'table' AND lower(name) IN ('gpkg_contents', 'gpkg_geometry_columns', 'gpkg_spatial_ref_sys')"
        + " AND sql NOT LIKE 'CREATE VIRTUAL%'")) {
      while (rs.next()) {
        found.add(rs.getString(1));
      }
    }
    for (String t : List.of("gpkg_contents", "gpkg_geometry_columns", "gpkg_spatial_ref_sys")) {
      if (!found.contains(t)) {
        throw new SourceException(file + ": not a GeoPackage: " + t + " is missing or is not a table");
      }
    }
  }

  private Table table(Connection c) throws SQLException {
    String name = tableName(c);
    String geomColumn;
    int srsId;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SourceException(file + ": layer '" + name + "' has no row in gpkg_geometry_columns");
        }
        geomColumn = rs.getString(1);
        srsId = rs.getInt(2);
      }
    }
    List<String> fields = new ArrayList<>();
    List<Boolean> booleans = new ArrayList<>();
    String idColumn = null;
    int pkColumns = 0;
    String pkCandidate = null;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA table_info(" + quote(name) + ")")) {
      while (rs.next()) {
        String col = rs.getString("name");
        String type = rs.getString("type") == null ? "" : rs.getString("type").toUpperCase(Locale.ROOT);
        if (rs.getInt("pk") > 0) {
          pkColumns++;
          if (type.equals("INTEGER")) {
            pkCandidate = col;
          }
        }
        if (!col.equalsIgnoreCase(geomColumn)) {
          fields.add(col);
          booleans.add(type.equals("BOOLEAN"));
        }
      }
    }
    if (pkColumns == 1 && pkCandidate != null) {
      idColumn = pkCandidate;
      int at = fields.indexOf(pkCandidate);
      fields.remove(at);
      booleans.remove(at);
    }
    return new Table(name, geomColumn, idColumn, fields, booleans, epsg(c, srsId));
  }

  /** The requested feature table, or the only one; an unknown or missing name lists the tables there are. */
  private String tableName(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT c.table_name FROM gpkg_contents c WHERE c.data_type = 'features' AND EXISTS (SELECT 1 FROM "
                + "sqlite_master m WHERE m.type = 'table' AND lower(m.name) = lower(c.table_name) AND m.sql NOT LIKE "
                + "'CREATE VIRTUAL%') ORDER BY c.table_name")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    if (tables.isEmpty()) {
      throw new SourceException(file + ": the GeoPackage holds no feature table (views and virtual tables are not "
          + "read)");
    }
    if (layer == null) {
      if (tables.size() > 1) {
        throw SourceException.atKey("source.layer", file + ": the GeoPackage holds " + tables.size()
            + " feature tables; set source.layer to one of: " + String.join(", ", tables));
      }
      return tables.get(0);
    }
    for (String t : tables) {
      if (t.equals(layer)) {
        return t;
      }
    }
    for (String t : tables) {
      if (t.equalsIgnoreCase(layer)) {
        return t;
      }
    }
    throw SourceException.atKey("source.layer", file + ": no feature table '" + layer
        + "'; the GeoPackage holds: " + String.join(", ", tables));
  }

  /** EPSG code of a GeoPackage srs_id; empty for the undefined SRSs (-1, 0) and for non-EPSG definitions. */
  private static OptionalInt epsg(Connection c, int srsId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
      ps.setInt(1, srsId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && "EPSG".equalsIgnoreCase(rs.getString(1)) && rs.getInt(2) > 0) {
          return OptionalInt.of(rs.getInt(2));
        }
      }
    }
    return OptionalInt.empty();
  }

  private static @Nullable Object value(@Nullable Object v, boolean declaredBoolean) {
    if (v instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (declaredBoolean && v instanceof Number n) {
      return n.intValue() != 0;
    }
    return v;
  }

  /** An SQL identifier in double quotes, embedded quotes doubled (table and column names come from the file). */
  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
