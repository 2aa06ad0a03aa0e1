package org.baeum.catalog;

/** What staff decided about an offering; everything else about its status follows from the clock. */
public enum Publication {
    DRAFT, PUBLISHED, CANCELLED
}
