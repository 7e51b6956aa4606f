package dev.kindred.agent;

import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * Where turns run and how delays are scheduled, injected so tests control them; and how long the
 * primary may see a memory snapshot that the sleeptime agent has since improved.
 */
public record RuntimeThreads(Scheduler scheduler, ExecutorService executor, Duration memoryStaleness) {}
