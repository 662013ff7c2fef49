package id.tapak.core.publish.features.filter;

import id.tapak.core.publish.features.CrsRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A recursive-descent parser for CQL2 text (OGC 21-065r2, Basic CQL2 + Basic Spatial Functions), written for Tapak:
 * it builds {@link Cql2} records and nothing else. Keywords are case-insensitive; property names are identifiers or
 * "double-quoted"; strings are 'single-quoted' with '' for a quote. Geometry literals are WKT (read by JTS's
 * {@link WKTReader}, which only parses coordinates) or {@code BBOX(minx, miny, maxx, maxy)}, in {@code filter-crs}
 * (CRS84 by default). Bounded: at most {@link #MAX_LENGTH} characters and {@link #MAX_DEPTH} nested expressions, so no
 * input can exhaust the stack. Errors name the 1-based character position.
 */
public final class Cql2Text {

  /** Longest filter accepted, characters (a WKT polygon of a few thousand vertices). */
  public static final int MAX_LENGTH = 65_536;
  /** Deepest nesting of parentheses, NOT, AND and OR accepted. */
  public static final int MAX_DEPTH = 64;

  private static final Set<String> WKT = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
      "MULTIPOLYGON", "GEOMETRYCOLLECTION");
  private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "IN", "BETWEEN", "IS", "NULL",
      "TRUE", "FALSE");

  private final String src;
  private final Queryables names;
  private final CrsRef literalCrs;
  private int pos;
  private int depth;

  private Cql2Text(String src, Queryables names, CrsRef literalCrs) {
    this.src = src;
    this.names = names;
    this.literalCrs = literalCrs;
  }

  /**
   * Parses a filter against a collection's queryables.
   *
   * @param literalCrs the CRS of geometry literals ({@code filter-crs})
   * @throws FilterException naming the position of the first error
   */
  public static Cql2.Expr parse(String text, Queryables names, CrsRef literalCrs) {
    if (text.length() > MAX_LENGTH) {
      throw new FilterException("filter is longer than " + MAX_LENGTH + " characters");
    }
    Cql2Text p = new Cql2Text(text, names, literalCrs);
    Cql2.Expr e = p.orExpr();
    p.skipSpace();
    if (p.pos < text.length()) {
      throw p.error("unexpected '" + p.peekWord() + "'");
    }
    return e;
  }

  private Cql2.Expr orExpr() {
    enter();
    List<Cql2.Expr> args = new ArrayList<>();
    args.add(andExpr());
    while (keyword("OR")) {
      args.add(andExpr());
    }
    depth--;
    return args.size() == 1 ? args.get(0) : new Cql2.Or(args);
  }

  private Cql2.Expr andExpr() {
    List<Cql2.Expr> args = new ArrayList<>();
    args.add(notExpr());
    while (keyword("AND")) {
      args.add(notExpr());
    }
    return args.size() == 1 ? args.get(0) : new Cql2.And(args);
  }

  private Cql2.Expr notExpr() {
    if (keyword("NOT")) {
      enter();
      Cql2.Expr e = new Cql2.Not(notExpr());
      depth--;
      return e;
    }
    return primary();
  }

  private Cql2.Expr primary() {
    skipSpace();
    int start = pos;
    if (symbol("(")) {
      Cql2.Expr e = orExpr();
      expect(")");
      return e;
    }
    String word = peekWord().toUpperCase(Locale.ROOT);
    if (word.equals("S_INTERSECTS")) {
      pos += word.length();
      expect("(");
      Object a = geometryOperand();
      expect(",");
      Object b = geometryOperand();
      expect(")");
      if (a instanceof Cql2.Property p && b instanceof Geometry g) {
        return new Cql2.Intersects(p, g);
      }
      if (b instanceof Cql2.Property p && a instanceof Geometry g) {
        return new Cql2.Intersects(p, g);
      }
      pos = start;
      throw error("S_INTERSECTS needs the geometry property and one geometry literal");
    }
    if ((word.equals("TRUE") || word.equals("FALSE")) && !comparisonFollows(start + word.length())) {
      pos += word.length();
      return new Cql2.BoolLiteral(word.equals("TRUE"));
    }
    Cql2.Operand left = scalar();
    boolean not = keyword("NOT");
    if (keyword("LIKE")) {
      skipSpace();
      int at = pos;
      Cql2.Operand pat = scalar();
      if (!(pat instanceof Cql2.Literal l && l.value() instanceof String s)) {
        pos = at;
        throw error("LIKE needs a 'quoted' pattern");
      }
      return negate(not, new Cql2.Like(left, s));
    }
    if (keyword("BETWEEN")) {
      Cql2.Operand lo = scalar();
      if (!keyword("AND")) {
        throw error("BETWEEN needs AND");
      }
      return negate(not, new Cql2.Between(left, lo, scalar()));
    }
    if (keyword("IN")) {
      expect("(");
      List<Cql2.Operand> list = new ArrayList<>();
      do {
        list.add(scalar());
      } while (symbol(","));
      expect(")");
      return negate(not, new Cql2.In(left, list));
    }
    if (not) {
      throw error("NOT here must be followed by LIKE, BETWEEN or IN");
    }
    if (keyword("IS")) {
      boolean isNot = keyword("NOT");
      if (!keyword("NULL")) {
        throw error("IS needs NULL or NOT NULL");
      }
      return negate(isNot, new Cql2.IsNull(left));
    }
    skipSpace();
    Cql2.Op op = comparison();
    if (op == null) {
      throw error("expected a comparison (=, <>, <, <=, >, >=), LIKE, BETWEEN, IN or IS NULL, found '"
          + peekWord() + "'");
    }
    return new Cql2.Compare(op, left, scalar());
  }

  private static Cql2.Expr negate(boolean not, Cql2.Expr e) {
    return not ? new Cql2.Not(e) : e;
  }

  private boolean comparisonFollows(int from) {
    int save = pos;
    pos = from;
    skipSpace();
    boolean r = comparison() != null;
    pos = save;
    return r;
  }

  private Cql2.Op comparison() {
    for (Cql2.Op op : new Cql2.Op[] {Cql2.Op.NE, Cql2.Op.LE, Cql2.Op.GE, Cql2.Op.EQ, Cql2.Op.LT, Cql2.Op.GT}) {
      if (src.startsWith(op.symbol, pos)) {
        pos += op.symbol.length();
        return op;
      }
    }
    return null;
  }

  /** A property, a string, a number or a boolean. */
  private Cql2.Operand scalar() {
    skipSpace();
    int start = pos;
    if (pos >= src.length()) {
      throw error("expected a property or a value, found the end of the filter");
    }
    char c = src.charAt(pos);
    if (c == '\'') {
      return new Cql2.Literal(string());
    }
    if (c == '"') {
      return property(quotedName(), start);
    }
    if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
      return new Cql2.Literal(number());
    }
    if (!Character.isLetter(c) && c != '_') {
      throw error("expected a property or a value, found '" + c + "'");
    }
    String word = peekWord();
    String up = word.toUpperCase(Locale.ROOT);
    if (up.equals("TRUE") || up.equals("FALSE")) {
      pos += word.length();
      return new Cql2.Literal(up.equals("TRUE"));
    }
    if (RESERVED.contains(up)) {
      throw error("expected a property or a value, found the keyword " + up);
    }
    pos += word.length();
    return property(word, start);
  }

  /** The geometry property, a WKT literal or BBOX(...). */
  private Object geometryOperand() {
    skipSpace();
    int start = pos;
    String word = peekWord();
    String up = word.toUpperCase(Locale.ROOT);
    if (up.equals("BBOX")) {
      pos += word.length();
      expect("(");
      List<Double> v = new ArrayList<>();
      do {
        skipSpace();
        v.add(number());
      } while (symbol(","));
      expect(")");
      if (v.size() != 4 && v.size() != 6) {
        pos = start;
        throw error("BBOX needs 4 or 6 numbers");
      }
      int h = v.size() / 2;
      Envelope e = literalCrs.boxToLonLat(v.get(0), v.get(1), v.get(h), v.get(h + 1));
      return new GeometryFactory().toGeometry(e);
    }
    if (WKT.contains(up)) {
      pos += word.length();
      int end = balanced();
      String wkt = up + src.substring(start + word.length(), end);
      pos = end;
      try {
        return literalCrs.toLonLat(new WKTReader().read(wkt));
      } catch (ParseException | RuntimeException e) {
        pos = start;
        throw error("the geometry literal is not valid WKT (" + e.getMessage() + ")");
      }
    }
    Cql2.Operand o = scalar();
    if (o instanceof Cql2.Property p && names.isGeometry(p.name())) {
      return p;
    }
    pos = start;
    throw error("expected the geometry property (" + Queryables.GEOMETRY + ") or a geometry literal (WKT, BBOX)");
  }

  /** The end (exclusive) of a WKT body: optional Z/M/EMPTY words, then balanced parentheses. */
  private int balanced() {
    int i = pos;
    int open = 0;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '(') {
        open++;
      } else if (c == ')') {
        open--;
        if (open == 0) {
          return i + 1;
        }
        if (open < 0) {
          break;
        }
      } else if (open == 0 && (c == ',')) {
        return i;
      }
      i++;
    }
    if (open == 0) {
      return i;
    }
    pos = src.length();
    throw error("the geometry literal's parentheses do not balance");
  }

  private Cql2.Property property(String name, int start) {
    String resolved = names.resolve(name);
    if (resolved == null) {
      pos = start;
      throw error("unknown queryable '" + abbreviate(name) + "'; see the collection's queryables");
    }
    return new Cql2.Property(resolved);
  }

  private String string() {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (pos < src.length()) {
      char c = src.charAt(pos++);
      if (c == '\'') {
        if (pos < src.length() && src.charAt(pos) == '\'') {
          sb.append('\'');
          pos++;
        } else {
          return sb.toString();
        }
      } else {
        sb.append(c);
      }
    }
    throw error("unterminated string");
  }

  private String quotedName() {
    int end = src.indexOf('"', pos + 1);
    if (end < 0) {
      throw error("unterminated \"quoted\" property name");
    }
    String n = src.substring(pos + 1, end);
    pos = end + 1;
    return n;
  }

  private double number() {
    int start = pos;
    if (pos < src.length() && (src.charAt(pos) == '-' || src.charAt(pos) == '+')) {
      pos++;
    }
    while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.'
        || src.charAt(pos) == 'e' || src.charAt(pos) == 'E'
        || ((src.charAt(pos) == '-' || src.charAt(pos) == '+') && "eE".indexOf(src.charAt(pos - 1)) >= 0))) {
      pos++;
    }
    String s = src.substring(start, pos);
    try {
      double d = Double.parseDouble(s);
      if (Double.isFinite(d) && !s.isEmpty() && Character.isDigit(s.charAt(s.length() - 1))) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    pos = start;
    throw error("'" + abbreviate(s) + "' is not a number");
  }

  private boolean keyword(String k) {
    skipSpace();
    String w = peekWord();
    if (w.equalsIgnoreCase(k)) {
      pos += w.length();
      return true;
    }
    return false;
  }

  private boolean symbol(String s) {
    skipSpace();
    if (src.startsWith(s, pos)) {
      pos += s.length();
      return true;
    }
    return false;
  }

  private void expect(String s) {
    if (!symbol(s)) {
      throw error("expected '" + s + "', found " + (pos >= src.length() ? "the end of the filter"
          : "'" + peekWord() + "'"));
    }
  }

  /** The identifier at the position (letters, digits, _, ., :), or the one character there, or "". */
  private String peekWord() {
    int i = pos;
    while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_'
        || src.charAt(i) == '.' || src.charAt(i) == ':')) {
      i++;
    }
    if (i == pos && pos < src.length()) {
      return src.substring(pos, pos + 1);
    }
    return src.substring(pos, i);
  }

  private void skipSpace() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("the filter nests deeper than " + MAX_DEPTH + " levels");
    }
  }

  private FilterException error(String what) {
    return new FilterException("filter: " + what + " at position " + (pos + 1));
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
