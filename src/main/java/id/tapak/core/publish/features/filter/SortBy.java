package id.tapak.core.publish.features.filter;

import id.tapak.core.model.Feature;
import id.tapak.core.model.TapakException;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * {@code sortby} (OGC API – Features Part 8 syntax, as pygeoapi and GeoServer take it): comma-separated queryables,
 * each optionally prefixed {@code +} (ascending, the default) or {@code -} (descending). Nulls sort last; ties keep
 * layer order (the sort is stable), so paging stays consistent.
 */
public final class SortBy {

  /** At most this many sort keys. */
  static final int MAX_KEYS = 8;

  private SortBy() {}

  /**
   * The order, or null when {@code raw} is null.
   *
   * @throws TapakException BAD_REQUEST naming {@code sortby} for an unknown or geometry property
   */
  public static @Nullable Comparator<Feature> parse(@Nullable String raw, Queryables names) {
    if (raw == null) {
      return null;
    }
    String[] keys = raw.split(",", -1);
    if (keys.length > MAX_KEYS) {
      throw TapakException.badRequest("sortby", "sortby takes at most " + MAX_KEYS + " properties");
    }
    Comparator<Feature> order = null;
    for (String k : keys) {
      String t = k.trim();
      boolean desc = t.startsWith("-");
      if (t.startsWith("-") || t.startsWith("+")) {
        t = t.substring(1).trim();
      }
      String name = t.isEmpty() ? null : names.resolve(t);
      if (name == null || names.isGeometry(name)) {
        throw TapakException.badRequest("sortby", "sortby: '" + (t.length() > 40 ? t.substring(0, 40) : t)
            + "' is not a queryable attribute of this collection; see its queryables");
      }
      Comparator<Feature> one = by(name, desc);
      order = order == null ? one : order.thenComparing(one);
    }
    return order;
  }

  private static Comparator<Feature> by(String name, boolean desc) {
    return (a, b) -> {
      Object x = a.properties().get(name);
      Object y = b.properties().get(name);
      if (x == null || y == null) {
        return x == y ? 0 : x == null ? 1 : -1;
      }
      int c = Cql2Filter.compare(x, y);
      return desc ? -c : c;
    };
  }
}
