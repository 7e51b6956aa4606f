/** MongoDB implementations of the memory stores, and the embedded wire server. */
@NullMarked
package dev.kindred.store;

import org.jspecify.annotations.NullMarked;
