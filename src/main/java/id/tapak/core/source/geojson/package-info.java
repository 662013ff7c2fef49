/** GeoJSON layers: RFC 7946 files (EPSG:4326) and files with the legacy 2008 {@code crs} member. */
@NullMarked
package id.tapak.core.source.geojson;

import org.jspecify.annotations.NullMarked;
