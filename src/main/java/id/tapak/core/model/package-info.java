/** Value types shared by every part of Tapak: features, layer roles, texts, user-input failures. */
@NullMarked
package id.tapak.core.model;

import org.jspecify.annotations.NullMarked;
