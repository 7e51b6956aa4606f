package dev.kindred.memory.search;

import dev.kindred.memory.ArchivalMemory;
import dev.kindred.memory.Passage;
import dev.kindred.memory.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Adds a text or Markdown attachment to archival memory (the {@code /archival add} command): one
 * passage per chunk, tagged with the file name and any tags the user gave, from source
 * {@code file:<name>}.
 */
public final class ArchivalFiles {
    private final ArchivalMemory archival;
    private final TextChunker chunker;

    public ArchivalFiles(ArchivalMemory archival, TextChunker chunker) {
        this.archival = archival;
        this.chunker = chunker;
    }

    /** Adds the file's text; {@code channelId} is the server channel it was added in (null outside servers). */
    public List<Passage> add(
            String agentId, String fileName, String text, List<String> tags, @Nullable String channelId) {
        if (!fileName.endsWith(".txt") && !fileName.endsWith(".md")) {
            throw new UserInputException("only .txt and .md files can be added to archival memory");
        }
        Set<String> allTags = new LinkedHashSet<>(tags);
        allTags.add(fileName);
        List<Passage> added = new ArrayList<>();
        for (String chunk : chunker.split(text)) {
            added.add(archival.insert(agentId, chunk, List.copyOf(allTags), "file:" + fileName, channelId));
        }
        return added;
    }
}
