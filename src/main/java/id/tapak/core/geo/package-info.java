/**
 * Coordinates and measures: supported CRSs and reprojection to EPSG:4326 (proj4j), geodesic hectares and metres on
 * the WGS84 ellipsoid (GeographicLib), polygon repair, and the GeoJSON geometry codec. All geometries handed out of
 * this package are EPSG:4326 in <b>longitude, latitude</b> order (JTS x = lon).
 */
@NullMarked
package id.tapak.core.geo;

import org.jspecify.annotations.NullMarked;
