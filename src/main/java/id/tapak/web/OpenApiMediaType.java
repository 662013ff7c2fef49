package id.tapak.web;

import id.tapak.core.publish.features.FeaturesApi;
import id.tapak.core.publish.features.MediaTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the OpenAPI document under the media type the landing page's {@code service-desc} link announces,
 * {@code application/vnd.oai.openapi+json;version=3.0} (OGC API – Features Part 1, /req/oas30). springdoc produces
 * only {@code application/json} and answers that Accept with 406, which stopped ets-ogcapi-features10 at its first
 * test. For requests that ask for the OpenAPI type, this filter lets springdoc see {@code application/json} and labels
 * the answer with the OpenAPI type; other requests pass untouched.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiMediaType {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> openApiMediaTypeFilter() {
    FilterRegistrationBean<OncePerRequestFilter> reg = new FilterRegistrationBean<>(new Filter());
    reg.addUrlPatterns(FeaturesApi.SERVICE_DESC, FeaturesApi.SERVICE_DESC + "/*");
    return reg;
  }

  static final class Filter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
        throws ServletException, IOException {
      String accept = req.getHeader("Accept");
      if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("application/vnd.oai.openapi")) {
        chain.doFilter(req, res);
        return;
      }
      chain.doFilter(new AcceptJson(req), new OpenApiType(res));
    }
  }

  /** The request as if it asked for JSON. */
  private static final class AcceptJson extends HttpServletRequestWrapper {
    AcceptJson(HttpServletRequest req) {
      super(req);
    }

    @Override
    public String getHeader(String name) {
      return "accept".equalsIgnoreCase(name) ? MediaTypes.JSON : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return "accept".equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(MediaTypes.JSON))
          : super.getHeaders(name);
    }
  }

  /** The response labelled with the OpenAPI media type wherever JSON is set. */
  private static final class OpenApiType extends HttpServletResponseWrapper {
    OpenApiType(HttpServletResponse res) {
      super(res);
    }

    private static String relabel(String type) {
      return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaTypes.JSON) ? MediaTypes.OPENAPI_JSON
          : type;
    }

    @Override
    public void setContentType(String type) {
      super.setContentType(relabel(type));
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, "content-type".equalsIgnoreCase(name) ? relabel(value) : value);
    }

    @Override
    public void addHeader(String name, String value) {
      super.addHeader(name, "content-type".equalsIgnoreCase(name) ? relabel(value) : value);
    }
  }
}
