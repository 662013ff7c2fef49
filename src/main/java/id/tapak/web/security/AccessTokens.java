package id.tapak.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The known tokens, by the SHA-256 of the token. Only hashes are kept (configuration, token file, memory): whoever
 * reads them cannot present a token.
 *
 * <p>Why one unsalted SHA-256 is enough here: tokens are generated, not chosen by people (32 random bytes from
 * {@code /dev/urandom} in {@code scripts/run}, and at least {@value #MIN_TOKEN_CHARS} characters are required of
 * every presented token), so there is no dictionary to try and a brute-force search of 2^256 preimages is out of
 * reach; salts and slow hashes (bcrypt, Argon2) protect low-entropy passwords and would cost milliseconds on every
 * request. Looking the hash up in a map leaks timing about the hash of the presented value, not about any stored
 * token.
 */
public final class AccessTokens {

  /** Shortest token accepted: shorter ones cannot carry enough entropy. */
  public static final int MIN_TOKEN_CHARS = 16;

  private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  /** Who holds a token. */
  public record Holder(String name, Role role) {}

  private final Map<String, Holder> byHash = new ConcurrentHashMap<>();

  /** Tokens from configuration and from the token file (a missing file is none). */
  public static AccessTokens load(List<AccessProperties.TokenEntry> configured, Path file) {
    AccessTokens t = new AccessTokens();
    for (AccessProperties.TokenEntry e : configured) {
      t.add(e.name(), e.role(), e.sha256(), "tapak.security.tokens");
    }
    try {
      int n = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        n++;
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
          continue;
        }
        String[] parts = s.split("\\s+");
        if (parts.length != 3) {
          throw new IllegalArgumentException(file + " line " + n + ": expected 'name role sha256-hex'");
        }
        t.add(parts[0], parts[1], parts[2], file + " line " + n);
      }
    } catch (NoSuchFileException missing) {
      // no token file: only configured tokens
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read token file " + file + ": " + e.getMessage(), e);
    }
    return t;
  }

  private void add(String name, String role, String sha256, String where) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(where + ": token name must be 1-64 letters, digits or ._@- , got '" + name
          + "'");
    }
    if (sha256 == null || !HEX64.matcher(sha256).matches()) {
      throw new IllegalArgumentException(where + ": sha256 of token '" + name + "' must be 64 hex digits");
    }
    Role r;
    try {
      r = Role.of(role == null ? "" : role);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
    byHash.put(sha256.toLowerCase(Locale.ROOT), new Holder(name, r));
  }

  /** The holder of a presented token, if it is known. */
  public Optional<Holder> holder(String token) {
    if (token.length() < MIN_TOKEN_CHARS) {
      return Optional.empty();
    }
    return Optional.ofNullable(byHash.get(sha256(token)));
  }

  public int size() {
    return byHash.size();
  }

  /** SHA-256 of the UTF-8 token, lower-case hex. */
  public static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
