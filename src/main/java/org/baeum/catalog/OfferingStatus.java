package org.baeum.catalog;

/**
 * Where an offering stands; translated as {@code offeringStatus.<NAME>}. Staff set only DRAFT, PUBLISHED and
 * CANCELLED; the others follow from the clock (see {@link Offering#status(java.time.Instant)}).
 */
public enum OfferingStatus {
    DRAFT, PUBLISHED, RECRUITING, CLOSED, RUNNING, FINISHED, CANCELLED
}
