package dev.kindred.memory.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns text into search terms: lower case, split on anything that is not a letter or digit, common
 * English function words dropped, plural and verb endings folded so "painting" meets "paints".
 */
final class Tokenizer {
    private static final Set<String> STOPWORDS = Set.of(
            "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because",
            "been", "before", "being", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "for", "from",
            "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into",
            "is", "it", "its", "just", "me", "more", "most", "my", "of", "on", "or", "our", "ours", "she", "so", "some",
            "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to",
            "too", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
            "with", "would", "you", "your", "yours", "s", "t", "d", "ll", "m", "re", "ve");

    private Tokenizer() {}

    static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean wordChar = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                addTerm(terms, lower.substring(start, i));
                start = -1;
            }
        }
        return terms;
    }

    private static void addTerm(List<String> terms, String word) {
        if (!STOPWORDS.contains(word)) {
            terms.add(Stemmer.stem(word));
        }
    }
}
