package dev.kindred.memory.search;

import dev.kindred.memory.Message;
import dev.kindred.memory.MessageStore;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** A {@link MessageStore} in lists, for tests and benchmarks. Thread-safe by locking per agent. */
public final class InMemoryMessageStore implements MessageStore {
    private final Map<String, List<Message>> messages = new ConcurrentHashMap<>();

    private List<Message> of(String agentId) {
        return messages.computeIfAbsent(agentId, id -> new ArrayList<>());
    }

    @Override
    public Optional<Message> appendIfNew(NewMessage m) {
        List<Message> list = of(m.agentId());
        synchronized (list) {
            if (m.sourceId() != null && bySource(m.agentId(), m.sourceId()).isPresent()) {
                return Optional.empty();
            }
            Message stored = m.stored(UUID.randomUUID().toString(), list.size() + 1L, m.createdAt());
            list.add(stored);
            return Optional.of(stored);
        }
    }

    @Override
    public Optional<Message> bySource(String agentId, String sourceId) {
        List<Message> list = of(agentId);
        synchronized (list) {
            return list.stream().filter(m -> sourceId.equals(m.sourceId())).findFirst();
        }
    }

    @Override
    public List<Message> range(String agentId, long fromSeq, long toSeq) {
        List<Message> list = of(agentId);
        synchronized (list) {
            int from = (int) Math.max(0, fromSeq - 1);
            int to = (int) Math.min(list.size(), toSeq);
            return from >= to ? List.of() : List.copyOf(list.subList(from, to));
        }
    }

    @Override
    public List<Message> latest(String agentId, int limit) {
        List<Message> list = of(agentId);
        synchronized (list) {
            return List.copyOf(list.subList(Math.max(0, list.size() - limit), list.size()));
        }
    }

    @Override
    public long lastSeq(String agentId) {
        List<Message> list = of(agentId);
        synchronized (list) {
            return list.size();
        }
    }

    @Override
    public long count(String agentId) {
        return lastSeq(agentId);
    }

    @Override
    public void erase(String agentId, long seq) {
        List<Message> list = of(agentId);
        synchronized (list) {
            Message m = list.get((int) seq - 1);
            list.set(
                    (int) seq - 1,
                    new Message(
                            m.id(),
                            m.agentId(),
                            m.seq(),
                            m.role(),
                            "",
                            m.speaker(),
                            m.channelId(),
                            List.of(),
                            m.toolCallId(),
                            m.sourceId(),
                            m.createdAt(),
                            true));
        }
    }

    @Override
    public void anonymise(String agentId, long seq) {
        List<Message> list = of(agentId);
        synchronized (list) {
            erase(agentId, seq);
            Message m = list.get((int) seq - 1);
            list.set(
                    (int) seq - 1,
                    new Message(
                            m.id(),
                            m.agentId(),
                            m.seq(),
                            m.role(),
                            "",
                            ANONYMOUS,
                            m.channelId(),
                            List.of(),
                            m.toolCallId(),
                            m.sourceId(),
                            m.createdAt(),
                            true));
        }
    }

    @Override
    public List<String> agentsWithSpeaker(String speakerId) {
        return messages.keySet().stream()
                .filter(agentId -> !bySpeaker(agentId, speakerId).isEmpty())
                .toList();
    }

    @Override
    public List<Message> bySpeaker(String agentId, String speakerId) {
        return matching(agentId, m -> !m.erased() && m.speaker().id().equals(speakerId));
    }

    @Override
    public List<Message> withRole(String agentId, Role role, long fromSeq) {
        return matching(agentId, m -> m.role() == role && m.seq() >= fromSeq);
    }

    private List<Message> matching(String agentId, Predicate<Message> filter) {
        List<Message> list = of(agentId);
        synchronized (list) {
            return list.stream().filter(filter).toList();
        }
    }

    @Override
    public long deleteAll(String agentId) {
        List<Message> removed = messages.remove(agentId);
        return removed == null ? 0 : removed.size();
    }
}
