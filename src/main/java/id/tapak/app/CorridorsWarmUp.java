package id.tapak.app;

import id.tapak.core.corridor.CorridorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Computes every corridor's indicators and suitability grid in the background once the service is up
 * ({@code tapak.corridors.warm-up}, environment {@code TAPAK_CORRIDORS_WARMUP}; {@code scripts/run} turns it on, the
 * default is off so tests and embedded use do not spend the CPU): the first corridor request or grid map then answers
 * at once instead of waiting for the computation (about 30 s for Gerbang Kertosusila at 500 m on 2 cores).
 */
@Configuration(proxyBeanMethods = false)
class CorridorsWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(CorridorsWarmUp.class);

  @Bean
  ApplicationListener<ApplicationReadyEvent> corridorWarmUp(CorridorService corridors,
      @Value("${tapak.corridors.warm-up:false}") boolean warmUp) {
    return e -> {
      if (warmUp && !corridors.corridors().isEmpty()) {
        LOG.info("computing {} corridors in the background", corridors.corridors().size());
        corridors.warmUp();
      }
    };
  }
}
