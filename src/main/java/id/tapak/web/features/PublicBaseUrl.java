package id.tapak.web.features;

import id.tapak.app.TapakProperties;
import id.tapak.core.model.TapakException;
import id.tapak.core.publish.features.BaseUrl;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The service root clients see, for absolute OGC links: {@code tapak.base-url} when set (a proxy that rewrites
 * paths), else scheme, host and port of the request, which Spring's {@code ForwardedHeaderFilter}
 * ({@code server.forward-headers-strategy: framework}) has already taken from {@code Forwarded} /
 * {@code X-Forwarded-*} headers.
 */
@Component
class PublicBaseUrl {

  private final @Nullable BaseUrl configured;

  PublicBaseUrl(TapakProperties props) {
    this.configured = props.baseUrl().isBlank() ? null : new BaseUrl(props.baseUrl());
  }

  BaseUrl of(HttpServletRequest request) {
    if (configured != null) {
      return configured;
    }
    String root = ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
    try {
      return new BaseUrl(root);
    } catch (IllegalArgumentException e) {
      throw TapakException.badRequest("Host", "the request's host does not form a usable URL");
    }
  }
}
