package id.tapak.web.security;

import id.tapak.app.TapakProperties;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may do what, in one place (docs/security.md):
 *
 * <ul>
 *   <li>reads (GET/HEAD anywhere, and WMS by POST): open by default; with {@code tapak.security.open-reads: false}
 *       they need a token of any role, except the web map's own page and scripts, so a user can enter a token there;
 *   <li>{@code POST /api/checks}: {@code planner} or {@code admin};
 *   <li>{@code DELETE /api/checks/{id}}, {@code /api/admin/**} and every other write (POST, PUT, PATCH, DELETE,
 *       e.g. a layer reload): {@code admin}.
 * </ul>
 *
 * <p>Stateless: no session, no cookies, hence no CSRF token (a browser cannot attach a bearer token to a forged
 * cross-site request). With no token configured every write is refused: a fresh install is never open for writing.
 * The CLI works on local files and takes no token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
class SecurityConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

  /** The web map's page and static files: open even when reads are closed. */
  private static final String[] WEB_MAP_SHELL = {"/", "/index.html", "/app/**", "/webjars/**", "/favicon.ico"};

  @Bean
  AccessTokens accessTokens(AccessProperties access, TapakProperties tapak) {
    Path file = access.tokenFile().isBlank() ? tapak.dataPath().resolve("tokens") : Path.of(access.tokenFile());
    AccessTokens t = AccessTokens.load(access.tokens(), file);
    if (t.size() == 0) {
      LOG.warn("no access tokens configured (tapak.security.tokens, {}): every write is refused with 401; "
          + "scripts/run creates a local planner token, docs/security.md says how to add one", file);
    } else {
      LOG.info("{} access token(s) known; reads are {}", t.size(), access.openReads() ? "open" : "closed");
    }
    return t;
  }

  @Bean
  SecurityFilterChain tapakSecurity(HttpSecurity http, AccessTokens tokens, AccessProperties access)
      throws Exception {
    AccessProblems problems = new AccessProblems();
    http.csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // WMS, OGC API and the reports set their own Cache-Control
        .headers(h -> h.cacheControl(c -> c.disable()).frameOptions(f -> f.sameOrigin()))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(a -> {
          a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD, DispatcherType.INCLUDE,
              DispatcherType.ASYNC).permitAll();
          a.requestMatchers(HttpMethod.OPTIONS).permitAll();
          a.requestMatchers(HttpMethod.POST, "/api/checks").hasRole(Role.PLANNER.name());
          a.requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name());
          if (access.openReads()) {
            a.requestMatchers(HttpMethod.GET).permitAll();
            a.requestMatchers(HttpMethod.HEAD).permitAll();
            a.requestMatchers(HttpMethod.POST, "/wms").permitAll();
          } else {
            a.requestMatchers(HttpMethod.GET, WEB_MAP_SHELL).permitAll();
            a.requestMatchers(HttpMethod.GET).hasRole(Role.READER.name());
            a.requestMatchers(HttpMethod.HEAD).hasRole(Role.READER.name());
            a.requestMatchers(HttpMethod.POST, "/wms").hasRole(Role.READER.name());
          }
          a.anyRequest().hasRole(Role.ADMIN.name());
        });
    return http.build();
  }
}
