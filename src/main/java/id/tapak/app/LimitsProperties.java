package id.tapak.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Cost limits of single requests ({@code tapak.limits.*}, environment {@code TAPAK_LIMITS_*}); every one, with what a
 * client gets past it and the test that proves it, is in {@code docs/limits.md}. Parser depth limits are fixed in
 * code (they protect the stack, not a resource one would tune).
 *
 * @param checkBudget time one conformity check may take (default 20 s); past it 503, nothing stored
 * @param renderBudget time one WMS request may take to draw (default 10 s); past it a ServiceExceptionReport
 * @param uploadBudget time reading one uploaded file may take (default 10 s); past it 503, nothing stored
 * @param maxSelfIntersections most crossings of an invalid proposal polygon's boundary that are still repaired
 *     (default 1000); more is a 422 naming the geometry
 * @param tileCacheBytes memory the WMS tile cache may hold (default 64 MB); least recently used tiles go first
 */
@ConfigurationProperties("tapak.limits")
public record LimitsProperties(
    @DefaultValue("20s") Duration checkBudget,
    @DefaultValue("10s") Duration renderBudget,
    @DefaultValue("10s") Duration uploadBudget,
    @DefaultValue("1000") int maxSelfIntersections,
    @DefaultValue("64MB") DataSize tileCacheBytes) {

  public LimitsProperties {
    for (Duration d : new Duration[] {checkBudget, renderBudget, uploadBudget}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("tapak.limits.*-budget must be positive, got " + d);
      }
    }
    if (maxSelfIntersections < 0 || tileCacheBytes.isNegative()) {
      throw new IllegalArgumentException("tapak.limits.max-self-intersections and tile-cache-bytes must be >= 0");
    }
  }
}
