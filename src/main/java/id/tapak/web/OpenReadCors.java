package id.tapak.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * CORS for the read-only APIs, declared once for every controller: any origin may GET the OGC API documents, the
 * {@code /api} reads (layers, stored checks and their reports, corridors, EIP) and the OpenAPI definition, so web maps
 * (Leaflet, OpenLayers, MapLibre) on other hosts can load them; the WMS answers its own
 * {@code Access-Control-Allow-Origin} ({@code web.wms}). Writes are not opened: a cross-origin POST is refused at
 * preflight.
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
