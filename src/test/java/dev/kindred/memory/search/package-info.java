@NullMarked
package dev.kindred.memory.search;

import org.jspecify.annotations.NullMarked;
