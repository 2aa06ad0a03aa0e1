package org.baeum.booking.club.internal;

import java.time.Instant;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.baeum.account.Account;
import org.baeum.account.AccountId;
import org.baeum.account.AccountService;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Messages;
import org.baeum.base.security.SystemIdentity;
import org.baeum.booking.Bookable;
import org.baeum.booking.Bookables;
import org.baeum.booking.club.SeriesStatus;
import org.baeum.booking.club.internal.ClubRepository.StoredClub;
import org.baeum.booking.club.internal.SeriesRepository.StoredSeries;
import org.baeum.notification.NotificationKind;
import org.baeum.notification.NotificationRequest;
import org.baeum.notification.NotificationService;
import org.baeum.notification.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one CLUB_SERIES_DECIDED mail to a learning club's leader per decision of STAFF on a recurring slot (decision
 * 0045): approved (with how many days were booked and which could not be), refused (with STAFF's reason) or ended
 * early. Keyed {@code clubseries-<status>:<seriesId>}: approving again to book the missing days, or ending again,
 * adds nothing. In the leader's language; links to 내 동아리. A failure is logged and never undoes the decision. The
 * decision records the mail it owes in the series (same update); it is taken off once queued, and the booking sweep
 * queues one a crash left owed ({@link #recover}, after {@code BookingSweep.GRACE}).
 */
@Component
public class ClubMail {

    static final String MY_CLUBS = "/my/clubs";
    private static final Logger log = LoggerFactory.getLogger(ClubMail.class);

    private final NotificationService notifications;
    private final AccountService accounts;
    private final Messages messages;
    private final String link;
    private final SeriesRepository series;
    private final ClubRepository clubs;
    private final Bookables bookables;
    private volatile Consumer<SeriesStatus> crashPoint = status -> { };

    ClubMail(NotificationService notifications, AccountService accounts, Messages messages, SeriesRepository series,
             ClubRepository clubs, Bookables bookables, @Value("${baeum.public-url}") String publicUrl) {
        this.series = series;
        this.clubs = clubs;
        this.bookables = bookables;
        this.notifications = notifications;
        this.accounts = accounts;
        this.messages = messages;
        this.link = (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl) + MY_CLUBS;
    }

    public static String key(SeriesStatus status, String seriesId) {
        return "clubseries-" + status.name().toLowerCase(Locale.ROOT) + ":" + seriesId;
    }

    /**
     * Tells the leader of STAFF's decision on the series as it is stored now (APPROVED, REFUSED or ENDED), and takes
     * it off the series' owed mails ({@link SeriesRepository#move} recorded it with the decision).
     */
    public void decided(StoredSeries s, StoredClub club, Bookable room) {
        crashPoint.accept(s.status());
        if (send(s, s.status(), club, room)) {
            series.mailed(s.id(), s.status());
        }
    }

    /**
     * Queues the decision mails a crash left owed since before {@code before}; the key makes one queued meanwhile by
     * the request count as done. Answers how many it handled.
     */
    public int recover(Instant before, int limit) {
        int done = 0;
        for (SeriesRepository.OwedMail owed : series.owingMailSince(before, limit)) {
            StoredSeries s = owed.series();
            log.warn("Series {}: {} mail owed since {} (a crash before it was queued); queued now", s.id(),
                    owed.decision(), owed.since());
            StoredClub club = clubs.find(s.clubId()).orElse(null);
            if (club == null) {
                series.mailed(s.id(), owed.decision()); // the club is gone (account deletion): nobody to tell
                continue;
            }
            if (send(s, owed.decision(), club, bookables.bookable(s.bookableId()).orElse(null))) {
                series.mailed(s.id(), owed.decision());
                done++;
            }
        }
        return done;
    }

    /** For tests: runs before each decision mail of a request is queued; a test makes it throw to "crash" there. */
    public void crashBeforeQueueing(Consumer<SeriesStatus> point) {
        this.crashPoint = point == null ? status -> { } : point;
    }

    /**
     * Adds the mail of {@code decision} on the series: true when added, or when the leader has no address (logged);
     * false when adding failed (logged; it stays owed).
     */
    private boolean send(StoredSeries s, SeriesStatus decision, StoredClub club, Bookable room) {
        try {
            SystemIdentity.run(() -> {
                Optional<Account> account = accounts.account(new AccountId(club.leaderId()));
                if (account.isEmpty() || account.get().email() == null) {
                    log.warn("No series mail of {}: leader account {} has no address", s.id(), club.leaderId());
                    return;
                }
                Account a = account.get();
                Locale lang = a.language() == null ? Locale.KOREAN : a.language();
                String every = messages.get("club.series.every", lang, s.weekday().getDisplayName(TextStyle.FULL, lang),
                        s.start().toString(), s.end().toString());
                String period = Formats.date(s.firstDay(), lang) + " – " + Formats.date(s.lastDay(), lang);
                notifications.enqueue(NotificationRequest.now(key(decision, s.id()),
                        NotificationKind.CLUB_SERIES_DECIDED,
                        new Recipient(a.id().value(), a.email(), a.displayName(), lang, a.reminders()),
                        List.of(club.name(), room == null ? s.bookableId() : room.name(lang), every, period,
                                messages.get("club.mail.outcome." + decision.name(), lang), detail(s, decision, lang)),
                        Map.of("open", link)));
                log.info("Series {} mail ({}) added for leader {}", s.id(), decision, a.id().value());
            });
            return true;
        } catch (RuntimeException e) {
            log.error("Series {} mail ({}) for leader {} could not be added; the sweep tries again", s.id(), decision,
                    club.leaderId(), e);
            return false;
        }
    }

    private String detail(StoredSeries s, SeriesStatus decision, Locale lang) {
        return switch (decision) {
            case APPROVED -> s.notPlaced().isEmpty()
                    ? messages.get("club.mail.placed", lang, s.placed().size())
                    : messages.get("club.mail.placedSome", lang, s.placed().size(), String.join(", ",
                    s.notPlaced().keySet().stream().map(d -> Formats.date(d, lang)).toList()));
            case REFUSED -> messages.get("club.mail.reason", lang, s.refusalReason());
            case ENDED -> messages.get("club.mail.ended", lang);
            default -> "";
        };
    }
}
