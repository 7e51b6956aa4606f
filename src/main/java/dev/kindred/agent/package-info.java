/** Agents and the turn: context compilation, the tool loop, summarisation. */
@NullMarked
package dev.kindred.agent;

import org.jspecify.annotations.NullMarked;
