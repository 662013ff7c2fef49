package id.tapak.core.catalog;

import id.tapak.core.model.Feature;
import java.util.List;

/**
 * A page of features.
 *
 * @param features the features of this page, in layer order
 * @param numberMatched how many features matched the query before paging
 */
public record FeaturePage(List<Feature> features, int numberMatched) {}
