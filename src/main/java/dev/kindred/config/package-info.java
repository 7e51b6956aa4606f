/** Configuration records, the YAML loader, environment overrides and validation. */
@NullMarked
package dev.kindred.config;

import org.jspecify.annotations.NullMarked;
