package id.tapak.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens from configuration and from the token file, by hash; bad entries stop start-up naming where they are. */
class AccessTokensTest {

  static final String TOKEN = "aVeryRandomLocalToken_0123456789";

  @Test
  void knownByHashFromConfigAndFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tokens");
    Files.writeString(file, "# local tokens\n\nlocal-planner planner " + AccessTokens.sha256(TOKEN) + "\n");
    AccessTokens t = AccessTokens.load(List.of(new AccessProperties.TokenEntry("ops", "ADMIN",
        AccessTokens.sha256("another-random-token-abcdef"))), file);
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.holder(TOKEN)).contains(new AccessTokens.Holder("local-planner", Role.PLANNER));
    assertThat(t.holder("another-random-token-abcdef")).contains(new AccessTokens.Holder("ops", Role.ADMIN));
    assertThat(t.holder(TOKEN + "x")).isEmpty();
    assertThat(t.holder(AccessTokens.sha256(TOKEN))).isEmpty();
  }

  @Test
  void missingFileIsNoTokens(@TempDir Path dir) {
    assertThat(AccessTokens.load(List.of(), dir.resolve("absent")).size()).isZero();
  }

  @Test
  void badEntriesNameTheirPlace(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tokens");
    Files.writeString(file, "x planner abc\n");
    assertThatThrownBy(() -> AccessTokens.load(List.of(), file)).hasMessageContaining("line 1")
        .hasMessageContaining("64 hex");
    Files.writeString(file, "x boss " + AccessTokens.sha256(TOKEN) + "\n");
    assertThatThrownBy(() -> AccessTokens.load(List.of(), file)).hasMessageContaining("unknown role 'boss'");
    assertThatThrownBy(() -> AccessTokens.load(List.of(new AccessProperties.TokenEntry("bad name", "planner",
        AccessTokens.sha256(TOKEN))), dir.resolve("absent"))).hasMessageContaining("tapak.security.tokens");
  }

  @Test
  void rolesIncludeTheRolesBelow() {
    assertThat(Role.ADMIN.authorities()).containsExactly("ROLE_READER", "ROLE_PLANNER", "ROLE_ADMIN");
    assertThat(Role.READER.authorities()).containsExactly("ROLE_READER");
  }
}
