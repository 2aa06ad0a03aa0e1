package org.baeum.recruitment.draw;

import java.util.List;
import java.util.Map;

import org.baeum.recruitment.draw.DrawRecord.Result;

/**
 * What {@link Draw#run} computed: the draw order (application numbers), each application's key (lowercase hex, by
 * number) and each application's result, in the order the applications were given.
 */
public record DrawOutcome(List<String> order, Map<String, String> keys, List<Result> results) {
    public DrawOutcome {
        order = List.copyOf(order);
        keys = Map.copyOf(keys);
        results = List.copyOf(results);
    }
}
