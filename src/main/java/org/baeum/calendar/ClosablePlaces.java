package org.baeum.calendar;

import java.util.List;

/**
 * Implemented by the features that own places (catalog: branches and rooms; facility: the pool and the gym), so the
 * calendar can offer them to staff and check a closure's target without depending on those features.
 */
public interface ClosablePlaces {

    /** Every place of this feature that can be closed; a few hundred at most. */
    List<ClosablePlace> closablePlaces();
}
