package org.baeum.booking.club;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.UUID;
import org.baeum.TestAccounts;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookableKind;
import org.baeum.booking.Bookables;
import org.baeum.booking.BookingRules;
import org.baeum.calendar.DaysOff;
import org.baeum.calendar.Place;
import org.springframework.stereotype.Component;

/** Clubs, club rooms and people for the club tests: made through the public services, as the screens make them. */
@Component
public class ClubFixture {

    private final TestAccounts accounts;
    private final LearningClubs clubs;
    private final Bookables bookables;
    private final DaysOff daysOff;

    ClubFixture(TestAccounts accounts, LearningClubs clubs, Bookables bookables, DaysOff daysOff) {
        this.accounts = accounts;
        this.clubs = clubs;
        this.bookables = bookables;
        this.daysOff = daysOff;
    }

    public BaeumUser citizen(String name) {
        return accounts.citizen(name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.baeum", name,
                LocalDate.of(1960, 3, 1));
    }

    public BaeumUser staff() {
        return accounts.userOrCreate("club-staff", Role.STAFF);
    }

    /** A club room of branch {@code main} in the catalog room {@code roomId}: every day 06:00–23:00, 30-minute slots. */
    public Bookable clubRoom(String id, String roomId) {
        return asStaff(() -> bookables.save(new Bookable(id, "main", roomId, BookableKind.CLUB_ROOM, "동아리방 " + id,
                "Club room " + id, 1, new BookingRules(EnumSet.allOf(DayOfWeek.class), LocalTime.of(6, 0),
                LocalTime.of(23, 0), 30, false, 14, 60, 0, 4, 2, 20), true)));
    }

    /** A club of branch {@code main} led by {@code leader}, approved by STAFF; the caller's context is kept. */
    public LearningClub approvedClub(BaeumUser leader, String name) {
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        try {
            TestAccounts.signIn(leader);
            LearningClub club = clubs.register(new ClubDraft(name, "함께 배우는 모임", "main"));
            asStaff(() -> clubs.approve(club.id()));
            return clubs.club(club.id()).orElseThrow();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    /** Runs the work as STAFF and puts the caller's security context back afterwards. */
    public <T> T asStaff(java.util.function.Supplier<T> work) {
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        TestAccounts.signIn(staff());
        try {
            return work.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    /** Whether the calendar has the day off in branch {@code main} (a holiday or a closure). */
    public boolean off(LocalDate day) {
        return daysOff.dayOff(day, Place.branch("main")).isPresent();
    }
}
