package id.tapak.web.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a token may do. Ordered: each role may do everything the roles before it may.
 */
public enum Role {
  /** Read only; needed only when reads are closed ({@code tapak.security.open-reads: false}). */
  READER,
  /** Reads, and creates checks. */
  PLANNER,
  /** Everything: also deletes checks, reloads layers and other admin actions. */
  ADMIN;

  /** The configured spelling ({@code planner}, any case). */
  public static Role of(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown role '" + s + "' (reader, planner or admin)", e);
    }
  }

  /** Spring authorities of this role: {@code ROLE_X} for it and every role below it. */
  List<String> authorities() {
    List<String> a = new ArrayList<>();
    for (Role r : values()) {
      if (r.ordinal() <= ordinal()) {
        a.add("ROLE_" + r.name());
      }
    }
    return a;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
