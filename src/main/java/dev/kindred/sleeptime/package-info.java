/** Background memory consolidation: triggers, jobs with leases, the sleeptime run. */
@NullMarked
package dev.kindred.sleeptime;

import org.jspecify.annotations.NullMarked;
