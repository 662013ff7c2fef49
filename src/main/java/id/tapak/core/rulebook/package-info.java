/**
 * The rulebook: PP 20/2024 and related rules as data, the engine that evaluates a proposed site against the catalog,
 * and the report records (verdict, findings, citations, conflict geometries).
 */
@NullMarked
package id.tapak.core.rulebook;

import org.jspecify.annotations.NullMarked;
