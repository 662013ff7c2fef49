/**
 * Stored checks: the {@link id.tapak.core.store.CheckStore} interface and its embedded SQLite implementation. A
 * PostGIS store can implement the same interface for deployments past one machine.
 */
@NullMarked
package id.tapak.core.store;

import org.jspecify.annotations.NullMarked;
