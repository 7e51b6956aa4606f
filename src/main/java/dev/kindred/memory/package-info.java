/** The memory model: blocks, messages, passages, bindings, and the store interfaces. */
@NullMarked
package dev.kindred.memory;

import org.jspecify.annotations.NullMarked;
