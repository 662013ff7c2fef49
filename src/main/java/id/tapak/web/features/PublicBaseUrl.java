package id.tapak.web.features;

import id.tapak.app.TapakProperties;
import id.tapak.core.model.TapakException;
import id.tapak.core.publish.features.BaseUrl;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The service root clients see, for absolute OGC links: {@code tapak.base-url} when set (the way to publish behind
 * a proxy, docs/security.md), else scheme, host and port of the request. {@code X-Forwarded-*} headers count only
 * from a trusted proxy: Tomcat's {@code RemoteIpValve} ({@code server.forward-headers-strategy: native}) applies
 * them when the peer matches {@code TAPAK_TRUSTED_PROXIES}, and by default trusts none.
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
