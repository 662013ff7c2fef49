/** HTTP face of the eco-industrial park view ({@code GET /api/eip}). */
@NullMarked
package id.tapak.web.eip;

import org.jspecify.annotations.NullMarked;
