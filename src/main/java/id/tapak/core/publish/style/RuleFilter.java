package id.tapak.core.publish.style;

import id.tapak.core.publish.WildcardMatcher;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The filter subset of OGC Filter 1.0 Tapak evaluates: equality, inequality, LIKE, and And/Or/Not of those. */
public sealed interface RuleFilter permits RuleFilter.Equal, RuleFilter.Like, RuleFilter.All, RuleFilter.Any,
    RuleFilter.Not {

  boolean test(Map<String, @Nullable Object> properties);

  /** The attribute as text; numbers compare by their text form after trimming a trailing ".0". */
  private static @Nullable String text(Map<String, @Nullable Object> p, String property) {
    Object v = p.get(property);
    if (v == null) {
      return null;
    }
    String s = v.toString();
    return v instanceof Number && s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  /** PropertyIsEqualTo (case-sensitive, as SLD's default matchCase). */
  record Equal(String property, String value) implements RuleFilter {
    public Equal {
      Objects.requireNonNull(property, "PropertyName");
      Objects.requireNonNull(value, "Literal");
    }

    @Override
    public boolean test(Map<String, @Nullable Object> p) {
      return value.equals(text(p, property));
    }
  }

  /**
   * PropertyIsLike with SLD wildcards, matched by {@link WildcardMatcher} (no regular expression, no backtracking).
   *
   * @param pattern the Literal, e.g. {@code *Industri*}
   * @param wildCard many-characters wildcard (SLD attribute {@code wildCard}, usually {@code *})
   * @param singleChar one-character wildcard (usually {@code .} or {@code ?})
   * @param escape escape character (usually {@code !} or {@code \})
   * @param ignoreCase whether letters match regardless of case (built-in styles; SLD's matchCase is true)
   */
  record Like(String property, String pattern, char wildCard, char singleChar, char escape, boolean ignoreCase,
      WildcardMatcher matcher) implements RuleFilter {

    public static Like of(String property, String pattern, char wildCard, char singleChar, char escape) {
      return new Like(property, pattern, wildCard, singleChar, escape, false,
          WildcardMatcher.of(pattern, wildCard, singleChar, escape, false));
    }

    /** A case-insensitive LIKE with {@code *} as wildcard, for built-in styles. */
    public static Like ignoreCase(String property, String pattern) {
      return new Like(property, pattern, '*', '?', '\\', true, WildcardMatcher.of(pattern, '*', '?', '\\', true));
    }

    @Override
    public boolean test(Map<String, @Nullable Object> p) {
      String v = text(p, property);
      return v != null && matcher.matches(v);
    }
  }

  /** And. */
  record All(List<RuleFilter> parts) implements RuleFilter {
    public All {
      parts = List.copyOf(parts);
    }

    @Override
    public boolean test(Map<String, @Nullable Object> p) {
      for (RuleFilter f : parts) {
        if (!f.test(p)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Or. */
  record Any(List<RuleFilter> parts) implements RuleFilter {
    public Any {
      parts = List.copyOf(parts);
    }

    @Override
    public boolean test(Map<String, @Nullable Object> p) {
      for (RuleFilter f : parts) {
        if (f.test(p)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Not (also PropertyIsNotEqualTo). */
  record Not(RuleFilter inner) implements RuleFilter {
    @Override
    public boolean test(Map<String, @Nullable Object> p) {
      return !inner.test(p);
    }
  }
}
