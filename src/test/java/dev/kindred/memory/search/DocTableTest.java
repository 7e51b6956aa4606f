package dev.kindred.memory.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DocTableTest {
    private static final Instant NOON = Instant.parse("2025-06-01T12:00:00Z");

    private final DocTable<String> table = new DocTable<>();

    DocTableTest() {
        table.add("a", NOON, Role.USER, List.of("trip"));
        table.add("b", NOON.plusSeconds(60), Role.ASSISTANT, List.of());
        table.add("c", NOON.plusSeconds(120), null, List.of());
        table.add("d", NOON.plusSeconds(180), Role.USER, List.of());
        table.remove("b");
    }

    @Test
    void aFilterOnNothingPassesEveryDocumentButTheRemoved() {
        DocSet filter = table.filter(List.of(), false, null, null, Set.of());

        assertThat(passing(filter)).containsExactly(0, 2, 3);
    }

    @Test
    void timesRolesAndTagsStillNarrowTheFilterAndSkipTheRemoved() {
        assertThat(passing(table.filter(List.of(), false, NOON.plusSeconds(60), null, Set.of())))
                .containsExactly(2, 3);
        assertThat(passing(table.filter(List.of(), false, null, null, Set.of(Role.USER, Role.ASSISTANT))))
                .containsExactly(0, 3);
        assertThat(passing(table.filter(List.of("trip"), false, null, null, Set.of())))
                .containsExactly(0);
    }

    private int[] passing(DocSet filter) {
        return IntStream.range(0, table.size()).filter(filter::contains).toArray();
    }
}
