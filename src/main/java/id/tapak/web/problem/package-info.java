/**
 * Failures to HTTP answers, in one place: {@code ProblemHandler} for everything Spring MVC dispatches,
 * {@code ContainerProblems} for what Tomcat refuses before that. RFC 9457 problem+json, with the parameter at fault
 * in {@code field}; never a stack trace.
 */
@NullMarked
package id.tapak.web.problem;

import org.jspecify.annotations.NullMarked;
