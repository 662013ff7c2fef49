package id.tapak.core.source.postgis;

import id.tapak.core.catalog.DrawQuery;
import id.tapak.core.catalog.FeaturePage;
import id.tapak.core.catalog.FeatureQuery;
import id.tapak.core.catalog.FeatureVisitor;
import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.LayerSchema;
import id.tapak.core.catalog.LayerSpec;
import id.tapak.core.catalog.LayerUnavailableException;
import id.tapak.core.catalog.PreparedFeatures;
import id.tapak.core.geo.GeoJson;
import id.tapak.core.geo.GeometryRepair;
import id.tapak.core.model.Feature;
import id.tapak.core.model.GeometryKind;
import id.tapak.core.source.SourceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live PostGIS table or view: nothing is read at start-up and nothing is kept but a few numbers; every query goes
 * to the database. Envelope queries are {@code geom && ST_MakeEnvelope(…, 4326)} (the GIST index), exact tests are
 * done in Java on the returned features (the same JTS test as for a {@code MemoryLayer}, so a table answers as the
 * GeoPackage it was imported from), geometries travel as EWKB, {@code ST_Transform} runs in SQL when the SRID is not
 * 4326, invalid geometries are repaired on read as the catalog loader repairs files. Scans and item pages stream
 * through a cursor (autocommit off, fetch size {@value #FETCH_SIZE}); pages are {@code ORDER BY id LIMIT/OFFSET}.
 * Maps get geometries reduced in SQL ({@link #visitForDrawing}).
 *
 * <p>{@link #version()}: see {@link VersionProbe}; checked at most every {@code pollMillis} ms. Count, extent and
 * geometry kind are computed in SQL once per version. A database failure marks the layer unavailable and throws
 * {@link LayerUnavailableException}; the pool reconnects, so the layer recovers by itself. Thread-safe.
 */
public final class PostgisLayer implements Layer {

  private static final Logger LOG = LoggerFactory.getLogger(PostgisLayer.class);
  static final int FETCH_SIZE = 500;
  private static final Set<String> INTEGER_TYPES = Set.of("int2", "int4", "int8");

  private final LayerSpec spec;
  private final String table;
  private final DataSource db;
  private final long pollMillis;

  private volatile @Nullable Relation relation;
  private volatile @Nullable Stats stats;
  private volatile long version;
  private volatile long checkedAt = Long.MIN_VALUE;
  private volatile boolean up = true;
  private volatile @Nullable String reason;
  /** Ids of the features found invalid and repaired on read (counted once each; bounded). */
  private final Set<String> repaired = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private static final int MAX_REPAIRED_IDS = 100_000;
  /** The rows decoded before, by row version or by their exact bytes (bounded; see {@link DecodedRows}). */
  private final DecodedRows decoded = new DecodedRows();
  /** Prepared copies of the large decoded geometries for the exact test of {@link #intersecting}. */
  private final PreparedFeatures prepared = new PreparedFeatures();
  /** Rows sent without their geometry, as rows held decoded (for tests). */
  private final AtomicLong sentWithoutGeometry = new AtomicLong();

  /** Id -> digest of the EWKB last found valid (see {@link #feature}); at most {@value #MAX_VALID_IDS}. */
  private final Map<String, Long> valid = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int MAX_VALID_IDS = 200_000;

  /**
   * @param url JDBC URL, placeholders expanded
   * @param table the table or view, optionally schema-qualified
   * @param pollMillis how often at most the version is asked of the database (ms)
   */
  public PostgisLayer(LayerSpec spec, String url, String table, long pollMillis) {
    this.spec = spec;
    this.table = table;
    this.db = PostgisPools.of(url);
    this.pollMillis = pollMillis;
  }

  /** What the relation is; described once (again after a failure: a re-import may have recreated it). */
  record Relation(String schema, String name, long oid, String geometryColumn, int srid, String idColumn,
      boolean integerId, List<String> fields, GeometryKind declaredKind, VersionProbe probe, boolean rowVersions) {

    String qualified() {
      return PostgisSource.quote(schema) + "." + PostgisSource.quote(name);
    }

    String geom() {
      return PostgisSource.quote(geometryColumn);
    }

    /** The geometry in EPSG:4326 as EWKB. */
    String geom4326() {
      return srid == 4326 ? geom() : "ST_Transform(" + geom() + ", 4326)";
    }

    /** An EPSG:4326 envelope ({@code ?, ?, ?, ?}) in the column's SRID, for the index operator. */
    String envelope() {
      String env = "ST_MakeEnvelope(?, ?, ?, ?, 4326)";
      // a lon/lat box is curved in a projected CRS: densify before transforming so its box covers the whole area
      return srid == 4326 ? env : "ST_Transform(ST_Segmentize(" + env + ", ?), " + srid + ")";
    }

    /** The rows with a geometry, the condition open for more {@code AND}s. */
    String from() {
      return " FROM " + qualified() + " WHERE " + usable();
    }

    String usable() {
      return geom() + " IS NOT NULL AND NOT ST_IsEmpty(" + geom() + ")";
    }

    String select() {
      // the id as text under an alias of its own: ORDER BY "fid" must sort the column, not this text
      StringBuilder sb = new StringBuilder("SELECT ").append(PostgisSource.quote(idColumn))
          .append("::text AS tapak_feature_id, ST_AsEWKB(")
          .append(geom4326()).append(")");
      for (String f : fields) {
        sb.append(", ").append(PostgisSource.quote(f));
      }
      return sb.append(from()).toString();
    }

    String order() {
      return " ORDER BY " + PostgisSource.quote(idColumn);
    }

    /**
     * As {@link #select()}, for a relation with {@link #rowVersions}: the row version ({@link DecodedRows}) is the
     * last column, and the EWKB is NULL for a row whose version is in the array bound first ({@code ?::text[]}), a
     * row the layer holds decoded already. The CASE leaves such a geometry unread (not fetched from TOAST, not
     * encoded, not sent): most of a live check's database time was moving the large plan polygons under the site
     * again (docs/benchmarks.md, scale (c)).
     */
    String selectKnowing() {
      String version = rowVersion();
      StringBuilder sb = new StringBuilder("SELECT ").append(PostgisSource.quote(idColumn))
          .append("::text AS tapak_feature_id, CASE WHEN ").append(version).append(" = ANY(?::text[]) THEN NULL ")
          .append("ELSE ST_AsEWKB(").append(geom4326()).append(") END");
      for (String f : fields) {
        sb.append(", ").append(PostgisSource.quote(f));
      }
      // no NOT ST_IsEmpty here: it reads every candidate's geometry whole out of TOAST, the very cost this query
      // avoids; an empty geometry decodes to nothing and is skipped as in every query (feature), and is never held
      return sb.append(", ").append(version).append(" AS tapak_row_version FROM ").append(qualified())
          .append(" WHERE ").append(geom()).append(" IS NOT NULL").toString();
    }

    /** The row version {@code tableoid/ctid/xmin/stored size of the geometry} ({@link DecodedRows}) in SQL. */
    String rowVersion() {
      return "(tableoid::oid::text || '/' || ctid::text || '/' || xmin::text || '/' || pg_column_size(" + geom()
          + ")::text)";
    }

    /**
     * The first statement of a check's query ({@link #visitHeld}): id, a NULL geometry (so the columns are those of
     * {@link #select()}), the fields, the row version; the condition open for more {@code AND}s.
     */
    String selectVersions() {
      StringBuilder sb = new StringBuilder("SELECT ").append(PostgisSource.quote(idColumn))
          .append("::text AS tapak_feature_id, NULL::bytea");
      for (String f : fields) {
        sb.append(", ").append(PostgisSource.quote(f));
      }
      return sb.append(", ").append(rowVersion()).append(" AS tapak_row_version FROM ").append(qualified())
          .append(" WHERE ").append(geom()).append(" IS NOT NULL").toString();
    }

    /**
     * The second statement of a check's query: id, EWKB and row version of the rows at the tuple ids bound as
     * {@code ?::text[]} (a TID scan: no index, no envelope test).
     */
    String selectByCtid() {
      return "SELECT " + PostgisSource.quote(idColumn) + "::text, ST_AsEWKB(" + geom4326() + "), " + rowVersion()
          + " FROM " + qualified() + " WHERE ctid = ANY(?::text[]::tid[])";
    }
  }

  /** Numbers computed in SQL once per version. */
  private record Stats(long version, long count, int skipped, Envelope bbox, GeometryKind kind) {}

  @Override
  public LayerSpec spec() {
    return spec;
  }

  @Override
  public boolean inMemory() {
    return false;
  }

  @Override
  public boolean available() {
    version();
    return up;
  }

  @Override
  public @Nullable String unavailableReason() {
    return up ? null : reason;
  }

  /**
   * Describes the relation now when the database answers (start-up validation of the table and field mapping).
   *
   * @throws SourceException when the relation or a mapped field does not exist
   * @throws LayerUnavailableException when the database cannot be reached
   */
  public void validate() {
    relation();
  }

  @Override
  public LayerSchema schema() {
    Relation r = relation();
    Stats s = stats();
    return new LayerSchema(r.fields(), s.kind(), r.srid(), repaired.size(), s.skipped(), spec.geometryQuality());
  }

  /** The spec's declaration only: a live layer does not scan its features for their {@code geometry_quality}. */
  @Override
  public @Nullable String geometryQuality() {
    return spec.geometryQuality();
  }

  @Override
  public long version() {
    long now = System.nanoTime() / 1_000_000;
    if (now - checkedAt < pollMillis && checkedAt != Long.MIN_VALUE) {
      return version;
    }
    synchronized (this) {
      if (now - checkedAt < pollMillis && checkedAt != Long.MIN_VALUE) {
        return version;
      }
      try {
        Relation r = relation();
        try (Connection c = db.getConnection()) {
          long v = r.probe().version(c);
          if (!up) {
            LOG.info("layer '{}': database reachable again", spec.id());
          }
          version = v;
          up = true;
          reason = null;
        }
      } catch (SQLException | LayerUnavailableException | SourceException e) {
        markDown(e);
        version = version + 1; // whatever a map showed before is stale now
      }
      // also after a failure: while the database is down it is asked at most every pollMillis, and the numbers
      // cached for the last version are not served (stats() checks up)
      checkedAt = System.nanoTime() / 1_000_000;
      return version;
    }
  }

  @Override
  public long count() {
    return stats().count();
  }

  @Override
  public Envelope bbox() {
    return stats().bbox();
  }

  @Override
  public void visit(@Nullable Envelope env, FeatureVisitor visitor) {
    visit(env, false, visitor);
  }

  /** The rows under the envelope; {@code keep}: rows decoded through {@link DecodedRows} (checks only). */
  private void visit(@Nullable Envelope env, boolean keep, FeatureVisitor visitor) {
    Relation r = relation();
    if (keep && env != null && r.rowVersions()) {
      visitHeld(r, env, visitor);
      return;
    }
    String sql = r.select() + (env == null ? "" : " AND " + r.geom() + " && " + r.envelope()) + r.order();
    query(sql, env == null ? ps -> { } : ps -> bindEnvelope(ps, r, env, 1), (rs, wkb) -> feature(r, rs, wkb, keep),
        visitor);
  }

  /** A row of the first statement of {@link #visitHeld}: the row held decoded under its version, or null. */
  private record Versioned(String id, String version, Map<String, @Nullable Object> properties,
      DecodedRows.@Nullable Decoded held) {}

  /**
   * The rows under the envelope of a table, through {@link DecodedRows}, in two statements on one connection:
   * <ol>
   *   <li>ids, fields and row versions under the envelope, no geometry; a version held decoded is that row;</li>
   *   <li>only when some version is not held: those rows whole, by tuple id ({@code ctid}).</li>
   * </ol>
   * The query this replaces ({@link #visitKnowing}) sent the held versions and let the database test every row
   * against that array ({@code = ANY}, linear in it): with 450 held versions under a 4 km search box, 0.85 ms of
   * database time against 0.55 ms without it (docs/benchmarks.md, scale (c)). Each statement has its own snapshot
   * (READ COMMITTED): a row edited between the two has another version, is not in the second answer, and then the
   * envelope is read again the way before, whole where not held ({@link #visitKnowing}); never a stale row.
   */
  private void visitHeld(Relation r, Envelope env, FeatureVisitor visitor) {
    List<Versioned> rows = new ArrayList<>();
    Map<String, Optional<DecodedRows.Decoded>> fetched = new HashMap<>(); // by version; empty: an empty geometry
    try (Connection c = db.getConnection()) {
      // the first statement outside a transaction: its rows are small (no geometry) and the list of them is what the
      // caller holds anyway, so the driver may read them whole; saves BEGIN and ROLLBACK, a round trip a statement
      try (PreparedStatement ps = c.prepareStatement(r.selectVersions() + " AND " + r.geom() + " && "
          + r.envelope() + r.order())) {
        bindEnvelope(ps, r, env, 1);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String version = rs.getString(3 + r.fields().size());
            rows.add(new Versioned(rs.getString(1), version, PostgisSource.properties(rs, r.fields()),
                decoded.held(version)));
          }
        }
      }
      Set<String> missing = new HashSet<>();
      List<String> tids = new ArrayList<>();
      for (Versioned v : rows) {
        if (v.held() == null && missing.add(v.version())) {
          tids.add(tupleId(v.version()));
        }
      }
      Runnable pause = betweenStatements;
      if (pause != null) {
        pause.run();
      }
      if (!tids.isEmpty()) {
        c.setAutoCommit(false); // the geometries through a cursor: pgjdbc streams only inside a transaction
        try (PreparedStatement ps = c.prepareStatement(r.selectByCtid())) {
          ps.setFetchSize(FETCH_SIZE);
          ps.setArray(1, c.createArrayOf("text", tids.toArray()));
          WKBReader wkb = new WKBReader(GeoJson.FACTORY);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              String version = rs.getString(3);
              if (!missing.contains(version)) {
                continue; // the same ctid in another partition, or the slot of a row edited meanwhile
              }
              byte[] bytes = rs.getBytes(2);
              DecodedRows.Decoded d = decodeRow(bytes, wkb, rs.getString(1));
              if (d != null) {
                decoded.put(version, bytes.length, d);
              }
              fetched.put(version, Optional.ofNullable(d));
            }
          }
        } finally {
          c.rollback();
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw down(e);
    }
    for (Versioned v : rows) {
      if (v.held() == null && !fetched.containsKey(v.version())) {
        visitKnowing(r, env, visitor); // edited between the two statements
        return;
      }
    }
    for (Versioned v : rows) {
      DecodedRows.Decoded d = v.held();
      if (d != null) {
        sentWithoutGeometry.incrementAndGet();
        if (d.repaired() && repaired.size() < MAX_REPAIRED_IDS) {
          repaired.add(v.id());
        }
      } else {
        d = fetched.get(v.version()).orElse(null);
      }
      if (d != null && !visitor.visit(new Feature(v.id() == null ? "" : v.id(), d.geometry(), v.properties()))) {
        return;
      }
    }
  }

  /** The tuple id of a row version {@code tableoid/ctid/xmin/size}: the ctid, {@code (block,offset)}. */
  private static String tupleId(String version) {
    int a = version.indexOf('/');
    return version.substring(a + 1, version.indexOf('/', a + 1));
  }

  /**
   * For tests: run between the two statements of {@link #visitHeld}, to edit a row there (the fallback when a row
   * changed between them); null in service.
   */
  volatile @Nullable Runnable betweenStatements;

  /**
   * The rows under the envelope of a table through {@link DecodedRows} in one statement: the versions held under
   * the envelope are sent along and the database leaves those rows' geometry out. Kept as the answer when a row
   * changes between the two statements of {@link #visitHeld}.
   */
  private void visitKnowing(Relation r, Envelope env, FeatureVisitor visitor) {
    // the rows held decoded, pinned for this query: the database leaves their geometry out
    Map<String, DecodedRows.Decoded> known = decoded.versions(env);
    String sql = r.selectKnowing() + " AND " + r.geom() + " && " + r.envelope() + r.order();
    query(sql, ps -> {
      ps.setArray(1, ps.getConnection().createArrayOf("text", known.keySet().toArray()));
      bindEnvelope(ps, r, env, 2);
    }, (rs, wkb) -> feature(r, rs, wkb, true, known), visitor);
  }

  /**
   * The exact test of {@link Layer#intersecting(Geometry, FeatureVisitor)} (the rows under the envelope, then JTS in
   * Java, so this layer answers as the GeoPackage it was imported from), computed as {@code MemoryLayer} does it: a
   * row is decoded once while it stays the same ({@link DecodedRows}), and a large one (a dissolved plan polygon of
   * thousands of vertices) tested through a prepared copy of that geometry, instead of decoding it and indexing
   * all its segments again per query. Only the paths of checks (this and {@link #candidates}) keep decoded rows:
   * checks ask the same areas again and again (every rule, every check of a site and of the sites near it), whereas
   * item pages and scans pass through a table once, and keeping their rows would only fill the budget.
   */
  /**
   * The rows whose envelope meets {@code env}, through {@link DecodedRows} as {@link #intersecting} reads them: the
   * distance and setback rules of a check ask for the area around the site (some 80 km² for a 4 km search) as often
   * as the exact test asks for the site, and sending and decoding those rows whole again for every check made a live
   * check four times slower than one from the GeoPackage on sites away from settlements (docs/benchmarks.md, scale
   * (c)). The rows are held within the same budget.
   */
  @Override
  public List<Feature> candidates(Envelope env) {
    List<Feature> out = new ArrayList<>();
    visit(env, true, out::add);
    return out;
  }

  @Override
  public void intersecting(Geometry g, FeatureVisitor visitor) {
    PreparedFeatures.Test test = prepared.test(g);
    visit(g.getEnvelopeInternal(), true, f -> !test.intersects(f) || visitor.visit(f));
  }


  /**
   * The map's features reduced in SQL to what the map can show, so a dense tile moves and decodes a fraction of the
   * vertices: {@code ST_ClipByBox2D} to the query's clip box (GEOS rectangle clipping: fast, tolerant of invalid
   * input, its output possibly invalid), then {@code ST_RemoveRepeatedPoints} at the tolerance (drops a vertex
   * closer than that to the last one kept, as the renderer does per pixel, never collapsing a ring: a polygon
   * smaller than a pixel still arrives as a ring and is drawn as a dot), as plain WKB, with only the columns the style
   * reads. Neither tested for validity nor repaired (filling does not need it), and not noted in the per-id
   * validity memo: those digests are of the stored geometry, never of reduced bytes.
   */
  @Override
  public void visitForDrawing(DrawQuery q, FeatureVisitor visitor) {
    Relation r = relation();
    String g = r.geom4326();
    if (q.clip() != null) {
      g = "ST_ClipByBox2D(" + g + ", ST_MakeEnvelope(?, ?, ?, ?, 4326))";
    }
    if (q.tolerance() > 0) {
      g = "ST_RemoveRepeatedPoints(" + g + ", ?)";
    }
    List<String> fields = new ArrayList<>(r.fields());
    if (q.fields() != null) {
      fields.retainAll(q.fields());
    }
    // the id text under an alias of its own, as in Relation.select: ORDER BY must sort the column, not this text
    StringBuilder sql = new StringBuilder("SELECT ").append(PostgisSource.quote(r.idColumn()))
        .append("::text AS tapak_feature_id, ST_AsBinary(").append(g).append(")");
    for (String f : fields) {
      sql.append(", ").append(PostgisSource.quote(f));
    }
    sql.append(r.from()).append(" AND ").append(r.geom()).append(" && ").append(r.envelope()).append(r.order());
    Envelope clip = q.clip();
    query(sql.toString(), ps -> {
      int i = 1;
      if (clip != null) {
        ps.setDouble(i++, clip.getMinX());
        ps.setDouble(i++, clip.getMinY());
        ps.setDouble(i++, clip.getMaxX());
        ps.setDouble(i++, clip.getMaxY());
      }
      if (q.tolerance() > 0) {
        ps.setDouble(i++, q.tolerance());
      }
      bindEnvelope(ps, r, q.box(), i);
    }, (rs, wkb) -> drawn(rs, wkb, fields), visitor);
  }

  @Override
  public List<Feature> nearest(Geometry g, int k) {
    Relation r = relation();
    String target = r.srid() == 4326 ? "ST_GeomFromWKB(?, 4326)"
        : "ST_Transform(ST_GeomFromWKB(?, 4326), " + r.srid() + ")";
    String sql = r.select() + " ORDER BY " + r.geom() + " <-> " + target + " LIMIT " + Math.max(0, k);
    List<Feature> out = new ArrayList<>();
    byte[] wkb = new WKBWriter(2).write(g);
    run(r, sql, ps -> ps.setBytes(1, wkb), out::add);
    return out;
  }

  @Override
  public Optional<Feature> feature(String id) {
    Relation r = relation();
    String sql;
    Object key;
    if (r.integerId()) {
      try {
        key = Long.parseLong(id.trim());
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      sql = r.select() + " AND " + PostgisSource.quote(r.idColumn()) + " = ?";
    } else {
      key = id;
      sql = r.select() + " AND " + PostgisSource.quote(r.idColumn()) + "::text = ?";
    }
    List<Feature> out = new ArrayList<>();
    run(r, sql + r.order() + " LIMIT 1", ps -> ps.setObject(1, key), out::add);
    return out.stream().findFirst();
  }

  @Override
  public FeaturePage query(FeatureQuery q) {
    Relation r = relation();
    Envelope b = q.bbox();
    List<Feature> page = new ArrayList<>();
    if (b == null) {
      long n = count();
      run(r, r.select() + r.order() + " LIMIT ? OFFSET ?", ps -> {
        ps.setInt(1, q.limit());
        ps.setInt(2, q.offset());
      }, page::add);
      return new FeaturePage(page, (int) Math.min(Integer.MAX_VALUE, n));
    }
    // exact in SQL here (numberMatched needs it without reading the rows); the index answers the && part
    String where = " AND " + r.geom() + " && " + r.envelope() + " AND ST_Intersects(" + r.geom4326()
        + ", ST_MakeEnvelope(?, ?, ?, ?, 4326))";
    long[] n = {0};
    count(r, "SELECT count(*)" + r.from() + where, ps -> bindTwice(ps, r, b, 1), v -> n[0] = v);
    int[] next = new int[1];
    run(r, r.select() + where + r.order() + " LIMIT ? OFFSET ?", ps -> {
      next[0] = bindTwice(ps, r, b, 1);
      ps.setInt(next[0], q.limit());
      ps.setInt(next[0] + 1, q.offset());
    }, page::add);
    return new FeaturePage(page, (int) Math.min(Integer.MAX_VALUE, n[0]));
  }

  @Override
  public List<Object> distinctValues(String field, int limit) {
    Relation r = relation();
    if (!r.fields().contains(field)) {
      return List.of();
    }
    String col = PostgisSource.quote(field);
    String sql = "SELECT DISTINCT " + col + " FROM " + r.qualified() + " WHERE " + col + " IS NOT NULL LIMIT ?";
    List<Object> out = new ArrayList<>();
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Object v = PostgisSource.value(rs.getObject(1));
          if (v != null) {
            out.add(v);
          }
        }
      }
    } catch (SQLException e) {
      throw down(e);
    }
    return out;
  }

  // --- SQL plumbing ---

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private interface LongSink {
    void accept(long v);
  }

  /** One feature from the current row, or null to skip the row. */
  private interface RowReader {
    @Nullable Feature read(ResultSet rs, WKBReader wkb) throws SQLException;
  }

  /** Binds the envelope (and the densify step in a projected CRS) from index {@code i}; returns the next index. */
  private static int bindEnvelope(PreparedStatement ps, Relation r, Envelope e, int i) throws SQLException {
    ps.setDouble(i++, e.getMinX());
    ps.setDouble(i++, e.getMinY());
    ps.setDouble(i++, e.getMaxX());
    ps.setDouble(i++, e.getMaxY());
    if (r.srid() != 4326) {
      ps.setDouble(i++, Math.max(e.getWidth(), e.getHeight()) / 16 + 1e-9);
    }
    return i;
  }

  /** The envelope for {@code &&} (in the column's SRID) and again for the exact test in EPSG:4326. */
  private static int bindTwice(PreparedStatement ps, Relation r, Envelope e, int i) throws SQLException {
    i = bindEnvelope(ps, r, e, i);
    ps.setDouble(i++, e.getMinX());
    ps.setDouble(i++, e.getMinY());
    ps.setDouble(i++, e.getMaxX());
    ps.setDouble(i++, e.getMaxY());
    return i;
  }

  private void count(Relation r, String sql, Binder binder, LongSink sink) {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          sink.accept(rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw down(e);
    }
  }

  private void run(Relation r, String sql, Binder binder, FeatureVisitor visitor) {
    query(sql, binder, (rs, wkb) -> feature(r, rs, wkb, false), visitor);
  }

  /** Runs a feature query through a cursor (autocommit off + fetch size), stopping when the visitor says so. */
  private void query(String sql, Binder binder, RowReader reader, FeatureVisitor visitor) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false); // pgjdbc streams with a cursor only inside a transaction
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(FETCH_SIZE);
        binder.bind(ps);
        WKBReader wkb = new WKBReader(GeoJson.FACTORY);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Feature f = reader.read(rs, wkb);
            if (f != null && !visitor.visit(f)) {
              break;
            }
          }
        }
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw down(e);
    }
  }

  /** One row as a feature; {@code keep}: the row is looked up in and kept by {@link #decoded}. */
  private @Nullable Feature feature(Relation r, ResultSet rs, WKBReader wkb, boolean keep) throws SQLException {
    return feature(r, rs, wkb, keep, null);
  }

  /**
   * One row as a feature. {@code keep}: the row is looked up in and kept by {@link #decoded}, by its row version
   * when {@code known} is given (the rows of {@link Relation#selectKnowing}: a NULL geometry is one of those), else by
   * its bytes.
   */
  private @Nullable Feature feature(Relation r, ResultSet rs, WKBReader wkb, boolean keep,
      @Nullable Map<String, DecodedRows.Decoded> known) throws SQLException {
    byte[] bytes = rs.getBytes(2);
    String id = rs.getString(1);
    String version = known == null ? null : rs.getString(3 + r.fields().size());
    // a row read before unchanged: its decoded, repaired geometry, the same object as then
    DecodedRows.Decoded before = null;
    if (keep && version != null && bytes == null) {
      before = known.get(version);
      if (before == null) {
        throw new IllegalStateException("layer '" + spec.id() + "': row " + id + " came without its geometry, as a "
            + "row held decoded, but none is held under version " + version);
      }
      decoded.used(version);
      sentWithoutGeometry.incrementAndGet();
    } else if (keep && version == null && bytes != null) {
      before = decoded.get(bytes);
    }
    if (before != null) {
      if (before.repaired() && repaired.size() < MAX_REPAIRED_IDS) {
        repaired.add(String.valueOf(id));
      }
      return new Feature(id == null ? "" : id, before.geometry(), PostgisSource.properties(rs, r.fields()));
    }
    DecodedRows.Decoded d = decodeRow(bytes, wkb, id);
    if (d == null) {
      return null;
    }
    if (keep) {
      if (version != null) {
        decoded.put(version, bytes.length, d);
      } else {
        decoded.put(bytes, d);
      }
    }
    return new Feature(id == null ? "" : id, d.geometry(), PostgisSource.properties(rs, r.fields()));
  }

  /** One row's geometry decoded and, where invalid, repaired; null when missing or empty. */
  private DecodedRows.@Nullable Decoded decodeRow(byte @Nullable [] bytes, WKBReader wkb, @Nullable String id) {
    Geometry g = decode(bytes, wkb, id);
    if (g == null) {
      return null;
    }
    // the validity test is most of a check's time on a live layer (72 % of its samples, docs/benchmarks.md scale
    // (c)): a feature whose very bytes were found valid before is not tested again. Keyed by the id, the value is
    // a 64-bit digest of the EWKB (CRC-32C and length), so an edited row is tested again at once, whatever the
    // version poll says; bounded (about 100 bytes an entry), so memory does not follow the table beyond it.
    long digest = digest(bytes);
    Long validBefore = id == null ? null : valid.get(id);
    GeometryRepair.Result fixed = validBefore != null && validBefore == digest
        ? new GeometryRepair.Result(g, false) : GeometryRepair.repair(g);
    if (id != null && !fixed.repaired()) {
      if (valid.size() >= MAX_VALID_IDS) {
        valid.clear(); // crude but bounded: a table larger than this is tested again, never held whole
      }
      valid.put(id, digest);
    }
    if (fixed.repaired() && repaired.size() < MAX_REPAIRED_IDS) {
      repaired.add(String.valueOf(id));
    }
    if (fixed.geometry().isEmpty()) {
      return null;
    }
    return new DecodedRows.Decoded(fixed.geometry(), fixed.repaired());
  }


  /**
   * One row's EWKB, under the {@code GeometryLimits} of every other WKB ({@link Ewkb}); null for a missing or empty
   * geometry. A refused row fails the query that met it with one line naming layer and row (503; a check:
   * NOT_ASSESSED), never with a stack overflow or by leaving the row out silently; the layer stays up for queries
   * that miss it.
   */
  private @Nullable Geometry decode(byte @Nullable [] bytes, WKBReader wkb, @Nullable String id) {
    Geometry g;
    try {
      g = Ewkb.read(wkb, bytes, "postgis table '" + table + "' row id " + id);
    } catch (SourceException refused) {
      throw new LayerUnavailableException(spec.id(), refused.getMessage(), refused);
    }
    if (g == null || g.isEmpty()) {
      return null;
    }
    g.setSRID(4326);
    return g;
  }

  /** A row of {@link #visitForDrawing}: id, reduced WKB, the style's columns; no validity test, no repair. */
  private @Nullable Feature drawn(ResultSet rs, WKBReader wkb, List<String> fields) throws SQLException {
    String id = rs.getString(1);
    Geometry g = decode(rs.getBytes(2), wkb, id);
    if (g == null) {
      return null; // also when clipped away: the envelope met the map, the geometry does not
    }
    return new Feature(id == null ? "" : id, g, PostgisSource.properties(rs, fields));
  }

  private Stats stats() {
    long v = version();
    if (!up) {
      throw new LayerUnavailableException(spec.id(), reason == null ? "database unreachable" : reason, null);
    }
    Stats s = stats;
    if (s != null && s.version() == v) {
      return s;
    }
    Relation r = relation();
    String ok = r.usable();
    String sql = "SELECT n, total - n, ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT count(*) FILTER "
        + "(WHERE " + ok + ") AS n, count(*) AS total, ST_Extent(" + r.geom4326() + ") FILTER (WHERE " + ok
        + ") AS e FROM " + r.qualified() + ") q";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      long count = 0;
      int skipped = 0;
      Envelope bbox = new Envelope();
      if (rs.next()) {
        count = rs.getLong(1);
        skipped = rs.getInt(2);
        if (rs.getObject(3) != null) {
          bbox = new Envelope(rs.getDouble(3), rs.getDouble(5), rs.getDouble(4), rs.getDouble(6));
        }
      }
      GeometryKind kind = r.declaredKind() != GeometryKind.MIXED ? r.declaredKind() : kindOf(c, r);
      s = new Stats(v, count, skipped, bbox, kind);
      stats = s;
      return s;
    } catch (SQLException e) {
      throw down(e);
    }
  }

  private static GeometryKind kindOf(Connection c, Relation r) throws SQLException {
    GeometryKind kind = null;
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT GeometryType(" + r.geom() + ") FROM "
        + r.qualified() + " WHERE " + r.geom() + " IS NOT NULL LIMIT 8"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        GeometryKind k = kindOf(rs.getString(1));
        kind = kind == null ? k : kind.merge(k);
      }
    }
    return kind == null ? GeometryKind.MIXED : kind;
  }

  static GeometryKind kindOf(@Nullable String type) {
    String t = type == null ? "" : type.toUpperCase(java.util.Locale.ROOT).replace("MULTI", "");
    return switch (t) {
      case "POINT" -> GeometryKind.POINT;
      case "LINESTRING", "CURVE", "COMPOUNDCURVE" -> GeometryKind.LINE;
      case "POLYGON", "SURFACE", "CURVEPOLYGON" -> GeometryKind.POLYGON;
      default -> GeometryKind.MIXED;
    };
  }

  private Relation relation() {
    Relation r = relation;
    if (r != null) {
      return r;
    }
    synchronized (this) {
      if (relation == null) {
        try (Connection c = db.getConnection()) {
          relation = describe(c);
        } catch (SQLException e) {
          throw down(e);
        }
      }
      return relation;
    }
  }

  private Relation describe(Connection c) throws SQLException {
    PostgisSource.Relation base = new PostgisSource("", table).relation(c);
    String geometryColumn = spec.source().geometryColumn() != null ? spec.source().geometryColumn()
        : base.geometryColumn();
    int srid = base.epsg().orElse(0);
    String declared = null;
    try (PreparedStatement ps = c.prepareStatement("SELECT srid, type FROM geometry_columns WHERE f_table_schema = ? "
        + "AND f_table_name = ? AND f_geometry_column = ?")) {
      ps.setString(1, base.schema());
      ps.setString(2, base.name());
      ps.setString(3, geometryColumn);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw SourceException.atKey("source.geometryColumn", "postgis table '" + table + "': no geometry column '"
              + geometryColumn + "' listed in geometry_columns");
        }
        srid = rs.getInt(1);
        declared = rs.getString(2);
      }
    }
    if (srid <= 0) {
      throw SourceException.atKey("source.crs", "postgis table '" + table + "': column '" + geometryColumn
          + "' has no SRID; give it one (UpdateGeometrySRID) or use mode: memory with source.crs");
    }
    List<String> fields = new ArrayList<>(base.fields());
    fields.remove(geometryColumn);
    for (Map.Entry<String, String> e : spec.fields().entries().entrySet()) {
      if (!fields.contains(e.getValue()) && !e.getValue().equals(base.idColumn())) {
        throw SourceException.atKey("fields." + e.getKey(), "field '" + e.getValue()
            + "' does not exist in the source (fields: " + String.join(", ", fields) + ")");
      }
    }
    String idColumn = spec.fields().id() != null ? spec.fields().id() : base.idColumn();
    if (idColumn == null) {
      throw SourceException.atKey("fields.id", "postgis table '" + table + "': a live layer needs a stable id: the "
          + "relation has no single-column integer primary key (a view?), so set fields.id to a unique column, "
          + "or load it with mode: memory");
    }
    boolean integerId = idColumn.equals(base.idColumn()) || INTEGER_TYPES.contains(base.types().get(idColumn));
    return new Relation(base.schema(), base.name(), base.oid(), geometryColumn, srid, idColumn, integerId, fields,
        kindOf(declared), VersionProbe.of(c, base.oid()), base.rowVersions());
  }

  private LayerUnavailableException down(SQLException e) {
    markDown(e);
    return new LayerUnavailableException(spec.id(), reason == null ? "database error" : reason, e);
  }

  private void markDown(Exception e) {
    relation = null; // describe again once the database answers (a re-import may have recreated the table)
    String why = e instanceof SQLException s ? "database unreachable or failing (SQLState " + s.getSQLState() + ")"
        : e instanceof LayerUnavailableException || e instanceof SourceException ? e.getMessage()
        : e.getClass().getSimpleName();
    if (up) {
      LOG.warn("layer '{}': {}", spec.id(), why);
    }
    up = false;
    reason = why;
  }

  /** The rows kept decoded (for tests). */
  DecodedRows decodedRows() {
    return decoded;
  }

  /** How many rows the database has sent without their geometry, as rows held decoded (for tests). */
  long rowsSentWithoutGeometry() {
    return sentWithoutGeometry.get();
  }

  /** CRC-32C of the bytes in the high half, their length in the low half: equal for equal bytes. */
  private static long digest(byte[] bytes) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(bytes);
    return crc.getValue() << 32 | (bytes.length & 0xffffffffL);
  }
}
