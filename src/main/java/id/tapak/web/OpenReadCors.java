package id.tapak.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * CORS for the read-only APIs, declared once for every controller: any origin may GET the catalog, OGC API
 * documents and the OpenAPI definition, so web maps (Leaflet, OpenLayers, MapLibre) on other hosts can load layers.
 * Writes are not opened: a cross-origin POST is refused at preflight.
 */
@Configuration
class OpenReadCors implements WebMvcConfigurer {

  /** Path patterns opened to any origin for GET and HEAD. */
  static final String[] READ_ONLY_PATHS = {"/ogc/**", "/api/**", "/v3/api-docs/**"};

  @Override
  public void addCorsMappings(CorsRegistry registry) {
    for (String p : READ_ONLY_PATHS) {
      registry.addMapping(p).allowedOrigins("*").allowedMethods("GET", "HEAD").maxAge(3600);
    }
  }
}
