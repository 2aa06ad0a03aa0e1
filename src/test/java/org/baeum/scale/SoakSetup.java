package org.baeum.scale;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.baeum.account.internal.AccountDocument;
import org.baeum.account.internal.AccountRepository;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookableKind;
import org.baeum.booking.Bookables;
import org.baeum.booking.BookingRules;
import org.baeum.catalog.AccessibilityFeature;
import org.baeum.catalog.Audience;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Classification;
import org.baeum.catalog.DeliveryFormat;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.catalog.OfferingDraft;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.ProgramDraft;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.catalog.RoomKind;
import org.baeum.catalog.TermDraft;
import org.baeum.catalog.TermId;
import org.baeum.catalog.TermType;
import org.baeum.catalog.internal.BranchRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What the soak ({@link SoakBenchmark}) makes before the traffic starts, through the portal's own services on instance
 * A as the system identity: a branch with one room per offering; {@code classes} small first-come classes taught by one
 * instructor (enrol, cancel, waitlist, offers, attendance) and {@code browse} more offerings of other programs (the
 * catalog to browse and search); a digital-seat resource (3 units) and a study seat (1 unit) (bookings); verified citizens with one known
 * password (inserted with one precomputed hash, so that they can also sign in through the real form) and an API token
 * each; a STAFF account (exports) and an ADMIN account (the metrics endpoint), each with a token.
 */
record SoakSetup(List<OfferingId> classes, List<OfferingId> browse, List<Person> citizens, Person instructor,
                 Person staff, Person admin, String password, List<String> facilities, LocalDate firstBookingDay) {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final String SEATS = "soak-digital";
    static final String ROOM = "soak-study-seat";
    static final String[] TITLES = {"수영 초급", "요가 아침반", "파이썬 입문", "수채화", "합창", "한국사 강좌", "목공 기초",
        "영어 회화", "드론 코딩", "시니어 스마트폰"};

    record Person(String accountId, String email, String token) {
    }

    static SoakSetup make(ConfigurableApplicationContext a, int classes, int classSeats, int browse, int citizens)
            throws Exception {
        String password = "soak " + UUID.randomUUID();
        String hash = a.getBean(PasswordEncoder.class).encode(password);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < citizens; i++) {
            people.add(person(a, String.format(Locale.ROOT, "soak-citizen-%05d", i), Role.CITIZEN, hash, i));
        }
        Person instructor = person(a, "soak-instructor", Role.INSTRUCTOR, hash, 90_001);
        Person staff = person(a, "soak-staff", Role.STAFF, hash, 90_002);
        Person admin = person(a, "soak-admin", Role.ADMIN, hash, 90_003);
        return SystemIdentity.call(() -> {
            List<OfferingId> taught = offerings(a, "soak-class", classes, classSeats, instructor);
            List<OfferingId> others = offerings(a, "soak-browse", browse, 30, null);
            LocalDate day = facilities(a);
            return new SoakSetup(taught, others, people, instructor, staff, admin, password, List.of(SEATS, ROOM), day);
        });
    }

    private static Person person(ConfigurableApplicationContext a, String id, Role role, String hash, int i) {
        String email = id + "@soak.baeum";
        Instant now = Instant.now();
        a.getBean(AccountRepository.class).insert(new AccountDocument(id, email, email, "소크" + i, List.of(role), true,
                "ko", hash, now, String.format(Locale.ROOT, "010%08d", i), LocalDate.of(1950, 1, 1).plusDays(i * 7L % 18_000),
                "MAPO", now, 0L, true, null));
        BaeumUser user = new BaeumUser(id, email, "소크" + i, EnumSet.of(role), true, Locale.KOREAN, null, 0L);
        return new Person(id, email, a.getBean(ApiTokens.class).issue(user).token());
    }

    /**
     * {@code count} published first-come offerings, one room each, taught by {@code teacher} (or nobody), Tuesday and
     * Thursday at a different hour each (one instructor cannot teach two classes at once).
     */
    private static List<OfferingId> offerings(ConfigurableApplicationContext a, String prefix, int count, int seats,
                                              Person teacher) {
        CatalogService catalog = a.getBean(CatalogService.class);
        BranchRepository branches = a.getBean(BranchRepository.class);
        branches.save(new BranchRepository.BranchDocument("soak", "소크 분관", "Soak branch", "서울 마포구 홍익로2길 16",
                "", "", "", 1));
        LocalDate termStart = LocalDate.now(SEOUL).plusDays(30);
        TermId term = catalog.saveTerm(new TermDraft(null, prefix + " 학기", prefix + " term", TermType.THREE_MONTH,
                termStart, termStart.plusDays(90)));
        List<Instructor> instructors = teacher == null ? List.of() : List.of(new Instructor(teacher.accountId(), "강사"));
        LocalDateTime opens = LocalDateTime.now(SEOUL).minusHours(1).withSecond(0).withNano(0);
        LocalDateTime closes = LocalDateTime.of(termStart.minusDays(3), LocalTime.of(18, 0));
        List<OfferingId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String title = TITLES[i % TITLES.length] + " " + prefix + "-" + i;
            ProgramId program = catalog.saveProgram(new ProgramDraft(null, title, "Soak " + prefix + " " + i,
                    "긴 시간 혼합 부하 시험의 강좌", "A class of the soak", PolicyDomain.JOB_SKILLS, Audience.ADULT,
                    ProgramKind.CLASS, null, null, new BranchId("soak"), instructors, 0L, true, DeliveryFormat.ON_SITE,
                    Set.<AccessibilityFeature>of(), null, null, Classification.of(LearningSubcategory.LEISURE_SPORTS)));
            String room = prefix + "-room-" + i;
            branches.save(new BranchRepository.RoomDocument(room, "soak", "소크 강의실 " + i, "Soak room " + i,
                    RoomKind.LIFELONG_LEARNING_ROOM, 40, "1F", true, i));
            OfferingId id = catalog.saveOffering(new OfferingDraft(null, program, term, room,
                    EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(8 + i % 12, 0),
                    LocalTime.of(8 + i % 12, 50),
                    termStart, termStart.plusDays(60), seats, opens, closes, RecruitmentMethod.FIRST_COME));
            catalog.publish(id);
            ids.add(id);
        }
        return ids;
    }

    /** Digital seats (3 units) and a study seat (1 unit), every day 09:00–18:00 by the hour, 14 days ahead; tomorrow. */
    private static LocalDate facilities(ConfigurableApplicationContext a) {
        Bookables bookables = a.getBean(Bookables.class);
        bookables.save(new Bookable(SEATS, "soak", null, BookableKind.DIGITAL_SEAT, "소크 디지털 좌석", "Soak digital seats",
                3, new BookingRules(EnumSet.allOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(18, 0), 60, false, 14,
                        60, 120, 0, 1, 1), true));
        bookables.save(new Bookable(ROOM, "soak", null, BookableKind.STUDY_SEAT, "소크 열람석", "Soak study seat", 1,
                new BookingRules(EnumSet.allOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(18, 0), 60, false, 14,
                        60, 120, 0, 1, 1), true));
        return LocalDate.now(SEOUL).plusDays(1);
    }
}
