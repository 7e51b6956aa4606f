package dev.kindred.memory.search;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Who said each document, so a question that names one of the people in a conversation ("What did
 * Maria cook?") can prefer what that person said: on LoCoMo, 96% of the evidence for a question
 * naming one speaker was said by that speaker. Not thread-safe: {@link HybridIndex} locks.
 */
final class Speakers {
    private static final int NONE = -1;
    private static final int MIN_NAME_TOKEN = 3;

    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<String, BitSet> byNameToken = new HashMap<>();
    private int[] speakerOf = new int[16];

    void add(int doc, @Nullable String name) {
        if (doc >= speakerOf.length) {
            speakerOf = Arrays.copyOf(speakerOf, Math.max(doc + 1, speakerOf.length * 2));
        }
        speakerOf[doc] = name == null ? NONE : id(name);
    }

    private int id(String name) {
        Integer known = ids.get(name);
        if (known != null) {
            return known;
        }
        int id = ids.size();
        ids.put(name, id);
        for (String token : tokens(name)) {
            if (token.length() >= MIN_NAME_TOKEN) {
                byNameToken.computeIfAbsent(token, t -> new BitSet()).set(id);
            }
        }
        return id;
    }

    /** The speakers the text names, or none when it names none or every one of them. */
    BitSet named(String text) {
        BitSet named = new BitSet();
        for (String token : tokens(text)) {
            BitSet speakers = byNameToken.get(token);
            if (speakers != null) {
                named.or(speakers);
            }
        }
        return named.cardinality() == ids.size() ? new BitSet() : named;
    }

    boolean spokenByAny(int doc, BitSet speakers) {
        int speaker = speakerOf[doc];
        return speaker != NONE && speakers.get(speaker);
    }

    private static List<String> tokens(String text) {
        return Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
    }
}
