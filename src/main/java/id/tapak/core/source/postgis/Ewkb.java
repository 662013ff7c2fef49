package id.tapak.core.source.postgis;

import id.tapak.core.geo.GeometryLimits;
import id.tapak.core.source.SourceException;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Decodes the EWKB a PostGIS query returns ({@code ST_AsEWKB}) under the same limits as every other WKB reader
 * ({@link GeometryLimits}, as the GeoPackage codec applies them): the collection depth is scanned on the bytes first,
 * so JTS {@code WKBReader}, which recurses, never sees a geometry nested past
 * {@value GeometryLimits#MAX_GEOMETRY_DEPTH} levels, and a coordinate that is not a finite number is refused. PostGIS
 * itself accepts about 200 levels, enough to be slow but not to overflow a stack; a row from a database is less
 * hostile than an upload, but a bad one must end in one clear line naming it, never in a {@code StackOverflowError}.
 */
final class Ewkb {

  private Ewkb() {}

  /**
   * The geometry, or null when the bytes are null or not WKB at all (the row is then left out, as a GeoPackage
   * reader leaves out a blob it cannot decode).
   *
   * @param where names the relation and row for the message, e.g. {@code postgis table 'public.rtrw' row id 17}
   * @throws SourceException naming {@code where} when the geometry is nested too deep or has a non-finite coordinate
   */
  static @Nullable Geometry read(WKBReader reader, byte @Nullable [] ewkb, String where) {
    if (ewkb == null) {
      return null;
    }
    int depth;
    try {
      depth = GeometryLimits.wkbDepth(ewkb, 0, GeometryLimits.MAX_GEOMETRY_DEPTH);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
    if (depth > GeometryLimits.MAX_GEOMETRY_DEPTH) {
      throw new SourceException(where + ": geometry collections nested deeper than "
          + GeometryLimits.MAX_GEOMETRY_DEPTH + " levels are refused");
    }
    Geometry g;
    try {
      g = reader.read(ewkb);
    } catch (ParseException | RuntimeException malformed) {
      return null;
    }
    if (!GeometryLimits.finite(g)) {
      throw new SourceException(where + ": a coordinate is not a finite number (NaN or infinity)");
    }
    return g;
  }
}
