package id.tapak.core.rulebook;

import id.tapak.core.model.Feature;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Stored check results seen as features, for publishers (the WMS {@code checks} layers). Implemented by the check
 * store; thread-safe.
 */
public interface CheckFeatures {

  /**
   * Sites of stored checks, EPSG:4326 lon/lat. Properties: {@code check_id}, {@code name}, {@code verdict}
   * (CONFORM, CONDITIONAL, NOT_CONFORM, INCOMPLETE), {@code area_ha}.
   *
   * @param checkId one check, or null for all
   */
  List<Feature> sites(@Nullable String checkId);

  /**
   * Conflict geometries of stored checks (outside KPI, LP2B overlap, setback breach…). Properties: {@code check_id},
   * {@code rule}, {@code status} (FAIL, WARN; NOT_ASSESSED for the part of a site a rule could not assess),
   * {@code hectares}, {@code message}.
   *
   * @param checkId one check, or null for all
   */
  List<Feature> conflicts(@Nullable String checkId);

  /** A counter that changes whenever a check is stored, so caches of rendered tiles can be invalidated. */
  long version();
}
