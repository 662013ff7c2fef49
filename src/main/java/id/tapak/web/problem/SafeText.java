package id.tapak.web.problem;

import java.util.regex.Pattern;

/**
 * Removes what must never reach a client from a message that may carry a library's words: absolute file paths
 * (temp folders of uploads, the data directory), SQLite result codes, and Java class names (Jackson, the SQLite
 * driver, the JDK). The last safety net behind messages written to be safe; applied where answers are made.
 */
public final class SafeText {

  private static final Pattern PATH = Pattern.compile(
      "(?<![\\w:/.])/(?:tmp|var|home|root|usr|opt|work|proc|etc|dev|private|mnt|srv|run|data)(?:/[\\w.+@~-]*)+");
  private static final Pattern SQLITE = Pattern.compile("\\[?SQLITE_[A-Z_]+\\]?\\s*");
  private static final Pattern CLASS = Pattern.compile(
      "\\b(?:org|com|java|javax|jakarta|tools|sun|jdk|id\\.tapak)\\.(?:[\\w$]+\\.)*[\\w$]+(?:Exception|Error)?:?\\s*");

  private SafeText() {}

  public static String scrub(String message) {
    String s = PATH.matcher(message).replaceAll("<file>");
    s = SQLITE.matcher(s).replaceAll("");
    s = CLASS.matcher(s).replaceAll("");
    return s.strip();
  }
}
