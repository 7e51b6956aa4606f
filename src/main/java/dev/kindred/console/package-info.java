/** The terminal chat: the same runtime and commands as text. */
@NullMarked
package dev.kindred.console;

import org.jspecify.annotations.NullMarked;
