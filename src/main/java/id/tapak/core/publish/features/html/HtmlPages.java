package id.tapak.core.publish.features.html;

import id.tapak.core.model.Feature;
import id.tapak.core.publish.features.BaseUrl;
import id.tapak.core.publish.features.CollectionInfo;
import id.tapak.core.publish.features.CollectionList;
import id.tapak.core.publish.features.ConformanceDeclaration;
import id.tapak.core.publish.features.FeatureDocument;
import id.tapak.core.publish.features.ItemsPage;
import id.tapak.core.publish.features.LandingPage;
import id.tapak.core.publish.features.Link;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The OGC API – Features pages for people ({@code f=html}, or a browser's Accept): landing page, conformance,
 * collections, one collection, items and one item, under {@code /ogc} only (the web map at {@code /} is separate).
 * Plain server-written HTML, no script; every value from data or the request is escaped. Labels in Bahasa Indonesia
 * first, English second.
 */
public final class HtmlPages {

  private HtmlPages() {}

  public static String landing(LandingPage p) {
    StringBuilder b = head(p.title());
    b.append("<p>").append(esc(p.description())).append("</p>\n");
    links(b, p.links());
    return tail(b);
  }

  public static String conformance(ConformanceDeclaration c) {
    StringBuilder b = head("Kelas kesesuaian / Conformance classes");
    b.append("<ul>\n");
    for (String uri : c.conformsTo()) {
      b.append("<li><a href=\"").append(esc(uri)).append("\">").append(esc(uri)).append("</a></li>\n");
    }
    b.append("</ul>\n");
    return tail(b);
  }

  public static String collections(CollectionList list) {
    StringBuilder b = head("Koleksi / Collections");
    b.append("<table>\n<tr><th>id</th><th>Judul / Title</th><th>Fitur / Items</th></tr>\n");
    for (CollectionInfo c : list.collections()) {
      String self = href(c.links(), "self");
      b.append("<tr><td><a href=\"").append(esc(html(self))).append("\">").append(esc(c.id())).append("</a></td><td>")
          .append(esc(c.title())).append("</td><td><a href=\"").append(esc(html(href(c.links(), "items"))))
          .append("\">items</a></td></tr>\n");
    }
    b.append("</table>\n");
    return tail(b);
  }

  public static String collection(CollectionInfo c) {
    StringBuilder b = head(c.title());
    b.append("<p>id: <code>").append(esc(c.id())).append("</code></p>\n");
    if (c.description() != null) {
      b.append("<p>").append(esc(c.description())).append("</p>\n");
    }
    if (c.extent() != null) {
      List<Double> box = c.extent().spatial().bbox().get(0);
      b.append("<p>Cakupan / Extent (CRS84 lon,lat): ").append(esc(box.toString())).append("</p>\n");
    }
    b.append("<p>storageCrs: <code>").append(esc(c.storageCrs())).append("</code>; crs: ").append(c.crs().size())
        .append(" CRS</p>\n");
    links(b, c.links());
    return tail(b);
  }

  public static String items(CollectionInfo c, ItemsPage page) {
    StringBuilder b = head(c.title() + " – fitur / items");
    b.append("<p>").append(page.numberReturned()).append(" dari / of ").append(page.numberMatched())
        .append(" fitur / features; CRS <code>").append(esc(page.crs().uri())).append("</code></p>\n");
    List<String> keys = page.features().isEmpty() ? List.of()
        : List.copyOf(page.features().get(0).properties().keySet());
    b.append("<table>\n<tr><th>id</th>");
    for (String k : keys) {
      b.append("<th>").append(esc(k)).append("</th>");
    }
    b.append("</tr>\n");
    String items = href(c.links(), "items");
    for (Feature f : page.features()) {
      b.append("<tr><td><a href=\"").append(esc(html(items + "/" + segment(f.id())))).append("\">")
          .append(esc(f.id())).append("</a></td>");
      for (String k : keys) {
        Object v = f.properties().get(k);
        b.append("<td>").append(v == null ? "" : esc(v.toString())).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n");
    navigation(b, page.links());
    return tail(b);
  }

  public static String item(CollectionInfo c, FeatureDocument doc) {
    Feature f = doc.feature();
    StringBuilder b = head(c.title() + " – " + f.id());
    b.append("<table>\n");
    for (Map.Entry<String, @Nullable Object> e : f.properties().entrySet()) {
      b.append("<tr><th>").append(esc(e.getKey())).append("</th><td>")
          .append(e.getValue() == null ? "" : esc(e.getValue().toString())).append("</td></tr>\n");
    }
    b.append("<tr><th>geometry</th><td>").append(esc(f.geometry().getGeometryType())).append("</td></tr>\n");
    b.append("</table>\n");
    navigation(b, doc.links());
    return tail(b);
  }

  private static void links(StringBuilder b, List<Link> links) {
    b.append("<ul>\n");
    for (Link l : links) {
      String href = l.type().contains("json") ? html(l.href()) : l.href();
      b.append("<li><a href=\"").append(esc(href)).append("\">").append(esc(l.title() == null ? l.rel() : l.title()))
          .append("</a> <small>(").append(esc(l.rel())).append(")</small></li>\n");
    }
    b.append("</ul>\n");
  }

  private static void navigation(StringBuilder b, List<Link> links) {
    b.append("<p>");
    for (Link l : links) {
      String label = switch (l.rel()) {
        case "next" -> "berikutnya / next";
        case "prev" -> "sebelumnya / previous";
        case "collection" -> "koleksi / collection";
        case "self" -> "GeoJSON";
        default -> l.rel();
      };
      String href = l.rel().equals("self") ? l.href() : html(l.href());
      b.append("<a href=\"").append(esc(href)).append("\">").append(esc(label)).append("</a> ");
    }
    b.append("</p>\n");
  }

  /** The same URL asking for HTML. */
  private static String html(String href) {
    String plain = href.replaceAll("([?&])f=[^&]*&?", "$1").replaceAll("[?&]$", "");
    return plain + (plain.contains("?") ? "&" : "?") + "f=html";
  }

  private static String href(List<Link> links, String rel) {
    return links.stream().filter(l -> l.rel().equals(rel)).map(Link::href).findFirst().orElse("");
  }

  private static String segment(String id) {
    return BaseUrl.segment(id);
  }

  private static StringBuilder head(String title) {
    return new StringBuilder(4096).append("<!DOCTYPE html>\n<html lang=\"id\">\n<head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(esc(title))
        .append("</title><style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}</style></head>\n")
        .append("<body>\n<p><a href=\"/ogc?f=html\">Tapak OGC API</a> · <a href=\"/ogc/collections?f=html\">")
        .append("koleksi / collections</a></p>\n<h1>").append(esc(title)).append("</h1>\n");
  }

  private static String tail(StringBuilder b) {
    return b.append("</body>\n</html>\n").toString();
  }

  /** Escapes text for HTML element content and double-quoted attributes. */
  static String esc(String s) {
    StringBuilder o = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> o.append("&lt;");
        case '>' -> o.append("&gt;");
        case '&' -> o.append("&amp;");
        case '"' -> o.append("&quot;");
        case '\'' -> o.append("&#39;");
        default -> o.append(c);
      }
    }
    return o.toString();
  }
}
