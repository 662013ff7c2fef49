package id.tapak.core.publish.features.filter;

/**
 * CQL2 {@code LIKE} matching without regular expressions: {@code %} matches any run of characters, {@code _} one
 * character, {@code \} makes the next character literal. The two-pointer algorithm backs up only to the last
 * {@code %}, so a match costs at most pattern length × text length steps: no pattern can make it run away, as a
 * backtracking regex can.
 */
final class LikePattern {

  /** Pattern characters, with escapes resolved; {@code wild[i]} marks the unescaped {@code %}/{@code _}. */
  private final char[] chars;
  private final boolean[] wild;

  LikePattern(String pattern) {
    char[] c = new char[pattern.length()];
    boolean[] w = new boolean[pattern.length()];
    int n = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      if (ch == '\\' && i + 1 < pattern.length()) {
        c[n++] = pattern.charAt(++i);
      } else {
        w[n] = ch == '%' || ch == '_';
        c[n++] = ch;
      }
    }
    chars = java.util.Arrays.copyOf(c, n);
    wild = java.util.Arrays.copyOf(w, n);
  }

  boolean matches(String text) {
    int t = 0;
    int p = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < chars.length && wild[p] && chars[p] == '%') {
        star = p++;
        mark = t;
      } else if (p < chars.length && ((wild[p] && chars[p] == '_') || (!wild[p] && chars[p] == text.charAt(t)))) {
        p++;
        t++;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < chars.length && wild[p] && chars[p] == '%') {
      p++;
    }
    return p == chars.length;
  }
}
