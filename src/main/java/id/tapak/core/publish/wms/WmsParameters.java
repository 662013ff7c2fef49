package id.tapak.core.publish.wms;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Request parameters with case-insensitive names, as WMS 1.3.0 §6.8.1 requires (values stay case-sensitive). When
 * a name repeats, the first value wins.
 */
public final class WmsParameters {

  private final Map<String, String> values;

  private WmsParameters(Map<String, String> values) {
    this.values = values;
  }

  /** Copies a parameter map; names are compared case-insensitively. */
  public static WmsParameters of(Map<String, String> params) {
    TreeMap<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, String> e : params.entrySet()) {
      m.putIfAbsent(e.getKey(), e.getValue());
    }
    return new WmsParameters(Collections.unmodifiableMap(m));
  }

  /** The value, or null when absent. */
  public @Nullable String get(String name) {
    return values.get(name);
  }

  /** The value, or the default when absent or blank. */
  public String get(String name, String dflt) {
    String v = values.get(name);
    return v == null || v.isBlank() ? dflt : v;
  }

  /** The value; MissingParameterValue when absent or blank. */
  public String required(String name) {
    String v = values.get(name);
    if (v == null || v.isBlank()) {
      throw WmsException.missing(name.toUpperCase(Locale.ROOT));
    }
    return v;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** A positive integer; MissingParameterValue or InvalidParameterValue otherwise. */
  public int positiveInt(String name) {
    String v = required(name).trim();
    try {
      int n = Integer.parseInt(v);
      if (n <= 0) {
        throw WmsException.invalid(name, name + " must be a positive integer, got " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw WmsException.invalid(name, name + " must be a positive integer, got " + v);
    }
  }
}
