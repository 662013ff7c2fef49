package id.tapak.core.publish.features.filter;

import id.tapak.core.model.Feature;
import id.tapak.core.publish.WildcardMatcher;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A parsed CQL2 filter evaluated in memory on features, with SQL's three-valued logic: a comparison with a null
 * (absent) attribute is unknown, {@code NOT unknown} is unknown, and only features for which the filter is true
 * are returned. Comparisons are numeric when both sides are numbers (a text attribute holding a number counts, as
 * shapefile and GeoPackage text columns often do), else by text. Geometry literals are prepared once. Thread-safe.
 */
public final class Cql2Filter implements Predicate<Feature> {

  private final Cql2.Expr expr;
  private final Map<Cql2.Intersects, PreparedGeometry> prepared = new IdentityHashMap<>();
  private final Map<Cql2.Like, WildcardMatcher> likes = new IdentityHashMap<>();

  public Cql2Filter(Cql2.Expr expr) {
    this.expr = Objects.requireNonNull(expr, "expr");
    prepare(expr);
  }

  public Cql2.Expr expr() {
    return expr;
  }

  private void prepare(Cql2.Expr e) {
    if (e instanceof Cql2.And a) {
      a.args().forEach(this::prepare);
    } else if (e instanceof Cql2.Or o) {
      o.args().forEach(this::prepare);
    } else if (e instanceof Cql2.Not n) {
      prepare(n.arg());
    } else if (e instanceof Cql2.Intersects i) {
      prepared.put(i, PreparedGeometryFactory.prepare(i.literal()));
    } else if (e instanceof Cql2.Like l) {
      likes.put(l, like(l.pattern()));
    }
  }

  /** CQL2 LIKE: {@code %} any run, {@code _} one character, {@code \} makes the next character literal. */
  static WildcardMatcher like(String pattern) {
    try {
      return WildcardMatcher.of(pattern, '%', '_', '\\', false);
    } catch (IllegalArgumentException tooLong) {
      throw new FilterException(tooLong.getMessage());
    }
  }

  @Override
  public boolean test(Feature f) {
    return Boolean.TRUE.equals(eval(expr, f));
  }

  /** TRUE, FALSE or null (unknown). */
  private @Nullable Boolean eval(Cql2.Expr e, Feature f) {
    if (e instanceof Cql2.BoolLiteral b) {
      return b.value();
    }
    if (e instanceof Cql2.And a) {
      boolean unknown = false;
      for (Cql2.Expr x : a.args()) {
        Boolean v = eval(x, f);
        if (Boolean.FALSE.equals(v)) {
          return false;
        }
        unknown |= v == null;
      }
      return unknown ? null : true;
    }
    if (e instanceof Cql2.Or o) {
      boolean unknown = false;
      for (Cql2.Expr x : o.args()) {
        Boolean v = eval(x, f);
        if (Boolean.TRUE.equals(v)) {
          return true;
        }
        unknown |= v == null;
      }
      return unknown ? null : false;
    }
    if (e instanceof Cql2.Not n) {
      Boolean v = eval(n.arg(), f);
      return v == null ? null : !v;
    }
    if (e instanceof Cql2.IsNull i) {
      return value(i.value(), f) == null;
    }
    if (e instanceof Cql2.Compare c) {
      Object l = value(c.left(), f);
      Object r = value(c.right(), f);
      if (l == null || r == null) {
        return null;
      }
      int cmp = compare(l, r);
      switch (c.op()) {
        case EQ: return cmp == 0;
        case NE: return cmp != 0;
        case LT: return cmp < 0;
        case LE: return cmp <= 0;
        case GT: return cmp > 0;
        default: return cmp >= 0;
      }
    }
    if (e instanceof Cql2.Between b) {
      Object v = value(b.value(), f);
      Object lo = value(b.low(), f);
      Object hi = value(b.high(), f);
      if (v == null || lo == null || hi == null) {
        return null;
      }
      return compare(v, lo) >= 0 && compare(v, hi) <= 0;
    }
    if (e instanceof Cql2.In in) {
      Object v = value(in.value(), f);
      if (v == null) {
        return null;
      }
      boolean unknown = false;
      for (Cql2.Operand o : in.list()) {
        Object x = value(o, f);
        if (x == null) {
          unknown = true;
        } else if (compare(v, x) == 0) {
          return true;
        }
      }
      return unknown ? null : false;
    }
    if (e instanceof Cql2.Like l) {
      Object v = value(l.value(), f);
      return v == null ? null : likes.get(l).matches(text(v));
    }
    Cql2.Intersects i = (Cql2.Intersects) e;
    return prepared.get(i).intersects(f.geometry());
  }

  private static @Nullable Object value(Cql2.Operand o, Feature f) {
    return o instanceof Cql2.Literal l ? l.value() : f.properties().get(((Cql2.Property) o).name());
  }

  /** Numeric when both are numbers (or numeric text), booleans as booleans, else text. */
  static int compare(Object a, Object b) {
    Double x = number(a);
    Double y = number(b);
    if (x != null && y != null) {
      return Double.compare(x, y);
    }
    if (a instanceof Boolean p && b instanceof Boolean q) {
      return Boolean.compare(p, q);
    }
    return text(a).compareTo(text(b));
  }

  private static @Nullable Double number(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s && !s.isEmpty() && s.length() < 40
        && (Character.isDigit(s.charAt(s.length() - 1)))) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String text(Object v) {
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return v.toString();
  }
}
