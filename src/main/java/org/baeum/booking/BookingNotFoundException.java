package org.baeum.booking;

import java.util.NoSuchElementException;

/**
 * No booking with that id, or one of another household (answered exactly alike, so a citizen never learns whether it
 * exists): the API answers 404. Added to the contract of decision 0042 by the engine.
 */
public class BookingNotFoundException extends NoSuchElementException {

    public BookingNotFoundException() {
        super("No such booking");
    }
}
