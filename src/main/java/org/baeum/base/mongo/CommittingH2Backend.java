package org.baeum.base.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;

/** Placeholder until the measured durability fix lands: the stock H2 backend. */
final class CommittingH2Backend extends H2Backend {

    private CommittingH2Backend(String fileName) {
        super(fileName);
    }

    static CommittingH2Backend open(Path file) {
        return new CommittingH2Backend(file.toString());
    }
}
