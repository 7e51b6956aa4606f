package dev.kindred.bench;

import java.util.Random;

/**
 * Varied synthetic passages: sentences built from a Zipf-distributed vocabulary of 20,000 made-up
 * words plus names, places, dates and numbers, so postings lists have realistic lengths.
 */
final class SyntheticText {
    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ren", "ta", "vo", "shi", "an", "el", "dor", "pa", "qui", "zu", "ber", "nia", "tos", "gal",
        "fe", "ri", "mon"
    };
    private static final String[] NAMES = {"Maria", "John", "Aiko", "Sam", "Priya", "Lena", "Omar", "Tom", "Ines"};
    private static final String[] PLACES = {"Lisbon", "Kyoto", "Denver", "Oslo", "Lagos", "Lima", "Perth", "Cork"};
    private static final int VOCABULARY = 20_000;

    private final String[] words = new String[VOCABULARY];
    private final double[] cumulative = new double[VOCABULARY];
    private final Random random;

    SyntheticText(long seed) {
        this.random = new Random(seed);
        Random wordRandom = new Random(42);
        double total = 0;
        for (int i = 0; i < VOCABULARY; i++) {
            StringBuilder w = new StringBuilder();
            int syllables = 2 + wordRandom.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                w.append(SYLLABLES[wordRandom.nextInt(SYLLABLES.length)]);
            }
            words[i] = w.toString() + i % 97;
            total += 1.0 / (i + 1);
            cumulative[i] = total;
        }
        for (int i = 0; i < VOCABULARY; i++) {
            cumulative[i] /= total;
        }
    }

    String word() {
        int index = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
        return words[index < 0 ? -index - 1 : index];
    }

    String passage() {
        StringBuilder text = new StringBuilder();
        int sentences = 2 + random.nextInt(4);
        for (int s = 0; s < sentences; s++) {
            text.append(NAMES[random.nextInt(NAMES.length)]).append(' ');
            int length = 6 + random.nextInt(10);
            for (int i = 0; i < length; i++) {
                text.append(word()).append(' ');
            }
            text.append("in ").append(PLACES[random.nextInt(PLACES.length)]);
            text.append(" on day ").append(1 + random.nextInt(28)).append(", ");
            text.append(random.nextInt(1000)).append(". ");
        }
        return text.toString().strip();
    }

    String query() {
        return word() + " " + word() + " " + word() + " " + NAMES[random.nextInt(NAMES.length)];
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
