package id.tapak.core.publish.features.filter;

import id.tapak.core.geo.GeoJson;
import id.tapak.core.publish.features.CrsRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CQL2 JSON (OGC 21-065r2 §8): {@code {"op": "and", "args": [...]}}, {@code {"property": "name"}}, literals,
 * GeoJSON geometries and {@code {"bbox": [...]}}, mapped onto the same {@link Cql2} records as {@link Cql2Text}.
 * Bounded like the text parser (length, and nesting {@link Cql2Text#MAX_DEPTH} checked by Jackson's own read limit
 * and by this walk). Errors name the JSON path of the bad member, e.g. {@code args[1].args[0]}.
 */
public final class Cql2Json {

  private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4 * Cql2Text.MAX_DEPTH).build())
      .build()).build();

  private final Queryables names;
  private final CrsRef literalCrs;

  private Cql2Json(Queryables names, CrsRef literalCrs) {
    this.names = names;
    this.literalCrs = literalCrs;
  }

  /** @throws FilterException naming the JSON path of the first error */
  public static Cql2.Expr parse(String text, Queryables names, CrsRef literalCrs) {
    if (text.length() > Cql2Text.MAX_LENGTH) {
      throw new FilterException("filter is longer than " + Cql2Text.MAX_LENGTH + " characters");
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? "" : " at position " + e.getLocation().getColumnNr();
      throw new FilterException("filter: not valid JSON" + where);
    }
    return new Cql2Json(names, literalCrs).expr(root, "$", 0);
  }

  private Cql2.Expr expr(JsonNode n, String path, int depth) {
    if (depth > Cql2Text.MAX_DEPTH) {
      throw error(path, "the filter nests deeper than " + Cql2Text.MAX_DEPTH + " levels");
    }
    if (n.isBoolean()) {
      return new Cql2.BoolLiteral(n.booleanValue());
    }
    if (!n.isObject() || !n.path("op").isString() || !n.path("args").isArray()) {
      throw error(path, "expected {\"op\": ..., \"args\": [...]}");
    }
    String op = n.get("op").stringValue().toLowerCase(Locale.ROOT);
    JsonNode a = n.get("args");
    String ap = path + ".args";
    switch (op) {
      case "and", "or" -> {
        if (a.size() < 2) {
          throw error(ap, op + " needs at least two arguments");
        }
        List<Cql2.Expr> args = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
          args.add(expr(a.get(i), ap + "[" + i + "]", depth + 1));
        }
        return op.equals("and") ? new Cql2.And(args) : new Cql2.Or(args);
      }
      case "not" -> {
        arity(a, 1, ap);
        return new Cql2.Not(expr(a.get(0), ap + "[0]", depth + 1));
      }
      case "=", "<>", "<", "<=", ">", ">=" -> {
        arity(a, 2, ap);
        Cql2.Op cmp = switch (op) {
          case "=" -> Cql2.Op.EQ;
          case "<>" -> Cql2.Op.NE;
          case "<" -> Cql2.Op.LT;
          case "<=" -> Cql2.Op.LE;
          case ">" -> Cql2.Op.GT;
          default -> Cql2.Op.GE;
        };
        return new Cql2.Compare(cmp, scalar(a.get(0), ap + "[0]"), scalar(a.get(1), ap + "[1]"));
      }
      case "like" -> {
        arity(a, 2, ap);
        if (!a.get(1).isString()) {
          throw error(ap + "[1]", "like needs a string pattern");
        }
        return new Cql2.Like(scalar(a.get(0), ap + "[0]"), a.get(1).stringValue());
      }
      case "between" -> {
        arity(a, 3, ap);
        return new Cql2.Between(scalar(a.get(0), ap + "[0]"), scalar(a.get(1), ap + "[1]"),
            scalar(a.get(2), ap + "[2]"));
      }
      case "in" -> {
        arity(a, 2, ap);
        if (!a.get(1).isArray() || a.get(1).isEmpty()) {
          throw error(ap + "[1]", "in needs a non-empty array of values");
        }
        List<Cql2.Operand> list = new ArrayList<>();
        for (int i = 0; i < a.get(1).size(); i++) {
          list.add(scalar(a.get(1).get(i), ap + "[1][" + i + "]"));
        }
        return new Cql2.In(scalar(a.get(0), ap + "[0]"), list);
      }
      case "isnull" -> {
        arity(a, 1, ap);
        return new Cql2.IsNull(scalar(a.get(0), ap + "[0]"));
      }
      case "s_intersects" -> {
        arity(a, 2, ap);
        boolean propFirst = a.get(0).has("property");
        JsonNode prop = propFirst ? a.get(0) : a.get(1);
        JsonNode geom = propFirst ? a.get(1) : a.get(0);
        String pp = ap + (propFirst ? "[0]" : "[1]");
        if (!(scalar(prop, pp) instanceof Cql2.Property p) || !names.isGeometry(p.name())) {
          throw error(pp, "s_intersects needs the geometry property {\"property\": \"" + Queryables.GEOMETRY + "\"}");
        }
        return new Cql2.Intersects(p, geometry(geom, ap + (propFirst ? "[1]" : "[0]")));
      }
      default -> throw error(path + ".op", "unsupported operator '" + abbreviate(op) + "'; supported: and, or, "
          + "not, =, <>, <, <=, >, >=, like, between, in, isNull, s_intersects");
    }
  }

  private Geometry geometry(JsonNode n, String path) {
    if (n.isObject() && n.has("bbox") && n.get("bbox").isArray()) {
      JsonNode b = n.get("bbox");
      if ((b.size() != 4 && b.size() != 6) || !allNumbers(b)) {
        throw error(path + ".bbox", "bbox needs 4 or 6 numbers");
      }
      int h = b.size() / 2;
      Envelope e = literalCrs.boxToLonLat(b.get(0).doubleValue(), b.get(1).doubleValue(), b.get(h).doubleValue(),
          b.get(h + 1).doubleValue());
      return new GeometryFactory().toGeometry(e);
    }
    try {
      return literalCrs.toLonLat(GeoJson.parse(n, path));
    } catch (IllegalArgumentException e) {
      throw error(path, "not a GeoJSON geometry (" + e.getMessage() + ")");
    }
  }

  private static boolean allNumbers(JsonNode arr) {
    for (JsonNode v : arr) {
      if (!v.isNumber()) {
        return false;
      }
    }
    return true;
  }

  private Cql2.Operand scalar(JsonNode n, String path) {
    if (n.isObject() && n.size() == 1 && n.path("property").isString()) {
      String name = n.get("property").stringValue();
      String resolved = names.resolve(name);
      if (resolved == null) {
        throw error(path, "unknown queryable '" + abbreviate(name) + "'; see the collection's queryables");
      }
      return new Cql2.Property(resolved);
    }
    if (n.isString()) {
      return new Cql2.Literal(n.stringValue());
    }
    if (n.isNumber() && Double.isFinite(n.doubleValue())) {
      return new Cql2.Literal(n.doubleValue());
    }
    if (n.isBoolean()) {
      return new Cql2.Literal(n.booleanValue());
    }
    throw error(path, "expected {\"property\": ...}, a string, a number or a boolean");
  }

  private static void arity(JsonNode args, int n, String path) {
    if (args.size() != n) {
      throw error(path, "needs " + n + " argument(s), got " + args.size());
    }
  }

  private static FilterException error(String path, String what) {
    return new FilterException("filter: " + what + " at " + path);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
