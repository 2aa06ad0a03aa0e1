package org.baeum.booking.internal;

import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;
import org.baeum.booking.BookingNotFoundException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Whose booking it is: a citizen reaches their household's only, another's is answered as not found; STAFF any. */
@Component
class BookingAccess {

    private static final Logger log = LoggerFactory.getLogger(BookingAccess.class);

    private final BookingRepository bookings;
    private final CurrentUser currentUser;

    BookingAccess(BookingRepository bookings, CurrentUser currentUser) {
        this.bookings = bookings;
        this.currentUser = currentUser;
    }

    BaeumUser user() {
        return currentUser.require();
    }

    static boolean staff(BaeumUser user) {
        return user.hasRole(Role.STAFF) || user.hasRole(Role.ADMIN);
    }

    /** The booking if the caller may see it. @throws BookingNotFoundException when unknown or another household's */
    Document owned(String id) {
        BaeumUser user = user();
        Document d = bookings.findById(id).orElseThrow(BookingNotFoundException::new);
        if (!staff(user) && !user.accountId().equals(d.getString("accountId"))) {
            log.warn("Account {} was refused booking {} of another household", user.accountId(), id);
            throw new BookingNotFoundException();
        }
        return d;
    }
}
