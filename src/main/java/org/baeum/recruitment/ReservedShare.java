package org.baeum.recruitment;

import java.util.List;

/**
 * The share of seats (0–50 %) drawn first among the eligible: holders of a verified fee-reduction category
 * ({@code categories}, codes) and/or residents of named districts ({@code districts}, e.g. {@code MAPO}).
 */
public record ReservedShare(int percent, List<String> categories, List<String> districts) {

    public static final ReservedShare NONE = new ReservedShare(0, List.of(), List.of());

    public ReservedShare {
        categories = categories == null ? List.of() : List.copyOf(categories);
        districts = districts == null ? List.of() : List.copyOf(districts);
    }
}
