package org.baeum.reporting;

import java.util.Arrays;
import java.util.List;
import org.baeum.catalog.LearningArea;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.ProgramKind;

/**
 * What a yearly target is set on: a program kind (e.g. 수영교실 = {@code SPORTS_LESSON}), a policy domain, a learning
 * area or a sub-category; the key is the name of one of its values. Translated as {@code report.targetLine.<NAME>}.
 */
public enum TargetLine {
    PROGRAM_KIND("programKind", ProgramKind.values()),
    DOMAIN("domain", PolicyDomain.values()),
    AREA("learningArea", LearningArea.values()),
    SUBCATEGORY("learningSubcategory", LearningSubcategory.values());

    private final String keyPrefix;
    private final List<String> keys;

    TargetLine(String keyPrefix, Enum<?>[] values) {
        this.keyPrefix = keyPrefix;
        this.keys = Arrays.stream(values).map(Enum::name).toList();
    }

    /** The keys a target of this line may have, in order. */
    public List<String> keys() {
        return keys;
    }

    /** The message key of a key's label, e.g. {@code domain.ACCESS}. */
    public String labelKey(String key) {
        return keyPrefix + "." + key;
    }
}
