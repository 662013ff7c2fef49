/** PostGIS tables and views, read over pgjdbc with geometries as EWKB decoded by JTS. */
@NullMarked
package id.tapak.core.source.postgis;

import org.jspecify.annotations.NullMarked;
