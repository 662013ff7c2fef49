package id.tapak.web;

import id.tapak.core.catalog.Catalog;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names the service in the OpenAPI document ({@code /v3/api-docs}), which OGC API clients reach through the
 * landing page's {@code service-desc} link. A customizer rather than an {@code OpenAPI} bean, so other packages can
 * add their own without clashing.
 */
@Configuration
class OpenApiInfo {

  @Bean
  OpenApiCustomizer tapakInfo(Catalog catalog) {
    return api -> api.info(new Info()
        .title(catalog.project().project().title().both())
        .description("Tapak: kawasan industri location checks under PP 20/2024. Layers as OGC API – Features "
            + "(/ogc, GeoJSON, CRS84 longitude/latitude) and the catalog at /api/layers.")
        .version("0.1.0"));
  }
}
