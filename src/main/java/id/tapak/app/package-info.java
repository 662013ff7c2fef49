/** The Spring Boot application: configuration binding and wiring of the core into the web layer. */
@NullMarked
package id.tapak.app;

import org.jspecify.annotations.NullMarked;
