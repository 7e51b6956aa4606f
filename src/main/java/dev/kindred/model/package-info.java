/** The provider-neutral chat model: requests, responses, usage, routing. */
@NullMarked
package dev.kindred.model;

import org.jspecify.annotations.NullMarked;
