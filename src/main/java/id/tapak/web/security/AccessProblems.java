package id.tapak.web.security;

import id.tapak.web.problem.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The answers of access control: 401 with {@code WWW-Authenticate: Bearer} (RFC 6750) when a token is missing or
 * unknown, 403 when the token's role may not do this. problem+json, except on {@code /wms}, which answers an OGC
 * ServiceExceptionReport with the same status.
 */
final class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String REALM = "Bearer realm=\"tapak\"";

  @Override
  public void commence(HttpServletRequest req, HttpServletResponse res, AuthenticationException e)
      throws IOException {
    unauthorized(req, res, false);
  }

  void unauthorized(HttpServletRequest req, HttpServletResponse res, boolean invalid) throws IOException {
    res.setHeader("WWW-Authenticate", invalid ? REALM + ", error=\"invalid_token\"" : REALM);
    String detail = invalid
        ? "the bearer token is not known (mistyped, revoked, or shorter than " + AccessTokens.MIN_TOKEN_CHARS
            + " characters); send Authorization: Bearer <token>"
        : "this request needs a token: send Authorization: Bearer <token> (scripts/run prints a local planner "
            + "token; see docs/security.md)";
    answer(req, res, 401, detail);
  }

  @Override
  public void handle(HttpServletRequest req, HttpServletResponse res, AccessDeniedException e) throws IOException {
    answer(req, res, 403, "the role of this token may not do this (creating checks needs planner or admin; deleting "
        + "checks, reloading layers and admin actions need admin)");
  }

  private static void answer(HttpServletRequest req, HttpServletResponse res, int status, String detail)
      throws IOException {
    ProblemResponses.write(req, res, status, detail, "Authorization");
  }
}
