package org.baeum.attendance.degree.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.attendance.degree.DegreeProgress;

/**
 * The honorary degree's part of {@code GET /api/v1/me/transcript}: {@code "degrees": [{"level", "awardedOn",
 * "ruleVersion", "participant"}]} for every participant of the household, and {@code "degreeProgress": {"hours",
 * "nextLevel", "hoursNeeded", "outputMissing", "ruleVersion"}} of the account holder (nextLevel {@code null} once
 * every level is awarded).
 */
public final class DegreeApi {

    private DegreeApi() {
    }

    /** Adds the two fields to the transcript's body (the household's progress, the account holder first). */
    public static void extend(Map<String, Object> body, List<DegreeProgress> household) {
        body.put("degrees", household.stream().flatMap(p -> p.awards().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("level", a.level().name());
            m.put("awardedOn", a.awardedOn().toString());
            m.put("ruleVersion", a.ruleVersion());
            m.put("participant", p.name());
            return m;
        })).toList());
        body.put("degreeProgress", household.isEmpty() ? null : progress(household.getFirst()));
    }

    private static Map<String, Object> progress(DegreeProgress p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hours", p.hours());
        m.put("nextLevel", p.nextLevel() == null ? null : p.nextLevel().name());
        m.put("hoursNeeded", p.hoursNeeded());
        m.put("outputMissing", p.outputMissing());
        m.put("ruleVersion", p.ruleVersion());
        return m;
    }
}
