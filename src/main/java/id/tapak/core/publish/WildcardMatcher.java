package id.tapak.core.publish;

import java.util.ArrayList;
import java.util.List;

/**
 * LIKE matching without regular expressions, for SLD {@code PropertyIsLike} (wildcards from the filter, e.g. {@code *},
 * {@code ?}, {@code \}) and CQL2 {@code LIKE} ({@code %}, {@code _}, {@code \}): one matcher for both. A pattern splits at its many-characters wildcards
 * into literal segments (which may hold one-character wildcards); the first segment must match at the start, the last
 * at the end, and each one in between at its leftmost place after the previous one. Leftmost is always right for
 * these patterns, so nothing is ever retried: a match costs at most (value length × pattern length) character
 * comparisons, whatever the wildcards, where {@code java.util.regex} backtracked exponentially on {@code * * * *#}
 * (7 wildcards on 8 rules took 60 s). Immutable and thread-safe.
 */
public final class WildcardMatcher {

  /** Most characters in a LIKE pattern (SLD Literal); longer is refused while the SLD is read. */
  public static final int MAX_PATTERN = 1_000;

  /** A literal segment: its characters, and which positions are the one-character wildcard. */
  private record Segment(char[] chars, boolean[] any) {
    int length() {
      return chars.length;
    }

    boolean matchesAt(String v, int at, boolean ignoreCase) {
      for (int i = 0; i < chars.length; i++) {
        if (any[i]) {
          continue;
        }
        char c = v.charAt(at + i);
        if (c != chars[i] && !(ignoreCase && fold(c) == chars[i])) {
          return false;
        }
      }
      return true;
    }
  }

  private final List<Segment> segments;
  private final boolean ignoreCase;

  private WildcardMatcher(List<Segment> segments, boolean ignoreCase) {
    this.segments = segments;
    this.ignoreCase = ignoreCase;
  }

  /**
   * @param pattern the pattern, e.g. {@code *Industri?*}
   * @param wildCard the many-characters wildcard
   * @param singleChar the one-character wildcard
   * @param escape the escape character: the next character is taken literally
   * @param ignoreCase whether letters match regardless of case
   */
  public static WildcardMatcher of(String pattern, char wildCard, char singleChar, char escape, boolean ignoreCase) {
    if (pattern.length() > MAX_PATTERN) {
      throw new IllegalArgumentException("a LIKE pattern may have at most " + MAX_PATTERN + " characters, got "
          + pattern.length());
    }
    List<Segment> segments = new ArrayList<>();
    StringBuilder chars = new StringBuilder();
    List<Boolean> any = new ArrayList<>();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == escape && i + 1 < pattern.length()) {
        char next = pattern.charAt(++i);
        chars.append(ignoreCase ? fold(next) : next);
        any.add(false);
      } else if (c == wildCard) {
        segments.add(segment(chars, any));
        chars.setLength(0);
        any.clear();
      } else {
        chars.append(c == singleChar ? c : ignoreCase ? fold(c) : c);
        any.add(c == singleChar);
      }
    }
    segments.add(segment(chars, any));
    return new WildcardMatcher(List.copyOf(segments), ignoreCase);
  }

  private static Segment segment(StringBuilder chars, List<Boolean> any) {
    boolean[] a = new boolean[any.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = any.get(i);
    }
    return new Segment(chars.toString().toCharArray(), a);
  }

  private static char fold(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  public boolean matches(String v) {
    Segment first = segments.get(0);
    if (segments.size() == 1) {
      return v.length() == first.length() && first.matchesAt(v, 0, ignoreCase);
    }
    Segment last = segments.get(segments.size() - 1);
    int end = v.length() - last.length();
    if (end < first.length() || !first.matchesAt(v, 0, ignoreCase) || !last.matchesAt(v, end, ignoreCase)) {
      return false;
    }
    int at = first.length();
    for (int s = 1; s < segments.size() - 1; s++) {
      Segment seg = segments.get(s);
      int found = -1;
      for (int i = at; i + seg.length() <= end; i++) {
        if (seg.matchesAt(v, i, ignoreCase)) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        return false;
      }
      at = found + seg.length();
    }
    return true;
  }

  @Override
  public String toString() {
    return "WildcardMatcher" + segments.size() + (ignoreCase ? "i" : "");
  }
}
