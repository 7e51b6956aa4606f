package dev.kindred.agent;

import dev.kindred.model.Usage;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What a turn's model calls used, noted as they happen and written once the reply is out: writing it
 * is a round trip to the store per call, and the cost report and budgets need it only afterwards.
 * The per-user budget is charged from the turn's own result, so a late write never lets a turn through.
 */
final class PendingUsage implements UsageMeter {
    private record Call(String agentId, String model, Usage usage) {}

    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();

    @Override
    public void record(String agentId, String model, Usage usage) {
        calls.add(new Call(agentId, model, usage));
    }

    /**
     * Writes every call noted so far, each once even when two lanes write at the same time; a call
     * whose write fails is left for the next time.
     */
    void writeTo(UsageMeter meter) {
        for (Call call = calls.poll(); call != null; call = calls.poll()) {
            try {
                meter.record(call.agentId(), call.model(), call.usage());
            } catch (RuntimeException e) {
                calls.add(call);
                throw e;
            }
        }
    }
}
