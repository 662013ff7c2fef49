package id.tapak.web.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Admission control ({@code tapak.admission.*}); each limit has a safe default (docs/security.md).
 *
 * @param maxBody largest request body of any request (default 21 MB: the 20 MiB proposal limit
 *     {@code tapak.checks.max-bytes} plus room for multipart framing); larger is 413, from {@code Content-Length}
 *     before any byte is read, else when the streamed count passes it
 * @param bodyMinRate slowest average rate a body may arrive at once {@code bodyGrace} has passed (default 1 KB/s);
 *     slower is 408 and the connection is closed
 * @param bodyGrace time a body may take before its rate is judged (default 5 s)
 * @param bodyTimeout longest time to read one body, however fast (default 120 s)
 * @param perClient most requests of one client address in progress at once (default 32); more is 429. The address
 *     is the peer's, or the forwarded one only when the peer is a trusted proxy ({@code TAPAK_TRUSTED_PROXIES})
 * @param renders map images rendered at once (GetMap, check map images and PDF reports); 0 (default) = the number
 *     of processors
 * @param checks conformity checks run at once ({@code POST /api/checks}); 0 (default) = the number of processors
 * @param items large OGC API item pages served at once; 0 (default) = the number of processors
 * @param largeItems an items request with a {@code limit} above this is large (default 1000)
 * @param queue requests of each heavy kind that may wait for a slot (default 16); beyond it the answer is 503 at once
 * @param queueWait longest wait for a slot (default 10 s), then 503 with {@code Retry-After}
 */
@ConfigurationProperties("tapak.admission")
public record AdmissionProperties(
    @DefaultValue("21MB") DataSize maxBody,
    @DefaultValue("1KB") DataSize bodyMinRate,
    @DefaultValue("5s") Duration bodyGrace,
    @DefaultValue("120s") Duration bodyTimeout,
    @DefaultValue("32") int perClient,
    @DefaultValue("0") int renders,
    @DefaultValue("0") int checks,
    @DefaultValue("0") int items,
    @DefaultValue("1000") int largeItems,
    @DefaultValue("16") int queue,
    @DefaultValue("10s") Duration queueWait) {

  public AdmissionProperties {
    if (maxBody.toBytes() < 1024) {
      throw new IllegalArgumentException("tapak.admission.max-body must be at least 1KB, got " + maxBody);
    }
    if (perClient < 1 || renders < 0 || checks < 0 || items < 0 || queue < 0 || largeItems < 1) {
      throw new IllegalArgumentException("tapak.admission: per-client and large-items must be >= 1, renders, "
          + "checks, items and queue >= 0");
    }
  }

  /** Slots for a heavy kind: the setting, or the number of processors when it is 0. */
  static int slots(int configured) {
    return configured > 0 ? configured : Math.max(1, Runtime.getRuntime().availableProcessors());
  }
}
