package org.baeum.catalog;

/** An instructor as the catalog shows them: their account and display name. */
public record Instructor(String accountId, String name) {
}
