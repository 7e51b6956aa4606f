/** Letta Agent File (.af) import and export. */
@NullMarked
package dev.kindred.agentfile;

import org.jspecify.annotations.NullMarked;
