package dev.kindred.memory.search;

/**
 * The Porter (1980) English stemmer, with the two later fixes from its author ("bli" to "ble",
 * "logi" to "log"): "painting", "paints" and "painted" all become "paint", "relational" and
 * "relate" both "relat". It is applied to documents and queries alike, so stems need only be
 * consistent, not words. Words with anything but the letters a-z are left as they are.
 */
final class Stemmer {
    private static final String[][] STEP2 = {
        {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
        {"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"},
        {"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"},
        {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"},
        {"logi", "log"}
    };
    private static final String[][] STEP3 = {
        {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""}, {"ness", ""}
    };
    private static final String[][] STEP4 = {
        {"al", ""}, {"ance", ""}, {"ence", ""}, {"er", ""}, {"ic", ""}, {"able", ""}, {"ible", ""}, {"ant", ""},
        {"ement", ""}, {"ment", ""}, {"ent", ""}, {"ion", ""}, {"ou", ""}, {"ism", ""}, {"ate", ""}, {"iti", ""},
        {"ous", ""}, {"ive", ""}, {"ize", ""}
    };

    private Stemmer() {}

    static String stem(String word) {
        if (word.length() <= 2 || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return word;
        }
        String w = step1b(step1a(word));
        w = step1c(w);
        w = replaceLongest(w, STEP2, 0);
        w = replaceLongest(w, STEP3, 0);
        w = step4(w);
        return step5(w);
    }

    private static String step1a(String w) {
        if (w.endsWith("sses") || w.endsWith("ies")) {
            return cut(w, 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss")) {
            return cut(w, 1);
        }
        return w;
    }

    private static String step1b(String w) {
        if (w.endsWith("eed")) {
            return measure(cut(w, 3)) > 0 ? cut(w, 1) : w;
        }
        for (String suffix : new String[] {"ed", "ing"}) {
            if (w.endsWith(suffix) && hasVowel(cut(w, suffix.length()))) {
                return tidyAfterStrip(cut(w, suffix.length()));
            }
        }
        return w;
    }

    /** "conflat(ed)" gets its "e" back, "hopp(ing)" loses a letter, "fil(ing)" becomes "file". */
    private static String tidyAfterStrip(String w) {
        if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) {
            return w + "e";
        }
        if (endsWithDoubleConsonant(w) && "lsz".indexOf(last(w)) < 0) {
            return cut(w, 1);
        }
        return measure(w) == 1 && endsConsonantVowelConsonant(w) ? w + "e" : w;
    }

    private static String step1c(String w) {
        return w.endsWith("y") && hasVowel(cut(w, 1)) ? cut(w, 1) + "i" : w;
    }

    private static String step4(String w) {
        if (w.endsWith("ion")) {
            String stem = cut(w, 3);
            boolean allowed = !stem.isEmpty() && (last(stem) == 's' || last(stem) == 't');
            return allowed && measure(stem) > 1 ? stem : w;
        }
        return replaceLongest(w, STEP4, 1);
    }

    private static String step5(String w) {
        if (w.endsWith("e")) {
            String stem = cut(w, 1);
            int m = measure(stem);
            if (m > 1 || (m == 1 && !endsConsonantVowelConsonant(stem))) {
                w = stem;
            }
        }
        return measure(w) > 1 && w.endsWith("ll") ? cut(w, 1) : w;
    }

    /** Only the longest matching suffix is tried; it is replaced when the stem's measure exceeds {@code min}. */
    private static String replaceLongest(String w, String[][] rules, int min) {
        String[] best = null;
        for (String[] rule : rules) {
            if (w.endsWith(rule[0]) && (best == null || rule[0].length() > best[0].length())) {
                best = rule;
            }
        }
        if (best == null) {
            return w;
        }
        String stem = cut(w, best[0].length());
        return measure(stem) > min ? stem + best[1] : w;
    }

    /** How many vowel-consonant sequences the stem has: "tr" 0, "trouble" 1, "troubles" 2. */
    private static int measure(String w) {
        int m = 0;
        boolean previousVowel = false;
        for (int i = 0; i < w.length(); i++) {
            boolean consonant = isConsonant(w, i);
            if (consonant && previousVowel) {
                m++;
            }
            previousVowel = !consonant;
        }
        return m;
    }

    private static boolean hasVowel(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!isConsonant(w, i)) {
                return true;
            }
        }
        return false;
    }

    /** "y" is a consonant at the start and after a vowel ("toy"), a vowel after a consonant ("syzygy"). */
    private static boolean isConsonant(String w, int i) {
        char c = w.charAt(i);
        if ("aeiou".indexOf(c) >= 0) {
            return false;
        }
        return c != 'y' || i == 0 || !isConsonant(w, i - 1);
    }

    private static boolean endsWithDoubleConsonant(String w) {
        int n = w.length();
        return n >= 2 && w.charAt(n - 1) == w.charAt(n - 2) && isConsonant(w, n - 1);
    }

    /** Ends consonant-vowel-consonant and the last is not w, x or y: "hop", "fil", not "snow". */
    private static boolean endsConsonantVowelConsonant(String w) {
        int n = w.length();
        return n >= 3
                && isConsonant(w, n - 3)
                && !isConsonant(w, n - 2)
                && isConsonant(w, n - 1)
                && "wxy".indexOf(w.charAt(n - 1)) < 0;
    }

    private static String cut(String w, int letters) {
        return w.substring(0, w.length() - letters);
    }

    private static char last(String w) {
        return w.charAt(w.length() - 1);
    }
}
