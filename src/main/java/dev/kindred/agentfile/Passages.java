package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.memory.Passage;
import dev.kindred.memory.UserInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Archival passages from a Kindred export (Letta exports none), with their tags, dates and sources. */
final class Passages {
    private Passages() {}

    static List<PassagePlan> plan(@Nullable KindredExtras extras, Instant fallbackTime) {
        if (extras == null) {
            return List.of();
        }
        List<PassagePlan> plans = new ArrayList<>();
        List<JsonNode> items = extras.passages();
        for (int i = 0; i < items.size(); i++) {
            String where = "metadata.kindred.passages[" + i + "]";
            String text = Json.text(items.get(i), "text", where);
            if (text.isBlank() || text.length() > Passage.MAX_TEXT) {
                throw new UserInputException("this agent file is damaged: " + where + ".text must hold 1 to "
                        + Passage.MAX_TEXT + " characters");
            }
            plans.add(new PassagePlan(
                    text,
                    Json.texts(items.get(i), "tags", where),
                    MessageText.time(items.get(i), "created_at", where, fallbackTime),
                    Json.optText(items.get(i), "source", where, "import")));
        }
        return plans;
    }
}
