package id.tapak;

/**
 * The access tokens every test service knows (their SHA-256 hashes are in {@code src/test/resources/config/
 * application.yml}): a planner creates checks, an admin may do everything, a reader only reads.
 */
public final class TestTokens {

  public static final String PLANNER = "tapak-test-planner-7f3c9a1e5b2d4680";
  public static final String ADMIN = "tapak-test-admin-2c8e6f0a9d1b3574";
  public static final String READER = "tapak-test-reader-5a1d7e3c9b0f2468";

  private TestTokens() {}

  /** The Authorization header value for a token. */
  public static String bearer(String token) {
    return "Bearer " + token;
  }

  /** The planner's Authorization header value, for tests that make checks. */
  public static String planner() {
    return bearer(PLANNER);
  }
}
