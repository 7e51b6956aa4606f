package dev.kindred.agentfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindred.agent.AgentServices;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Message;
import dev.kindred.memory.MessageStore;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Role;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A write that fails part-way leaves no agent, block, message or passage behind. */
class RollbackTest extends TransferFixture {

    @Test
    void failedWriteDeletesWhatWasWritten() throws IOException {
        AgentScope scope = freshScope();
        FailingMessages failing = new FailingMessages(services().messages(), 4);
        AgentServices broken = new AgentServices(
                services().agents(),
                services().blocks(),
                failing,
                services().passages(),
                services().bindings(),
                services().recall(),
                services().archival(),
                services().usage(),
                services().checkpoint());
        long blocksBefore = countIn("blocks");
        long messagesBefore = countIn("messages");
        long agentsBefore = countIn("agents");

        assertThatThrownBy(() -> transfer(broken).importAgents(CompanionImportTest.companion(), scope, "owner"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("disk full");

        assertThat(failing.appended.get()).isEqualTo(3);
        assertThat(services().agents().list(scope)).isEmpty();
        assertThat(countIn("agents")).isEqualTo(agentsBefore);
        assertThat(countIn("blocks")).isEqualTo(blocksBefore);
        assertThat(countIn("messages")).isEqualTo(messagesBefore);
    }

    private long countIn(String collection) {
        return storageDatabase().getCollection(collection).countDocuments();
    }

    /** Appends through the real store until the n-th append, which fails. */
    private static final class FailingMessages implements MessageStore {
        private final MessageStore delegate;
        private final int failAt;
        private final AtomicInteger appended = new AtomicInteger();

        FailingMessages(MessageStore delegate, int failAt) {
            this.delegate = delegate;
            this.failAt = failAt;
        }

        @Override
        public Optional<Message> appendIfNew(NewMessage message) {
            if (appended.get() + 1 == failAt) {
                throw new IllegalStateException("disk full");
            }
            appended.incrementAndGet();
            return delegate.appendIfNew(message);
        }

        @Override
        public Optional<Message> bySource(String agentId, String sourceId) {
            return delegate.bySource(agentId, sourceId);
        }

        @Override
        public List<Message> range(String agentId, long fromSeq, long toSeq) {
            return delegate.range(agentId, fromSeq, toSeq);
        }

        @Override
        public List<Message> latest(String agentId, int limit) {
            return delegate.latest(agentId, limit);
        }

        @Override
        public long lastSeq(String agentId) {
            return delegate.lastSeq(agentId);
        }

        @Override
        public long count(String agentId) {
            return delegate.count(agentId);
        }

        @Override
        public void erase(String agentId, long seq) {
            delegate.erase(agentId, seq);
        }

        @Override
        public void anonymise(String agentId, long seq) {
            delegate.anonymise(agentId, seq);
        }

        @Override
        public List<String> agentsWithSpeaker(String speakerId) {
            return delegate.agentsWithSpeaker(speakerId);
        }

        @Override
        public List<Message> bySpeaker(String agentId, String speakerId) {
            return delegate.bySpeaker(agentId, speakerId);
        }

        @Override
        public List<Message> withRole(String agentId, Role role, long fromSeq) {
            return delegate.withRole(agentId, role, fromSeq);
        }

        @Override
        public long deleteAll(String agentId) {
            return delegate.deleteAll(agentId);
        }
    }
}
