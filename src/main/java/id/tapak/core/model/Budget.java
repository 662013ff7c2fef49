package id.tapak.core.model;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A cooperative time budget for one piece of work (a check, a map, an upload parse): the entry point opens a
 * {@link Scope} on its thread, and the loops that can run long (per feature, per rule) call {@link #checkpoint()},
 * which throws {@link BudgetExceededException} once the deadline has passed. Nothing is interrupted mid-operation,
 * so a spent budget leaves no half-written state; the caller stores nothing and answers 503 (or a WMS exception).
 * Without an open scope a checkpoint does nothing (the CLI and tests run unbounded unless they open one).
 *
 * <p>Scopes nest: an inner scope never extends the deadline of the one around it. Thread-confined.
 */
public final class Budget {

  private static final ThreadLocal<@Nullable Budget> CURRENT = new ThreadLocal<>();

  private final String work;
  private final Duration limit;
  private final long deadline;

  private Budget(String work, Duration limit, long deadline) {
    this.work = work;
    this.limit = limit;
    this.deadline = deadline;
  }

  /** Restores the budget that was current before {@link #open}. */
  public static final class Scope implements AutoCloseable {
    private final @Nullable Budget previous;

    private Scope(@Nullable Budget previous) {
      this.previous = previous;
    }

    @Override
    public void close() {
      CURRENT.set(previous);
    }
  }

  /**
   * Opens a budget on this thread.
   *
   * @param work what is being done, for the message ("the check", "the map")
   * @param limit how long it may take; must be positive
   */
  public static Scope open(String work, Duration limit) {
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("a time budget must be positive, got " + limit);
    }
    Budget outer = CURRENT.get();
    long now = System.nanoTime();
    long deadline = now + Math.min(limit.toNanos(), Long.MAX_VALUE / 4);
    if (outer != null && outer.deadline - deadline < 0) {
      deadline = outer.deadline;
    }
    CURRENT.set(new Budget(work, limit, deadline));
    return new Scope(outer);
  }

  /** Throws {@link BudgetExceededException} when the current budget (if any) is spent. */
  public static void checkpoint() {
    Budget b = CURRENT.get();
    if (b != null && System.nanoTime() - b.deadline > 0) {
      throw new BudgetExceededException(b.work, b.limit);
    }
  }

  /** True when a budget is open on this thread and spent (for loops that stop quietly, e.g. an SQLite handler). */
  public static boolean spent() {
    Budget b = CURRENT.get();
    return b != null && System.nanoTime() - b.deadline > 0;
  }

  /** The budget's time was spent before the work finished. */
  public static final class BudgetExceededException extends TapakException {
    private final String work;

    BudgetExceededException(String work, Duration limit) {
      super(Kind.OVER_BUDGET, null, work + " did not finish within its time budget of " + seconds(limit)
          + "; nothing was stored. Try again later, or send a smaller request");
      this.work = work;
    }

    /** What was being done. */
    public String work() {
      return work;
    }

    private static String seconds(Duration d) {
      return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
  }
}
