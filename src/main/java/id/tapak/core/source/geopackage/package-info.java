/**
 * GeoPackage layers read with plain SQLite (sqlite-jdbc, read-only) and an own decoder for the GeoPackage geometry
 * blob, so files written by GDAL (with their R-tree triggers and spatial index tables) load without SpatiaLite.
 */
@NullMarked
package id.tapak.core.source.geopackage;

import org.jspecify.annotations.NullMarked;
