package id.tapak.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>}. A known token authenticates its holder (name, role) for this request
 * only (stateless: no session, no cookie). A request without the header stays anonymous and the authorization rules
 * decide; a header with an unknown token is refused at once with 401, on reads too, so a client with a mistyped or
 * revoked token learns it instead of silently reading as anonymous.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

  private static final String PREFIX = "bearer ";

  private final AccessTokens tokens;
  private final AccessProblems problems;

  BearerTokenFilter(AccessTokens tokens, AccessProblems problems) {
    this.tokens = tokens;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    String header = req.getHeader("Authorization");
    if (header == null || header.isBlank()) {
      chain.doFilter(req, res);
      return;
    }
    Optional<AccessTokens.Holder> holder = header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
        ? tokens.holder(header.substring(PREFIX.length()).strip()) : Optional.empty();
    if (holder.isEmpty()) {
      problems.unauthorized(req, res, true);
      return;
    }
    AccessTokens.Holder h = holder.get();
    List<SimpleGrantedAuthority> authorities = h.role().authorities().stream().map(SimpleGrantedAuthority::new)
        .toList();
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(h.name(), null, authorities));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(req, res);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
