package dev.kindred.agentfile;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns Letta agent names into names Kindred accepts (1 to 40 letters, digits, spaces, '_', '.',
 * ''' or '-') and keeps them unique within the scope, ignoring case, with a numeric suffix.
 */
final class AgentNames {
    private static final int MAX = 40;
    private final Set<String> taken = new HashSet<>();

    AgentNames(Set<String> existing) {
        existing.forEach(name -> taken.add(key(name)));
    }

    /** A free, valid name for {@code wanted}; remembers it as taken. */
    String claim(String wanted) {
        String base = sanitize(wanted);
        String name = base;
        for (int n = 2; taken.contains(key(name)); n++) {
            String suffix = " " + n;
            name = base.substring(0, Math.min(base.length(), MAX - suffix.length()))
                            .strip()
                    + suffix;
        }
        taken.add(key(name));
        return name;
    }

    static String sanitize(String wanted) {
        String cleaned = wanted.replaceAll("[^\\p{L}\\p{N} _.'-]", "-")
                .replaceAll("\\s+", " ")
                .strip();
        if (cleaned.length() > MAX) {
            cleaned = cleaned.substring(0, MAX).strip();
        }
        return cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '-') ? "imported agent" : cleaned;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
