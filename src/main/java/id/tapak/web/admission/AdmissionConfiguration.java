package id.tapak.web.admission;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires admission control: the {@link AdmissionValve} into Tomcat's context pipeline, and the
 * {@link HeavyWorkFilter} after Spring Security's filter chain (order -100). Tomcat's own connection, keep-alive and
 * header settings are {@code server.tomcat.*} in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdmissionProperties.class)
class AdmissionConfiguration {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> admissionValve(AdmissionProperties p) {
    return factory -> factory.addContextValves(new AdmissionValve(p));
  }

  @Bean
  FilterRegistrationBean<HeavyWorkFilter> heavyWorkFilter(AdmissionProperties p) {
    FilterRegistrationBean<HeavyWorkFilter> r = new FilterRegistrationBean<>(new HeavyWorkFilter(p));
    r.setOrder(0);
    r.addUrlPatterns("/*");
    return r;
  }
}
