/** KML 2.2 reading (StAX), for uploaded proposals. */
@NullMarked
package id.tapak.core.source.kml;

import org.jspecify.annotations.NullMarked;
