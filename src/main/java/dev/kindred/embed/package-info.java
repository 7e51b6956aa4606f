/** Text embeddings: the in-process MiniLM model and OpenAI-compatible endpoints. */
@NullMarked
package dev.kindred.embed;

import org.jspecify.annotations.NullMarked;
