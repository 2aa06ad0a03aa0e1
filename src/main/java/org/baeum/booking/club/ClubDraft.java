package org.baeum.booking.club;

/** What a citizen enters to register a learning club. */
public record ClubDraft(String name, String description, String branchId) {
}
