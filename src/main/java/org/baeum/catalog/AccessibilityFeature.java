package org.baeum.catalog;

/** What a program offers disabled and elderly learners; translated as {@code accessibility.<NAME>}. */
public enum AccessibilityFeature {
    STEP_FREE, SIGN_LANGUAGE, LARGE_PRINT, HEARING_LOOP
}
