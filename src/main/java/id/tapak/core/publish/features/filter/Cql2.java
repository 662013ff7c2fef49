package id.tapak.core.publish.features.filter;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * The CQL2 expression tree Tapak evaluates (OGC 21-065r2): Basic CQL2 (comparison, {@code AND}/{@code OR}/{@code NOT},
 * {@code LIKE}, {@code IN}, {@code BETWEEN}, {@code IS NULL}) and the Basic Spatial Function {@code S_INTERSECTS}. The
 * parsers ({@link Cql2Text}, {@link Cql2Json}) build only these records, so a filter can never do more than the
 * grammar says: no expression language, no method or class names, nothing but these nodes.
 */
public final class Cql2 {

  private Cql2() {}

  /** A boolean expression. */
  public sealed interface Expr permits And, Or, Not, Compare, Like, In, Between, IsNull, Intersects, BoolLiteral {}

  /** A scalar operand: a property or a literal. */
  public sealed interface Operand permits Property, Literal {}

  /** A queryable property of the collection. */
  public record Property(String name) implements Operand {
    public Property {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A literal: {@code String}, {@code Double} or {@code Boolean}. */
  public record Literal(Object value) implements Operand {
    public Literal {
      if (!(value instanceof String || value instanceof Double || value instanceof Boolean)) {
        throw new IllegalArgumentException("a CQL2 literal is a string, number or boolean");
      }
    }
  }

  /** The six comparison operators. */
  public enum Op {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    public final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }
  }

  public record And(List<Expr> args) implements Expr {
    public And {
      args = List.copyOf(args);
    }
  }

  public record Or(List<Expr> args) implements Expr {
    public Or {
      args = List.copyOf(args);
    }
  }

  public record Not(Expr arg) implements Expr {}

  public record Compare(Op op, Operand left, Operand right) implements Expr {}

  /** {@code LIKE} with {@code %} (any run) and {@code _} (one character), {@code \} escaping either. */
  public record Like(Operand value, String pattern) implements Expr {}

  public record In(Operand value, List<Operand> list) implements Expr {
    public In {
      list = List.copyOf(list);
    }
  }

  public record Between(Operand value, Operand low, Operand high) implements Expr {}

  public record IsNull(Operand value) implements Expr {}

  /** {@code S_INTERSECTS(property, literal)}: the literal is already in Tapak's lon/lat. */
  public record Intersects(Property property, Geometry literal) implements Expr {}

  public record BoolLiteral(boolean value) implements Expr {}
}
