package id.tapak.core.publish.features;

import id.tapak.core.catalog.FeatureQuery;
import id.tapak.core.model.TapakException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;

/**
 * A {@code /collections/{id}/items} request, parsed from the raw query strings so every malformed value is answered
 * with a 400 that names its parameter (a framework's type conversion would answer "failed to convert").
 *
 * <p>Choices, as in pygeoapi and GeoServer: a {@code limit} above {@link FeatureQuery#MAX_LIMIT} is clamped to it
 * (OGC API – Features Part 1 lets a server return fewer features than asked, never an error for a large limit); an
 * empty parameter counts as absent; {@code bbox} is {@code minx,miny,maxx,maxy} in {@code bbox-crs} (default CRS84
 * longitude/latitude), or six numbers with heights, which are ignored. A CRS84 box with {@code minLon > maxLon}
 * crosses the antimeridian and is read as two boxes (Part 1 /req/core/fc-bbox-definition). {@code datetime} (an
 * RFC 3339 date, date-time or interval, open ends {@code ..}) is checked but filters nothing: no Tapak layer carries
 * time, and a plan or an estate boundary is valid "now". A parameter the API does not define is a 400 naming it
 * (Part 1 /req/core/query-param-unknown). {@code filter} and {@code sortby} are kept as text here and compiled against
 * the collection's queryables by {@link FeaturesApi}.
 *
 * @param collectionId the collection (layer) id, as given in the path
 * @param query the validated page size and offset, and the bbox in lon/lat (the western part when it crosses the
 *     antimeridian)
 * @param eastPart the part of a bbox east of the antimeridian, {@code [-180, maxLon]}, or null
 * @param crs the CRS to answer in ({@code crs}, default CRS84)
 * @param bboxCrs the CRS the bbox was given in ({@code bbox-crs}, default CRS84)
 * @param filter the {@code filter} text, or null
 * @param filterLang {@code cql2-text} (default) or {@code cql2-json}
 * @param filterCrs the CRS of the filter's geometry literals ({@code filter-crs}, default CRS84)
 * @param sortby the {@code sortby} text, or null
 * @param echo the parameters to repeat in next/prev links (all but {@code offset}, {@code limit} and {@code f}), in
 *     request order
 */
public record ItemsRequest(String collectionId, FeatureQuery query, @Nullable Envelope eastPart, CrsRef crs,
    CrsRef bboxCrs,
    @Nullable String filter, String filterLang, CrsRef filterCrs, @Nullable String sortby, Map<String, String> echo) {

  /** Page size when the client names none; GDAL and QGIS always send their own. */
  public static final int DEFAULT_LIMIT = FeatureQuery.DEFAULT_LIMIT;
  /** The query parameters of the items operation, as the OpenAPI document lists them. */
  public static final Set<String> PARAMETERS = Set.of("bbox", "bbox-crs", "limit", "offset", "datetime", "crs",
      "filter", "filter-lang", "filter-crs", "sortby", "f");
  /** {@code filter-lang} values. */
  public static final String CQL2_TEXT = "cql2-text";
  public static final String CQL2_JSON = "cql2-json";

  private static final Pattern WHOLE = Pattern.compile("\\d+");

  public ItemsRequest {
    Objects.requireNonNull(collectionId, "collectionId");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(crs, "crs");
    Objects.requireNonNull(bboxCrs, "bboxCrs");
    Objects.requireNonNull(filterLang, "filterLang");
    Objects.requireNonNull(filterCrs, "filterCrs");
    echo = Collections.unmodifiableMap(new LinkedHashMap<>(echo));
  }

  /**
   * Parses raw query values; null or blank means absent.
   *
   * @throws TapakException BAD_REQUEST naming {@code bbox}, {@code limit} or {@code offset}
   */
  public static ItemsRequest parse(String collectionId, @Nullable String bbox, @Nullable String limit,
      @Nullable String offset) {
    return parse(collectionId, bbox, limit, offset, null);
  }

  /**
   * As {@link #parse(String, String, String, String)}, also checking {@code datetime}.
   *
   * @throws TapakException BAD_REQUEST naming {@code bbox}, {@code limit}, {@code offset} or {@code datetime}
   */
  public static ItemsRequest parse(String collectionId, @Nullable String bbox, @Nullable String limit,
      @Nullable String offset, @Nullable String datetime) {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "bbox", bbox);
    put(m, "limit", limit);
    put(m, "offset", offset);
    put(m, "datetime", datetime);
    return parse(collectionId, m);
  }

  private static void put(Map<String, String> m, String k, @Nullable String v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  /**
   * Parses every items parameter from the query (first value of each name).
   *
   * @throws TapakException BAD_REQUEST naming the parameter at fault, also an unknown one
   */
  public static ItemsRequest parse(String collectionId, Map<String, String> params) {
    requireKnown(params, PARAMETERS);
    checkDatetime(params.get("datetime"));
    CrsRef bboxCrs = blank(params.get("bbox-crs")) ? CrsRef.CRS84 : CrsRef.parse(params.get("bbox-crs"), "bbox-crs");
    Envelope[] parts = bbox(params.get("bbox"), bboxCrs);
    CrsRef crs = blank(params.get("crs")) ? CrsRef.CRS84 : CrsRef.parse(params.get("crs"), "crs");
    String lang = blank(params.get("filter-lang")) ? CQL2_TEXT : params.get("filter-lang").trim();
    if (!lang.equals(CQL2_TEXT) && !lang.equals(CQL2_JSON)) {
      throw bad("filter-lang", "filter-lang must be cql2-text or cql2-json, got '" + abbreviate(lang) + "'");
    }
    CrsRef filterCrs = blank(params.get("filter-crs")) ? CrsRef.CRS84
        : CrsRef.parse(params.get("filter-crs"), "filter-crs");
    String filter = blank(params.get("filter")) ? null : params.get("filter");
    String sortby = blank(params.get("sortby")) ? null : params.get("sortby").trim();
    Map<String, String> echo = new LinkedHashMap<>();
    params.forEach((k, v) -> {
      if (!k.equals("offset") && !k.equals("limit") && !k.equals("f") && !blank(v)) {
        echo.put(k, v);
      }
    });
    return new ItemsRequest(collectionId, new FeatureQuery(parts == null ? null : parts[0], limit(params.get("limit")),
        offset(params.get("offset"))), parts == null || parts.length < 2 ? null : parts[1], crs, bboxCrs, filter, lang,
        filterCrs, sortby, echo);
  }

  /**
   * Refuses a parameter the operation does not define (Part 1 /req/core/query-param-unknown).
   *
   * @throws TapakException BAD_REQUEST naming the first unknown parameter
   */
  public static void requireKnown(Map<String, String> params, Set<String> known) {
    for (String k : params.keySet()) {
      if (!known.contains(k)) {
        throw bad(k, "unknown query parameter '" + abbreviate(k) + "'; this operation takes "
            + String.join(", ", new java.util.TreeSet<>(known)));
      }
    }
  }

  /** An instant ({@code 2024-02-12} or {@code 2024-02-12T23:20:50Z}) or an interval {@code start/end}. */
  static void checkDatetime(@Nullable String raw) {
    if (blank(raw)) {
      return;
    }
    String[] ends = raw.trim().split("/", -1);
    if (ends.length > 2 || (ends.length == 2 && open(ends[0]) && open(ends[1]))) {
      throw bad("datetime", "datetime must be an RFC 3339 date or date-time, or an interval start/end with at most "
          + "one open end '..', got '" + abbreviate(raw.trim()) + "'");
    }
    for (String e : ends) {
      if (ends.length == 2 && open(e)) {
        continue;
      }
      try {
        if (e.length() == 10) {
          LocalDate.parse(e);
        } else {
          OffsetDateTime.parse(e);
        }
      } catch (DateTimeParseException ex) {
        throw bad("datetime", "datetime '" + abbreviate(e) + "' is not an RFC 3339 date (2024-02-12) or date-time "
            + "(2024-02-12T23:20:50Z)");
      }
    }
  }

  private static boolean open(String end) {
    return end.isEmpty() || end.equals("..");
  }

  /** The bbox in lon/lat (CRS84), or null when absent; one box, for callers that do not split. */
  static @Nullable Envelope bbox(@Nullable String raw) {
    Envelope[] parts = bbox(raw, CrsRef.CRS84);
    if (parts != null && parts.length > 1) {
      throw bad("bbox", "this bbox crosses the antimeridian; it is two boxes");
    }
    return parts == null ? null : parts[0];
  }

  /**
   * The bbox as one lon/lat box, or two when a CRS84/EPSG:4326 box crosses the antimeridian ({@code [minLon, 180]}
   * and {@code [-180, maxLon]}); null when absent. Numbers come in the axis order of {@code crs}.
   */
  static Envelope @Nullable [] bbox(@Nullable String raw, CrsRef crs) {
    if (blank(raw)) {
      return null;
    }
    String[] parts = raw.split(",", -1);
    if (parts.length != 4 && parts.length != 6) {
      throw bad("bbox", "bbox must be 4 numbers minx,miny,maxx,maxy (CRS84: minLon,minLat,maxLon,maxLat) or 6 "
          + "with heights, got " + parts.length + " value(s)");
    }
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = number(parts[i].trim());
    }
    int hi = parts.length / 2; // 6 numbers: minx,miny,minz,maxx,maxy,maxz
    if (!crs.geographic()) {
      if (v[0] > v[hi] || v[1] > v[hi + 1]) {
        throw bad("bbox", "bbox lower corner must not exceed the upper corner in " + crs.uri());
      }
      return new Envelope[] {crs.boxToLonLat(v[0], v[1], v[hi], v[hi + 1])};
    }
    // EPSG:4326 and EPSG:4755 boxes are latitude first. A box whose first axis cannot be a latitude (|v| > 90) but
    // reads as longitude,latitude is taken in that order: for Indonesia (longitudes 94–142) the two readings never
    // overlap, and clients, ets-ogcapi-features10 1.9 among them, send bbox-crs=EPSG:4326 boxes longitude first.
    boolean latFirst = crs.latFirst() && !(Math.abs(v[0]) > 90 && Math.abs(v[hi]) > 90 && Math.abs(v[1]) <= 90
        && Math.abs(v[hi + 1]) <= 90);
    double minX = latFirst ? v[1] : v[0];
    double minY = latFirst ? v[0] : v[1];
    double maxX = latFirst ? v[hi + 1] : v[hi];
    double maxY = latFirst ? v[hi] : v[hi + 1];
    String order = latFirst ? "latitude,longitude" : "longitude,latitude";
    if (Math.abs(minX) > 180 || Math.abs(maxX) > 180) {
      throw bad("bbox", "bbox longitudes must lie in -180..180 (axis order is " + order + ")");
    }
    if (Math.abs(minY) > 90 || Math.abs(maxY) > 90) {
      throw bad("bbox", "bbox latitudes must lie in -90..90 (axis order is " + order + ")");
    }
    if (minY > maxY) {
      throw bad("bbox", "bbox minLat " + minY + " is greater than maxLat " + maxY);
    }
    if (minX > maxX) {
      return new Envelope[] {new Envelope(minX, 180, minY, maxY), new Envelope(-180, maxX, minY, maxY)};
    }
    return new Envelope[] {new Envelope(minX, maxX, minY, maxY)};
  }

  private static double number(String s) {
    double d;
    try {
      d = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw bad("bbox", "bbox value '" + abbreviate(s) + "' is not a number");
    }
    if (!Double.isFinite(d) || s.isEmpty() || !Character.isDigit(s.charAt(s.length() - 1))) {
      throw bad("bbox", "bbox value '" + abbreviate(s) + "' is not a finite decimal number");
    }
    return d;
  }

  /** The page size: absent → default, over the maximum → the maximum. */
  static int limit(@Nullable String raw) {
    if (blank(raw)) {
      return DEFAULT_LIMIT;
    }
    String s = raw.trim();
    if (!WHOLE.matcher(s).matches()) {
      throw bad("limit", "limit must be a whole number from 1 to " + FeatureQuery.MAX_LIMIT + ", got '"
          + abbreviate(s) + "'");
    }
    long n = s.length() > 9 ? Long.MAX_VALUE : Long.parseLong(s);
    if (n < 1) {
      throw bad("limit", "limit must be at least 1, got " + s);
    }
    return (int) Math.min(n, FeatureQuery.MAX_LIMIT);
  }

  /** The number of matched features to skip: absent → 0, beyond any layer → {@link Integer#MAX_VALUE}. */
  static int offset(@Nullable String raw) {
    if (blank(raw)) {
      return 0;
    }
    String s = raw.trim();
    if (!WHOLE.matcher(s).matches()) {
      throw bad("offset", "offset must be a whole number, 0 or more, got '" + abbreviate(s) + "'");
    }
    return s.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(s);
  }

  private static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }

  /** Echoed values are cut short: a problem answer must not mirror a megabyte query string. */
  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  static TapakException bad(String field, String message) {
    return TapakException.badRequest(field, message);
  }
}
