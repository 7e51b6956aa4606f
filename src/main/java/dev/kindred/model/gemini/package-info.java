/** The gemini adapter: maps a ChatRequest to the vendor's HTTP JSON API and the answer back. */
@NullMarked
package dev.kindred.model.gemini;

import org.jspecify.annotations.NullMarked;
