/**
 * HTTP adapters, one package per published standard. Controllers are thin: parse parameters into a validated
 * request record, call core, encode the answer. Every user error is mapped in {@code web.problem}.
 */
@NullMarked
package id.tapak.web;

import org.jspecify.annotations.NullMarked;
