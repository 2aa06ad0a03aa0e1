package org.baeum.capacity;

import java.time.Instant;

/** A taken unit: who holds it (an enrolment or booking id), since when, and whether the recovery sweep confirmed it. */
public record Holder(String id, Instant at, boolean confirmed) {
}
