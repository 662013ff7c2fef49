/** Streaming GeoJSON (RFC 7946) output of features and feature collections. */
@NullMarked
package id.tapak.core.publish.geojson;

import org.jspecify.annotations.NullMarked;
