package org.baeum.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The soak's class-histogram parsing and growth table ({@link SoakHeap}). */
class SoakHeapTest {

    private static final String BEFORE = """
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:        100000        8000000  [B (java.base@25)
               2:          2000          96000  java.lang.String (java.base@25)
               3:            10            480  com.example.Cache$Entry
               4:             5            240  com.example.Cache$Entry
            Total        102015        8096720
            """;

    private static final String AFTER = """
               1:        150000       12000000  [B (java.base@25)
               2:          1000          48000  java.lang.String (java.base@25)
               3:           300          14400  com.example.Cache$Entry
               4:             7            336  com.example.New
            Total        151307       12062736
            """;

    @Test
    void rowsOfTheSameClassFromSeveralLoadersAreSummedAndTheTotalLineIsNotARow() {
        Map<String, SoakHeap.Row> rows = SoakHeap.parse(BEFORE);

        assertThat(rows).containsOnlyKeys("[B", "java.lang.String", "com.example.Cache$Entry");
        assertThat(rows.get("com.example.Cache$Entry")).isEqualTo(new SoakHeap.Row("com.example.Cache$Entry", 15, 720));
        assertThat(SoakHeap.total(rows)).isEqualTo(8_096_720);
    }

    @Test
    void growthListsTheClassesByBytesGainedMostFirstIncludingNewOnes() {
        List<String> lines = SoakHeap.growth(SoakHeap.parse(BEFORE), SoakHeap.parse(AFTER), 3);

        assertThat(lines).hasSize(5);
        assertThat(lines.get(2)).isEqualTo("| `[B` | 100,000 | 150,000 | +50,000 | 8.00 | 12.00 | +4.00 |");
        assertThat(lines.get(3)).startsWith("| `com.example.Cache$Entry` | 15 | 300 | +285 |");
        assertThat(lines.get(4)).startsWith("| `com.example.New` | 0 | 7 | +7 |");
    }
}
