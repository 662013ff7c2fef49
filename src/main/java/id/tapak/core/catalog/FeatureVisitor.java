package id.tapak.core.catalog;

import id.tapak.core.model.Feature;

/**
 * Receives the features of a layer query one at a time, so a query over a large layer (a PostGIS table) never builds
 * a list of everything. Return {@code false} to stop early (the layer then closes its cursor).
 */
@FunctionalInterface
public interface FeatureVisitor {

  /**
   * @return true to receive the next feature, false to stop
   */
  boolean visit(Feature feature);
}
