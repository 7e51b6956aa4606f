package dev.kindred.memory.search;

/**
 * A light English suffix folder: plurals, "-ing", "-ed", "-ly". It is applied to documents and
 * queries alike, so it only has to be consistent, not linguistically right.
 */
final class Stemmer {
    private Stemmer() {}

    static String stem(String word) {
        if (word.length() <= 3 || !Character.isLetter(word.charAt(word.length() - 1))) {
            return word;
        }
        String w = plural(word);
        w = strip(w, "ing");
        w = strip(w, "ed");
        w = strip(w, "ly");
        return dropFinalE(w);
    }

    private static String plural(String w) {
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** Only when at least three letters remain: "sing" and "bed" stay whole. */
    private static String strip(String w, String suffix) {
        if (w.length() - suffix.length() >= 3 && w.endsWith(suffix)) {
            String stem = w.substring(0, w.length() - suffix.length());
            return undouble(stem);
        }
        return w;
    }

    /** "running" becomes "runn" after stripping; fold the doubled consonant back to "run". */
    private static String undouble(String stem) {
        int n = stem.length();
        if (n >= 3 && stem.charAt(n - 1) == stem.charAt(n - 2) && "lsz".indexOf(stem.charAt(n - 1)) < 0) {
            return stem.substring(0, n - 1);
        }
        return stem;
    }

    /** "love", "loved" and "loving" all end as "lov". */
    private static String dropFinalE(String w) {
        return w.length() > 3 && w.endsWith("e") ? w.substring(0, w.length() - 1) : w;
    }
}
