package dev.kindred.bench;

import dev.kindred.memory.Message;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Passage;
import dev.kindred.memory.Role;
import dev.kindred.memory.SearchHit;
import dev.kindred.memory.SearchQuery;
import dev.kindred.memory.Speaker;
import dev.kindred.memory.search.HybridArchivalMemory;
import dev.kindred.memory.search.HybridRecallMemory;
import dev.kindred.memory.search.HybridRecallMemory.RecallStorage;
import dev.kindred.memory.search.InMemoryMessageStore;
import dev.kindred.memory.search.InMemoryMessageVectors;
import dev.kindred.memory.search.InMemoryPassageStore;
import dev.kindred.memory.search.SearchSettings;
import dev.kindred.memory.search.SharedMiniLm;
import dev.kindred.model.MutableClock;
import java.nio.file.Path;
import java.util.List;

/**
 * LoCoMo evidence recall through conversation_search (recall) and archival_memory_search: every turn
 * is stored, every question of categories 1-4 is asked with limit 10, and the share of its evidence
 * turns in the top 5 and top 10 is averaged. Args: path to locomo10.json, then optional
 * settings such as keyword=1.0 vector=0.6 candidates=100 (see BenchArgs), reuse-vectors and misses.
 */
public final class LocomoBench {
    private static final int LIMIT = 10;
    /** With the argument reuse-vectors, MiniLM vectors are kept here between runs (for tuning). */
    private static final Path VECTORS = Path.of("target", "locomo-vectors.bin");

    private LocomoBench() {}

    public static void main(String[] args) throws Exception {
        Locomo locomo = Locomo.read(Path.of(args[0]));
        SearchSettings settings = BenchArgs.settings(SearchSettings.RECALL_DEFAULTS, args);
        SearchSettings archivalSettings = BenchArgs.settings(SearchSettings.DEFAULTS, args);
        MemoEmbedder embedder = new MemoEmbedder(SharedMiniLm.get());
        boolean reuse = List.of(args).contains("reuse-vectors");
        if (reuse) {
            embedder.load(VECTORS);
        }
        MutableClock clock = new MutableClock();
        HybridRecallMemory recall = new HybridRecallMemory(
                new RecallStorage(new InMemoryMessageStore(), new InMemoryMessageVectors()),
                embedder,
                settings,
                Runnable::run);
        HybridArchivalMemory archival =
                new HybridArchivalMemory(new InMemoryPassageStore(), embedder, clock, archivalSettings);
        RecallScore recallScore = new RecallScore();
        RecallScore archivalScore = new RecallScore();
        long start = System.nanoTime();
        int turns = 0;
        for (Locomo.Conversation conversation : locomo.conversations()) {
            for (Locomo.Turn turn : conversation.turns()) {
                Speaker speaker = new Speaker(turn.speaker(), turn.speaker());
                recall.append(new NewMessage(
                        conversation.id(),
                        Role.USER,
                        turn.text(),
                        speaker,
                        "locomo",
                        List.of(),
                        null,
                        turn.diaId(),
                        turn.at()));
                clock.set(turn.at());
                archival.insert(conversation.id(), turn.speaker() + ": " + turn.text(), List.of(), turn.diaId());
                turns++;
            }
        }
        double storeSeconds = (System.nanoTime() - start) / 1e9;
        java.io.PrintStream misses = List.of(args).contains("misses")
                ? new java.io.PrintStream(Path.of("target", "locomo-misses.txt").toFile(), "UTF-8")
                : null;
        long searchStart = System.nanoTime();
        int questions = 0;
        for (Locomo.Conversation conversation : locomo.conversations()) {
            for (Locomo.Question q : conversation.questions()) {
                SearchQuery query = SearchQuery.of(q.text(), LIMIT);
                List<SearchHit<Message>> found = recall.search(conversation.id(), query);
                List<String> ranked = found.stream()
                        .map(h -> String.valueOf(h.item().sourceId()))
                        .toList();
                recallScore.add(q.category(), q.evidence(), ranked);
                if (misses != null && !ranked.containsAll(q.evidence())) {
                    misses.printf(
                            "%s [%d] %s%n  evidence %s%n  found %s%n",
                            conversation.id(), q.category(), q.text(), q.evidence(), ranked);
                }
                List<SearchHit<Passage>> passages = archival.search(conversation.id(), query);
                archivalScore.add(
                        q.category(),
                        q.evidence(),
                        passages.stream().map(h -> h.item().source()).toList());
                questions++;
            }
        }
        if (misses != null) {
            misses.close();
        }
        double searchMs = (System.nanoTime() - searchStart) / 1e6 / (2.0 * questions);
        System.out.printf(
                "LoCoMo: %d conversations, %d turns, %d questions (categories 1-4 with evidence)%n",
                locomo.conversations().size(), turns, questions);
        System.out.printf("recall settings %s%narchival settings %s%n", settings, archivalSettings);
        System.out.printf(
                "storing took %.1f s (embedding %d distinct texts: %.1f s); search %.1f ms per query%n",
                storeSeconds, embedder.distinctTexts(), embedder.seconds(), searchMs);
        printTable(recallScore, archivalScore);
        if (reuse) {
            embedder.save(VECTORS);
        }
        System.exit(0);
    }

    private static void printTable(RecallScore recall, RecallScore archival) {
        System.out.println();
        System.out.println("category      questions  BM25@5  BM25@10  recall@5  recall@10  archival@5  archival@10");
        for (int category = 1; category <= 4; category++) {
            row(Locomo.CATEGORY_NAMES.get(category), recall.of(category), archival.of(category), "    -        -  ");
        }
        row("overall", recall.of(0), archival.of(0), " 0.500    0.567  ");
    }

    private static void row(String name, double[] recall, double[] archival, String baseline) {
        System.out.printf(
                "%-12s  %9d  %s  %8.3f  %9.3f  %10.3f  %11.3f%n",
                name, (int) recall[2], baseline, recall[0], recall[1], archival[0], archival[1]);
    }
}
