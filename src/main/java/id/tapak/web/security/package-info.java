/**
 * Access control (Spring Security, docs/security.md): bearer tokens with a role, stored as SHA-256 hashes in
 * {@code tapak.security.tokens} and {@code <data-dir>/tokens}; reads open by default, writes by role; 401 and 403 as
 * problem+json (a WMS request gets its ServiceExceptionReport).
 */
@NullMarked
package id.tapak.web.security;

import org.jspecify.annotations.NullMarked;
