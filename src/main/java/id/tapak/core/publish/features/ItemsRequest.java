package id.tapak.core.publish.features;

import id.tapak.core.catalog.FeatureQuery;
import id.tapak.core.model.TapakException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;

/**
 * A {@code /collections/{id}/items} request, parsed from the raw query strings so every malformed value is answered
 * with a 400 that names its parameter (a framework's type conversion would answer "failed to convert").
 *
 * <p>Choices, as in pygeoapi and GeoServer: a {@code limit} above {@link FeatureQuery#MAX_LIMIT} is clamped to it
 * (OGC API – Features Part 1 lets a server return fewer features than asked, never an error for a large limit); an
 * empty parameter counts as absent; {@code bbox} is CRS84 longitude/latitude {@code minLon,minLat,maxLon,maxLat}, or
 * six numbers with heights, which are ignored. Boxes crossing the antimeridian ({@code minLon > maxLon}) are refused:
 * Indonesia does not need them. {@code datetime} (an RFC 3339 date, date-time or interval, open ends {@code ..}) is
 * checked but filters nothing: no Tapak layer carries time, and a plan or an estate boundary is valid "now".
 *
 * @param collectionId the collection (layer) id, as given in the path
 * @param query the validated bbox, page size and offset
 */
public record ItemsRequest(String collectionId, FeatureQuery query) {

  /** Page size when the client names none; GDAL and QGIS always send their own. */
  public static final int DEFAULT_LIMIT = FeatureQuery.DEFAULT_LIMIT;

  private static final Pattern WHOLE = Pattern.compile("\\d+");

  public ItemsRequest {
    Objects.requireNonNull(collectionId, "collectionId");
    Objects.requireNonNull(query, "query");
  }

  /**
   * Parses raw query values; null or blank means absent.
   *
   * @throws TapakException BAD_REQUEST naming {@code bbox}, {@code limit} or {@code offset}
   */
  public static ItemsRequest parse(String collectionId, @Nullable String bbox, @Nullable String limit,
      @Nullable String offset) {
    return new ItemsRequest(collectionId, new FeatureQuery(bbox(bbox), limit(limit), offset(offset)));
  }

  /**
   * As {@link #parse(String, String, String, String)}, also checking {@code datetime}.
   *
   * @throws TapakException BAD_REQUEST naming {@code bbox}, {@code limit}, {@code offset} or {@code datetime}
   */
  public static ItemsRequest parse(String collectionId, @Nullable String bbox, @Nullable String limit,
      @Nullable String offset, @Nullable String datetime) {
    checkDatetime(datetime);
    return parse(collectionId, bbox, limit, offset);
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

  /** The bbox in lon/lat, or null when absent. */
  static @Nullable Envelope bbox(@Nullable String raw) {
    if (blank(raw)) {
      return null;
    }
    String[] parts = raw.split(",", -1);
    if (parts.length != 4 && parts.length != 6) {
      throw bad("bbox", "bbox must be 4 numbers minLon,minLat,maxLon,maxLat (CRS84) or 6 with heights, got "
          + parts.length + " value(s)");
    }
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = number(parts[i].trim());
    }
    int hi = parts.length / 2; // 6 numbers: minx,miny,minz,maxx,maxy,maxz
    double minX = v[0];
    double minY = v[1];
    double maxX = v[hi];
    double maxY = v[hi + 1];
    if (Math.abs(minX) > 180 || Math.abs(maxX) > 180) {
      throw bad("bbox", "bbox longitudes must lie in -180..180 (axis order is longitude,latitude)");
    }
    if (Math.abs(minY) > 90 || Math.abs(maxY) > 90) {
      throw bad("bbox", "bbox latitudes must lie in -90..90 (axis order is longitude,latitude)");
    }
    if (minY > maxY) {
      throw bad("bbox", "bbox minLat " + minY + " is greater than maxLat " + maxY);
    }
    if (minX > maxX) {
      throw bad("bbox", "bbox minLon " + minX + " is greater than maxLon " + maxX
          + "; boxes crossing the antimeridian are not supported");
    }
    return new Envelope(minX, maxX, minY, maxY);
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
  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  private static TapakException bad(String field, String message) {
    return TapakException.badRequest(field, message);
  }
}
