/**
 * What Kindred keeps about a person, and their control over it: see it, export it, erase it; and the
 * erasure of a server's data some time after the bot left it.
 */
@NullMarked
package dev.kindred.privacy;

import org.jspecify.annotations.NullMarked;
