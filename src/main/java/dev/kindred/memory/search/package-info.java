/**
 * Hybrid search over archival passages and recall messages: per-agent in-memory indexes (BM25 over
 * tokenised text, int8 vectors with a sign-bit prefilter) whose scores are scaled and added, with
 * filters applied before the cut.
 */
@NullMarked
package dev.kindred.memory.search;

import org.jspecify.annotations.NullMarked;
