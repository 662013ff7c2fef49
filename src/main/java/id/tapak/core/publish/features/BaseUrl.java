package id.tapak.core.publish.features;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * The public root of the service, e.g. {@code https://tapak.example.id} or {@code http://127.0.0.1:18080}, with no
 * trailing slash. Every OGC link is absolute and built from it, so it must be what the client sees (after proxies),
 * not what Tomcat listens on.
 *
 * @param value absolute http(s) URL without query, fragment or trailing slash
 */
public record BaseUrl(String value) {

  public BaseUrl {
    Objects.requireNonNull(value, "base URL");
    while (value.endsWith("/")) {
      value = value.substring(0, value.length() - 1);
    }
    URI u;
    try {
      u = new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("base URL is not a URL: " + value, e);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getRawQuery() != null
        || u.getRawFragment() != null) {
      throw new IllegalArgumentException("base URL must be an absolute http(s) URL without query, got " + value);
    }
  }

  /** The absolute URL of a path below the root; {@code path} starts with '/'. */
  public String resolve(String path) {
    return value + path;
  }

  /** One URL path segment, percent-encoded (collection and feature ids may hold any character). */
  public static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
