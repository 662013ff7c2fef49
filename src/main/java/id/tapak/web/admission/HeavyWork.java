package id.tapak.web.admission;

import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of costly request, each with a fixed number of slots and a bounded queue in front of them: a request
 * waits at most {@code queueWait} for a slot, and when {@code queue} requests already wait it is refused at once.
 * Bounding how many run at once bounds the memory they take (a 4096×4096 RGBA image is 64 MB).
 */
enum HeavyWork {
  /** WMS GetMap (and any WMS POST, whose body may be a map request with an SLD), check map images, PDF reports. */
  RENDER,
  /** {@code POST /api/checks}. */
  CHECK,
  /** OGC API items pages with a {@code limit} above {@code tapak.admission.large-items}. */
  ITEMS;

  private static final Pattern CHECK_IMAGE = Pattern.compile("/api/checks/[^/]+/(map\\.png|report\\.pdf)");
  private static final Pattern ITEMS_PATH = Pattern.compile("/ogc/collections/[^/]+/items");

  /** The heavy kind of a request, or null for light ones. Reads only the path and the query string. */
  static @Nullable HeavyWork of(HttpServletRequest req, int largeItems) {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    String method = req.getMethod();
    if ("POST".equals(method) && path.equals("/api/checks")) {
      return CHECK;
    }
    if (path.equals("/wms")) {
      if ("POST".equals(method)) {
        return RENDER;
      }
      String request = query(req, "request");
      return request != null && request.equalsIgnoreCase("GetMap") ? RENDER : null;
    }
    if (CHECK_IMAGE.matcher(path).matches()) {
      return RENDER;
    }
    if (ITEMS_PATH.matcher(path).matches()) {
      String limit = query(req, "limit");
      try {
        return limit != null && Long.parseLong(limit.strip()) > largeItems ? ITEMS : null;
      } catch (NumberFormatException e) {
        return null; // the API answers the bad limit itself
      }
    }
    return null;
  }

  /** A query parameter by case-insensitive name (WMS names are case-insensitive), undecoded values are fine here. */
  private static @Nullable String query(HttpServletRequest req, String name) {
    String q = req.getQueryString();
    if (q == null) {
      return null;
    }
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).toLowerCase(Locale.ROOT).equals(name)) {
        return pair.substring(eq + 1);
      }
    }
    return null;
  }

  /** Slots and a bounded queue of waiters for one kind. */
  static final class Slots {

    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int queue;
    private final long waitNanos;

    Slots(int slots, int queue, long waitNanos) {
      this.slots = new Semaphore(slots, true);
      this.queue = queue;
      this.waitNanos = waitNanos;
    }

    /** Takes a slot, waiting in the queue when there is room in it; false = refuse (503). */
    boolean acquire() throws InterruptedException {
      if (slots.tryAcquire()) {
        return true;
      }
      if (waiting.incrementAndGet() > queue) {
        waiting.decrementAndGet();
        return false;
      }
      try {
        return slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
      } finally {
        waiting.decrementAndGet();
      }
    }

    void release() {
      slots.release();
    }
  }
}
