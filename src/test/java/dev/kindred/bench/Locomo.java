package dev.kindred.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The LoCoMo conversations as turns and questions (see SOURCE.md beside locomo10.json). */
record Locomo(List<Conversation> conversations) {
    /** "1:56 pm on 8 May, 2023" */
    private static final DateTimeFormatter SESSION_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("h:mm a 'on' d MMMM, yyyy")
            .toFormatter(Locale.ENGLISH);

    record Turn(String diaId, String speaker, String text, Instant at) {}

    record Question(String text, int category, Set<String> evidence) {}

    record Conversation(String id, List<Turn> turns, List<Question> questions) {}

    static Locomo read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Conversation> conversations = new ArrayList<>();
        for (JsonNode sample : root) {
            List<Turn> turns = turns(sample.get("conversation"));
            Set<String> ids = new LinkedHashSet<>();
            turns.forEach(t -> ids.add(t.diaId()));
            conversations.add(new Conversation(sample.get("sample_id").asText(), turns, questions(sample, ids)));
        }
        return new Locomo(conversations);
    }

    private static List<Turn> turns(JsonNode conversation) {
        List<Turn> turns = new ArrayList<>();
        for (int session = 1; conversation.has("session_" + session); session++) {
            String when = conversation.get("session_" + session + "_date_time").asText();
            Instant start = LocalDateTime.parse(when, SESSION_TIME).toInstant(ZoneOffset.UTC);
            int index = 0;
            for (JsonNode turn : conversation.get("session_" + session)) {
                String text = turn.get("text").asText();
                if (turn.has("blip_caption")) {
                    text = text + " [shares a photo: "
                            + turn.get("blip_caption").asText() + "]";
                }
                turns.add(new Turn(
                        turn.get("dia_id").asText(), turn.get("speaker").asText(), text, start.plusSeconds(index++)));
            }
        }
        return turns;
    }

    /** Categories 1-4 with at least one evidence id that names a real turn. */
    private static List<Question> questions(JsonNode sample, Set<String> ids) {
        List<Question> questions = new ArrayList<>();
        for (JsonNode qa : sample.get("qa")) {
            int category = qa.get("category").asInt();
            if (category < 1 || category > 4) {
                continue;
            }
            Set<String> evidence = new LinkedHashSet<>();
            for (Iterator<JsonNode> it = qa.get("evidence").elements(); it.hasNext(); ) {
                Arrays.stream(it.next().asText().split("[;,\\s]+"))
                        .map(String::trim)
                        .filter(ids::contains)
                        .forEach(evidence::add);
            }
            if (!evidence.isEmpty()) {
                questions.add(new Question(qa.get("question").asText(), category, evidence));
            }
        }
        return questions;
    }

    static final Map<Integer, String> CATEGORY_NAMES =
            Map.of(1, "multi-hop", 2, "temporal", 3, "open-domain", 4, "single-hop");
}
