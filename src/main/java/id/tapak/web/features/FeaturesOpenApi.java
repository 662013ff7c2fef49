package id.tapak.web.features;

import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Completes the items parameters in the OpenAPI document as OGC API – Features Part 1 writes them: {@code limit},
 * {@code offset} and {@code datetime} are {@code style: form, explode: false} (/req/core/fc-limit-definition,
 * fc-time-definition). springdoc keeps {@code explode: false} only for array parameters, and ets-ogcapi-features10
 * checks these members.
 */
@Configuration(proxyBeanMethods = false)
class FeaturesOpenApi {

  private static final Set<String> FORM_NOT_EXPLODED = Set.of("limit", "offset", "datetime", "bbox", "sortby");

  @Bean
  OpenApiCustomizer featuresFormParameters() {
    return api -> {
      if (api.getPaths() == null) {
        return;
      }
      api.getPaths().forEach((path, item) -> {
        if (!path.startsWith("/ogc/") || item.getGet() == null || item.getGet().getParameters() == null) {
          return;
        }
        for (Parameter p : item.getGet().getParameters()) {
          if ("query".equals(p.getIn()) && FORM_NOT_EXPLODED.contains(p.getName())) {
            p.setStyle(Parameter.StyleEnum.FORM);
            p.setExplode(false);
          }
        }
      });
    };
  }
}
