package id.tapak.core.rulebook;

import id.tapak.core.model.Feature;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;

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
  default List<Feature> sites(@Nullable String checkId) {
    return sites(checkId, null);
  }

  /**
   * Conflict geometries of stored checks (outside KPI, LP2B overlap, setback breach…). Properties: {@code check_id},
   * {@code rule}, {@code status} (FAIL, WARN; NOT_ASSESSED for the part of a site a rule could not assess),
   * {@code hectares}, {@code message}.
   *
   * @param checkId one check, or null for all
   */
  default List<Feature> conflicts(@Nullable String checkId) {
    return conflicts(checkId, null);
  }

  /**
   * The sites whose envelope meets a box (EPSG:4326 lon/lat), answered from a spatial index of the store (a map
   * reads only the checks it shows, never all of them).
   *
   * @param checkId one check, or null for all
   * @param bbox the map's box, or null for everywhere
   */
  List<Feature> sites(@Nullable String checkId, @Nullable Envelope bbox);

  /** The conflicts of the checks whose site or conflicts meet a box; see {@link #sites(String, Envelope)}. */
  List<Feature> conflicts(@Nullable String checkId, @Nullable Envelope bbox);

  /** A counter that changes whenever a check is stored, so caches of rendered tiles can be invalidated. */
  long version();
}
