package org.baeum.base.demo;

/**
 * A feature's part of the first-start demo data. Must be idempotent (fixed ids, insert-if-absent): if the
 * portal stops half-way, the next start runs every contributor again.
 */
public interface DemoDataContributor {

    /** Lower runs first (accounts before what refers to them). */
    int order();

    void contribute(DemoContext context);

    /** What a contributor gets: the demo accounts' password. */
    record DemoContext(String password) {
        @Override
        public String toString() {
            return "DemoContext[password=***]";
        }
    }
}
