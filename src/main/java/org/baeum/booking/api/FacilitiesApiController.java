package org.baeum.booking.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.base.i18n.Messages;
import org.baeum.booking.Bookable;
import org.baeum.booking.Bookables;
import org.baeum.booking.BookingRules;
import org.baeum.booking.Slot;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public facility API (decision 0042): {@code GET /api/v1/facilities} (the bookable resources) and
 * {@code GET /api/v1/facilities/{id}/slots?date=} (a day's grid). Field names are a contract (extend, never rename):
 * {@code [{"id", "kind", "name", "branchId"}]} and {@code [{"start": "09:00", "end": "10:00", "free", "left"}]}.
 * Texts follow {@code Accept-Language}; an unknown resource is 404.
 */
@RestController
@Tag(name = "Facilities", description = "Bookable seats, rooms, the auditorium and the gallery, and their day grids")
class FacilitiesApiController {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Schema(description = "How a resource is given out (STAFF edit it)")
    record RulesJson(List<DayOfWeek> openDays, String opens, String closes, int slotMinutes, boolean wholeDay,
                     @Schema(description = "How many days ahead it can be booked (0: today only)") int horizonDays,
                     @Schema(description = "A citizen cancels until this many minutes before the start")
                     int cancelMinutesBefore,
                     @Schema(description = "Per person and day across the kind in the branch (0: none)") int maxMinutesPerDay,
                     @Schema(description = "Per person and calendar month (0: none)") int maxBookingsPerMonth,
                     int minGroup, int maxGroup) {
    }

    @Schema(description = "A bookable resource")
    record FacilityJson(String id,
                        @Schema(allowableValues = {"STUDY_SEAT", "DIGITAL_SEAT", "STUDY_ROOM", "CLUB_ROOM", "AUDITORIUM",
                                "GALLERY"}) String kind,
                        @Schema(description = "In the caller's language") String name, String branchId,
                        @Schema(description = "How many can book the same slot (1 for rooms)") int units,
                        @Schema(description = "A booking waits for STAFF's approval") boolean approval,
                        @Schema(description = "Booked by a group (study and club rooms, auditorium, gallery)")
                        boolean forGroups, RulesJson rules) {
    }

    @Schema(description = "One slot of a day's grid")
    record SlotJson(@Schema(example = "09:00") String start, @Schema(example = "10:00") String end,
                    @Schema(description = "It can be booked now") boolean free,
                    @Schema(description = "Units still free") int left,
                    @Schema(allowableValues = {"FREE", "FULL", "NOT_BOOKABLE", "CLOSED", "CLASS"}) String state,
                    @Schema(description = "Why not, translated: the closure's reason or the class; else null")
                    String reason) {
    }

    private final Bookables bookables;
    private final Messages messages;

    FacilitiesApiController(Bookables bookables, Messages messages) {
        this.bookables = bookables;
        this.messages = messages;
    }

    @GetMapping(path = "/api/v1/facilities", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The bookable resources", description = "Anyone; every active resource by branch, kind and name.")
    List<FacilityJson> facilities(Locale locale) {
        return bookables.bookables().stream().filter(Bookable::active).map(b -> facility(b, locale)).toList();
    }

    @GetMapping(path = "/api/v1/facilities/{id}/slots", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A day's grid of a resource", description = "Anyone. Every slot of the day's hours, free or "
            + "why not; no one's name or booking is in it. 404 for an unknown resource.")
    List<SlotJson> slots(@PathVariable String id,
                         @Parameter(description = "The day, e.g. 2026-12-08") @RequestParam
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        if (bookables.bookable(id).filter(Bookable::active).isEmpty()) {
            throw new BookingApiAnswers.NotFound();
        }
        return bookables.slots(id, date).stream().map(FacilitiesApiController::slot).toList();
    }

    @ExceptionHandler(BookingApiAnswers.NotFound.class)
    ResponseEntity<Map<String, Object>> notFound(Locale locale) {
        return BookingApiAnswers.notFound(messages, locale);
    }

    static FacilityJson facility(Bookable b, Locale locale) {
        BookingRules r = b.rules();
        RulesJson rules = new RulesJson(r.openDays().stream().sorted().toList(), time(r.opens()), time(r.closes()),
                r.slotMinutes(), r.wholeDay(), r.horizonDays(), r.cancelMinutesBefore(), r.maxMinutesPerDay(),
                r.maxBookingsPerMonth(), r.minGroup(), r.maxGroup());
        return new FacilityJson(b.id(), b.kind().name(), b.name(locale), b.branchId(), b.units(),
                b.kind().approvedByStaff(), b.kind().forGroups(), rules);
    }

    static SlotJson slot(Slot s) {
        return new SlotJson(time(s.start()), time(s.end()), s.free(), s.left(), s.state().name(), s.reason());
    }

    static String time(LocalTime t) {
        return t == null ? null : t.format(HH_MM);
    }
}
