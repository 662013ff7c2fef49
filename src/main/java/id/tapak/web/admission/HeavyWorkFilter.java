package id.tapak.web.admission;

import id.tapak.web.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs heavy requests ({@link HeavyWork}) only in their kind's slots; a request that finds the queue full, or waits
 * longer than {@code tapak.admission.queue-wait}, is answered 503 with {@code Retry-After} (problem+json, or a
 * ServiceExceptionReport on {@code /wms}). Registered after access control, so refused writes take no slot.
 */
final class HeavyWorkFilter extends OncePerRequestFilter {

  private final Map<HeavyWork, HeavyWork.Slots> slots = new EnumMap<>(HeavyWork.class);
  private final int largeItems;
  private final long retryAfterSeconds;

  HeavyWorkFilter(AdmissionProperties p) {
    long wait = p.queueWait().toNanos();
    slots.put(HeavyWork.RENDER, new HeavyWork.Slots(AdmissionProperties.slots(p.renders()), p.queue(), wait));
    slots.put(HeavyWork.CHECK, new HeavyWork.Slots(AdmissionProperties.slots(p.checks()), p.queue(), wait));
    slots.put(HeavyWork.ITEMS, new HeavyWork.Slots(AdmissionProperties.slots(p.items()), p.queue(), wait));
    this.largeItems = p.largeItems();
    this.retryAfterSeconds = Math.max(1, p.queueWait().toSeconds());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    HeavyWork kind = HeavyWork.of(req, largeItems);
    if (kind == null) {
      chain.doFilter(req, res);
      return;
    }
    HeavyWork.Slots s = slots.get(kind);
    boolean admitted;
    try {
      admitted = s.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      res.setHeader("Retry-After", Long.toString(retryAfterSeconds));
      ProblemResponses.write(req, res, 503, "the service is busy with other " + kind.name().toLowerCase(Locale.ROOT)
          + " requests; try again in " + retryAfterSeconds + " s", null);
      return;
    }
    try {
      chain.doFilter(req, res);
    } finally {
      s.release();
    }
  }
}
