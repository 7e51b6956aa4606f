/** The tools the model can call, one class each, with Letta's names and semantics. */
@NullMarked
package dev.kindred.agent.tools;

import org.jspecify.annotations.NullMarked;
