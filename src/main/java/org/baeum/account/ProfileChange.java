package org.baeum.account;

/** The parts of a citizen's profile they change without their password: name, mobile, district, reminders. */
public record ProfileChange(String name, String mobile, District district, boolean reminders) {
}
