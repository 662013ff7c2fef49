package id.tapak.core.source.shapefile;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a {@code .prj} (ESRI WKT 1, as ArcGIS and GDAL write it) to an EPSG code by the names Indonesian data uses,
 * without a full WKT parser: the outermost PROJCS/GEOGCS name decides. Known names:
 *
 * <ul>
 *   <li>{@code GCS_WGS_1984} → 4326; {@code GCS_DGN_1995} / {@code DGN_1995} → 4755
 *   <li>{@code WGS_1984_UTM_Zone_49S} → 32749 (46N–54S → 326xx/327xx)
 *   <li>{@code DGN_1995_Indonesia_TM-3_Zone_49.2} → 23836 (zones 46.2–54.1 → 23830–23845)
 *   <li>{@code WGS_1984_Web_Mercator_Auxiliary_Sphere} / {@code WGS_1984_Web_Mercator} → 3857
 * </ul>
 *
 * <p>OGC-style names ("WGS 84 / UTM zone 49S", "DGN95 / Indonesia TM-3 zone 49.2") and an outermost
 * {@code AUTHORITY["EPSG","…"]} are recognised too. Anything else is empty, and the catalog then asks the user for
 * {@code source.crs}; guessing a datum would put data hundreds of metres off. A WGS84 name over another datum
 * ({@code GEOGCS["WGS 84",DATUM["D_Batavia"...} is not WGS84 either, and {@link #problem} says why a {@code .prj}
 * gave nothing, so the user is told "unreadable" rather than "missing".
 */
final class PrjReader {

  private static final Pattern OUTER_NAME =
      Pattern.compile("^\\s*(PROJCS|GEOGCS|PROJCRS|GEOGCRS)\\s*\\[\\s*\"([^\"]*)\"");
  /** The authority of the outermost CRS: WKT 1 writes it last, right before the final bracket. */
  private static final Pattern AUTHORITY =
      Pattern.compile("AUTHORITY\\s*\\[\\s*\"EPSG\"\\s*,\\s*\"?(\\d+)\"?\\s*]\\s*]\\s*$");
  private static final Pattern UTM =
      Pattern.compile("WGS_?84_UTM_ZONE_(\\d{2})([NS])|WGS_1984_UTM_ZONE_(\\d{2})([NS])");
  private static final Pattern TM3 = Pattern.compile("(?:DGN_?1995|DGN95)_INDONESIA_TM-?3_ZONE_(\\d{2})\\.([12])");

  private static final Pattern DATUM = Pattern.compile("DATUM\\s*\\[\\s*\"([^\"]*)\"");

  private PrjReader() {}

  /**
   * Why a {@code .prj} gives no EPSG code, for the message: not WKT at all, or the CRS it names. Null when
   * {@link #epsg} reads it.
   */
  static @org.jspecify.annotations.Nullable String problem(String wkt) {
    if (epsg(wkt).isPresent()) {
      return null;
    }
    Matcher m = OUTER_NAME.matcher(wkt);
    if (!m.find()) {
      return "the .prj is not readable as a WKT CRS definition";
    }
    String name = m.group(2).length() > 80 ? m.group(2).substring(0, 80) + "…" : m.group(2);
    return "the .prj names the CRS '" + name.replaceAll("\\p{Cntrl}", "?") + "', which Tapak does not know";
  }

  /** The EPSG code of a {@code .prj} text, or empty when the CRS is not one Tapak knows by name. */
  static OptionalInt epsg(String wkt) {
    Matcher auth = AUTHORITY.matcher(wkt.trim());
    if (auth.find()) {
      return OptionalInt.of(Integer.parseInt(auth.group(1)));
    }
    Matcher m = OUTER_NAME.matcher(wkt);
    if (!m.find()) {
      return OptionalInt.empty();
    }
    OptionalInt byName = byName(m.group(2));
    Matcher datum = DATUM.matcher(wkt);
    if (byName.isPresent() && byName.getAsInt() != 4755 && byName.getAsInt() < 23830 && datum.find()
        && !datum.group(1).toUpperCase(Locale.ROOT).replaceAll("[\\s_]", "").matches("(D)?WGS(19)?84")) {
      return OptionalInt.empty(); // a WGS84 name over another datum
    }
    return byName;
  }

  /** The EPSG code of an ESRI or OGC CRS name, or empty. */
  static OptionalInt byName(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s/]+", "_").replaceAll("_+", "_");
    switch (n) {
      case "GCS_WGS_1984", "WGS_84", "WGS_1984", "GCS_WGS_84":
        return OptionalInt.of(4326);
      case "GCS_DGN_1995", "DGN_1995", "DGN95":
        return OptionalInt.of(4755);
      case "WGS_1984_WEB_MERCATOR_AUXILIARY_SPHERE", "WGS_1984_WEB_MERCATOR", "WGS_84_PSEUDO-MERCATOR":
        return OptionalInt.of(3857);
      default:
        break;
    }
    Matcher utm = UTM.matcher(n);
    if (utm.matches()) {
      int zone = Integer.parseInt(utm.group(1) != null ? utm.group(1) : utm.group(3));
      boolean south = "S".equals(utm.group(2) != null ? utm.group(2) : utm.group(4));
      return zone >= 46 && zone <= 54 ? OptionalInt.of((south ? 32700 : 32600) + zone) : OptionalInt.empty();
    }
    Matcher tm3 = TM3.matcher(n);
    if (tm3.matches()) {
      int index = (Integer.parseInt(tm3.group(1)) - 46) * 2 + Integer.parseInt(tm3.group(2)) - 2;
      return index >= 0 && index <= 15 ? OptionalInt.of(23830 + index) : OptionalInt.empty();
    }
    return OptionalInt.empty();
  }
}
