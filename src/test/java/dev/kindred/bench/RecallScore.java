package dev.kindred.bench;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** Evidence recall at 5 and 10: per question, the share of its evidence turns found; averaged. */
final class RecallScore {
    private final TreeMap<Integer, double[]> sums = new TreeMap<>();

    void add(int category, Set<String> evidence, List<String> ranked) {
        double[] s = sums.computeIfAbsent(category, c -> new double[3]);
        s[0] += found(evidence, ranked, 5);
        s[1] += found(evidence, ranked, 10);
        s[2]++;
    }

    private static double found(Set<String> evidence, List<String> ranked, int k) {
        long hits = ranked.stream().limit(k).filter(evidence::contains).count();
        return (double) hits / evidence.size();
    }

    /** {at5, at10, questions} for one category, or for all when {@code category} is 0. */
    double[] of(int category) {
        double[] total = new double[3];
        sums.forEach((c, s) -> {
            if (category == 0 || c == category) {
                for (int i = 0; i < 3; i++) {
                    total[i] += s[i];
                }
            }
        });
        return new double[] {total[0] / total[2], total[1] / total[2], total[2]};
    }
}
