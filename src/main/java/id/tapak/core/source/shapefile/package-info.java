/**
 * ESRI Shapefile sets ({@code .shp/.shx/.dbf/.prj/.cpg}), plain or zipped, read with own readers for the geometry
 * file and the dBase table; the CRS comes from the {@code .prj} by known ESRI names.
 */
@NullMarked
package id.tapak.core.source.shapefile;

import org.jspecify.annotations.NullMarked;
