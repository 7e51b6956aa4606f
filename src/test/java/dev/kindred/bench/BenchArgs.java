package dev.kindred.bench;

import dev.kindred.memory.search.SearchSettings;
import java.util.HashMap;
import java.util.Map;

/** Reads key=value overrides of {@link SearchSettings} from a benchmark's arguments. */
final class BenchArgs {
    private BenchArgs() {}

    static SearchSettings settings(SearchSettings defaults, String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length == 2 && kv[0].matches("[a-zA-Z]+")) {
                given.put(kv[0], kv[1]);
            }
        }
        SearchSettings d = defaults;
        return new SearchSettings(
                Double.parseDouble(given.getOrDefault("keyword", "" + d.keywordWeight())),
                Double.parseDouble(given.getOrDefault("vector", "" + d.vectorWeight())),
                Integer.parseInt(given.getOrDefault("candidates", "" + d.candidates())),
                Integer.parseInt(given.getOrDefault("rescore", "" + d.rescoreCandidates())),
                Double.parseDouble(given.getOrDefault("keywordNeighbours", "" + d.keywordNeighbours())),
                Double.parseDouble(given.getOrDefault("vectorNeighbours", "" + d.vectorNeighbours())),
                Double.parseDouble(given.getOrDefault("otherSpeaker", "" + d.otherSpeakerFactor())),
                Double.parseDouble(given.getOrDefault("otherTime", "" + d.otherTimeFactor())),
                Long.parseLong(given.getOrDefault("maxDocs", "" + d.maxIndexedDocs())));
    }
}
