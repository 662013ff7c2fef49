package id.tapak.web.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access control ({@code tapak.security.*}, docs/security.md).
 *
 * @param openReads whether reading (layers, maps, items, published checks) needs no token (default true); false =
 *     every API and map request needs a token of any role (the web map page itself stays open so a user can enter one)
 * @param tokens tokens from configuration: name, role and the SHA-256 of the token (hex)
 * @param tokenFile a file of more tokens, one {@code name role sha256-hex} a line ({@code #} comments); empty (the
 *     default) = {@code <data-dir>/tokens}, where {@code scripts/run} keeps the demo's local planner token. A missing
 *     file is no tokens
 */
@ConfigurationProperties("tapak.security")
public record AccessProperties(
    @DefaultValue("true") boolean openReads,
    @DefaultValue List<TokenEntry> tokens,
    @DefaultValue("") String tokenFile) {

  public AccessProperties {
    tokens = List.copyOf(tokens);
  }

  /**
   * One configured token.
   *
   * @param name who holds it, recorded with each check it makes ({@code createdBy}); letters, digits, {@code ._@-}
   * @param role {@code reader}, {@code planner} or {@code admin}
   * @param sha256 the SHA-256 of the token as 64 hex digits ({@code printf %s TOKEN | sha256sum})
   */
  public record TokenEntry(String name, String role, String sha256) {}
}
