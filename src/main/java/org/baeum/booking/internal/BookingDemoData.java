package org.baeum.booking.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.SystemIdentity;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookableKind;
import org.baeum.booking.BookingRefusedException;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.BookingRules;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's bookable spaces (decision 0042): study-room seats by the day in both branches, the main building's 60
 * digital seats by the hour (2 hours a day each), a study room for groups, the club room, the small auditorium and the
 * gallery (STAFF approve those two), all bookable from today; and a digital seat of the demo citizen for the next
 * open day. Made once: resources STAFF changed stay as they are.
 */
@Component
class BookingDemoData implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(BookingDemoData.class);
    static final String DEMO_CITIZEN = "demo-citizen";
    static final String DIGITAL = "main-digital-seats";

    private final BookableRepository bookables;
    private final BookingRepository bookings;
    private final Bookings service;
    private final Availability availability;
    private final Clock clock;

    BookingDemoData(BookableRepository bookables, BookingRepository bookings, Bookings service,
                    Availability availability, Clock clock) {
        this.bookables = bookables;
        this.bookings = bookings;
        this.service = service;
        this.availability = availability;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 45; // after accounts (10), the catalog's branches and rooms (20) and facilities (30)
    }

    @Override
    public void contribute(DemoContext context) {
        Set<DayOfWeek> everyDay = EnumSet.allOf(DayOfWeek.class);
        Set<DayOfWeek> tuesdayToSunday = EnumSet.complementOf(EnumSet.of(DayOfWeek.MONDAY));
        LocalTime nine = LocalTime.of(9, 0);
        for (Bookable b : List.of(
                new Bookable("main-study-seats", "main", null, BookableKind.STUDY_SEAT, "본관 자율학습실 좌석",
                        "Main building study room seats", 40,
                        new BookingRules(everyDay, nine, LocalTime.of(22, 0), 0, true, 7, 60, 0, 0, 1, 1), true),
                new Bookable("ahyeon-study-seats", "ahyeon", null, BookableKind.STUDY_SEAT, "아현분관 자율학습실 좌석",
                        "Ahyeon branch study room seats", 20,
                        new BookingRules(everyDay, nine, LocalTime.of(22, 0), 0, true, 7, 60, 0, 0, 1, 1), true),
                new Bookable(DIGITAL, "main", null, BookableKind.DIGITAL_SEAT, "본관 디지털 좌석",
                        "Main building digital seats", 60,
                        new BookingRules(everyDay, nine, LocalTime.of(21, 0), 60, false, 7, 30, 120, 0, 1, 1), true),
                new Bookable("main-study-room", "main", null, BookableKind.STUDY_ROOM, "본관 스터디룸",
                        "Main building group study room", 1,
                        new BookingRules(everyDay, nine, LocalTime.of(21, 0), 120, false, 14, 120, 0, 8, 2, 6), true),
                new Bookable("main-club-room", "main", "main-club", BookableKind.CLUB_ROOM, "학습동아리방",
                        "Learning club room", 1,
                        new BookingRules(tuesdayToSunday, LocalTime.of(10, 0), LocalTime.of(22, 0), 120, false, 14, 1440,
                                0, 4, 3, 12), true),
                new Bookable("main-auditorium-booking", "main", "main-auditorium", BookableKind.AUDITORIUM, "소강당",
                        "Small auditorium", 1,
                        new BookingRules(tuesdayToSunday, nine, LocalTime.of(18, 0), 180, false, 14, 2880, 0, 2, 10, 150),
                        true),
                new Bookable("main-gallery-booking", "main", "main-gallery", BookableKind.GALLERY, "마포갤러리",
                        "Mapo Gallery", 1,
                        new BookingRules(tuesdayToSunday, LocalTime.of(10, 0), LocalTime.of(18, 0), 0, true, 14, 2880, 0,
                                2, 1, 50), true))) {
            if (bookables.findById(b.id()).isEmpty()) {
                bookables.save(b);
            }
        }
        if (!bookings.exists(DEMO_CITIZEN, DIGITAL)) {
            SystemIdentity.run(this::demoBooking);
        }
    }

    /** The demo citizen's digital seat at 10:00 on the next day the seats are open. */
    private void demoBooking() {
        Bookable seats = bookables.findById(DIGITAL).orElseThrow();
        LocalDate day = LocalDate.now(clock.withZone(Formats.SEOUL)).plusDays(1);
        for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
            if (availability.closedHours(seats, day).isEmpty()) {
                try {
                    service.place(new BookingRequest(DIGITAL, day, LocalTime.of(10, 0), null, null, 1, null),
                            DEMO_CITIZEN, null, BookingStatus.CONFIRMED);
                } catch (BookingRefusedException e) {
                    log.warn("The demo booking was not made: {}", e.getMessage());
                }
                return;
            }
        }
    }
}
