package id.tapak.core.corridor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The indicators of one corridor: the corridor as a whole and each member kabupaten/kota, computed on one catalog.
 *
 * @param corridor the corridor
 * @param whole indicators of the corridor as one region (areas of the union, so nothing is counted twice)
 * @param members indicators per member, in configuration order
 * @param computed when they were computed (UTC)
 * @param millis how long the computation took
 */
public record CorridorReport(Corridor corridor, Indicators whole, List<Indicators> members, Instant computed,
    long millis) {

  public CorridorReport {
    Objects.requireNonNull(corridor, "corridor");
    Objects.requireNonNull(whole, "whole");
    members = List.copyOf(members);
  }
}
