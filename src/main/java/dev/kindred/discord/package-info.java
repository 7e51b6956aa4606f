/** The Discord front end: JDA wiring, the message listener, reply splitting. */
@NullMarked
package dev.kindred.discord;

import org.jspecify.annotations.NullMarked;
