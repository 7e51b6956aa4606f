package dev.kindred.agent;

import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * Where turns run and how delays are scheduled, injected so tests control them; how long the primary
 * may see a memory snapshot that the sleeptime agent has since improved; and the gate through which
 * background work gives way to replies (the runtime keeps it told of the replies it owes).
 */
public record RuntimeThreads(
        Scheduler scheduler, ExecutorService executor, Duration memoryStaleness, ReplyGate replies) {}
