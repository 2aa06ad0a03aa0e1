package org.baeum.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.TestAccounts;
import org.baeum.attendance.certificate.CertificateFixture;
import org.baeum.attendance.certificate.Certificates;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.booking.Bookables;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.BookingTestData;
import org.baeum.booking.Bookings;
import org.baeum.booking.Slot;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.MutableClock;
import org.baeum.recruitment.Applications;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundFixture;
import org.baeum.recruitment.RoundService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /api/**} mapping of the running portal (all are {@code /api/v1} today), found in Spring MVC's handler mappings, called over HTTP by
 * each role with a minimal request, against the status expected in {@link #TABLE}. A mapping without a line fails, and
 * so does a line whose mapping is gone; a refusal that disappears or a route that stops answering changes a status.
 *
 * <p>To add a mapping: one {@code line("METHOD /path/{id}", request, anonymous, citizen, instructor, staff, admin)} with
 * the status each role gets for that request: {@code plain()} (no body) or {@code json("{...}")}, and
 * {@code .id(Fixtures::x)} for the path variable (a real entity, made afresh per call when the call changes it; add a
 * method to {@link Fixtures} for a new kind). Refusals: 401 without a token, 403 for a role that may not.
 */
@BaeumIntegrationTest
class ApiRoleMatrixTest {

    enum Who { ANONYMOUS, CITIZEN, INSTRUCTOR, STAFF, ADMIN }

    static final List<Line> TABLE = List.of(
            // mapping                                          request                                anon cit  ins  stf  adm
            line("POST /api/v1/auth/token",                     json("{}"),                             400, 400, 400, 400, 400),
            line("POST /api/v1/auth/password-reset",            json("{}"),                             202, 202, 202, 202, 202),
            line("POST /api/v1/accounts",                       json("{}"),                             400, 400, 400, 400, 400),
            line("GET /api/v1/offerings",                       plain(),                                200, 200, 200, 200, 200),
            line("GET /api/v1/offerings/{id}",                  plain().id(Fixtures::offering),         200, 200, 200, 200, 200),
            // catalog planning (decision 0040): STAFF and ADMIN; an empty body is 422 for a new one, no change for a PATCH
            line("POST /api/v1/offerings",                      json("{}"),                             401, 403, 403, 422, 422),
            line("PATCH /api/v1/offerings/{id}",                json("{}").id(Fixtures::offering),      401, 403, 403, 200, 200),
            line("POST /api/v1/offerings/{id}/publish",         plain().id(Fixtures::offering),         401, 403, 403, 200, 200),
            line("POST /api/v1/programs",                       json("{}"),                             401, 403, 403, 422, 422),
            line("POST /api/v1/catalog-imports",                plain(),                                401, 403, 403, 400, 400),
            line("GET /api/v1/programs/{id}",                   plain().id(Fixtures::program),          401, 403, 403, 200, 200),
            line("PATCH /api/v1/programs/{id}",                 json("{}").id(Fixtures::program),       401, 403, 403, 200, 200),
            line("GET /api/v1/openapi",                         plain(),                                200, 200, 200, 200, 200),
            // springdoc's YAML form is not among the API chain's public paths (/api/v1/openapi and /api/v1/openapi/**)
            line("GET /api/v1/openapi.yaml",                    plain(),                                401, 200, 200, 200, 200),
            line("GET /api/v1/me",                              plain(),                                401, 200, 200, 200, 200),
            line("DELETE /api/v1/me/tokens",                    plain(),                                401, 204, 204, 204, 204),
            line("GET /api/v1/me/enrollments",                  plain(),                                401, 200, 403, 403, 403),
            line("POST /api/v1/offerings/{id}/enrollments",     json("{}").id(Fixtures::offering),      401, 201, 403, 403, 403),
            // the citizen's own enrolment: staff must give a reason (409 without), an instructor may not touch it
            line("DELETE /api/v1/enrollments/{id}",             plain().id(Fixtures::enrolled),         401, 200, 403, 409, 409),
            // a seat offered to the citizen: staff may answer for them, an instructor may not
            line("POST /api/v1/enrollments/{id}/offer/accept",  plain().id(Fixtures::offered),          401, 200, 403, 200, 200),
            line("POST /api/v1/enrollments/{id}/offer/decline", plain().id(Fixtures::offered),          401, 200, 403, 200, 200),
            line("GET /api/v1/rounds",                          plain(),                                200, 200, 200, 200, 200),
            line("GET /api/v1/rounds/{id}",                     plain().id(Fixtures::round),            200, 200, 200, 200, 200),
            // the public draw record: an open round has none yet (409 not_closed), for anyone, signed in or not
            line("GET /api/v1/rounds/{id}/draw",                plain().id(Fixtures::round),            409, 409, 409, 409, 409),
            line("POST /api/v1/rounds",                         json("{}"),                             401, 403, 403, 400, 400),
            line("GET /api/v1/rounds/{id}/applications",        plain().id(Fixtures::round),            401, 403, 403, 200, 200),
            // a round whose lottery has not opened: the citizen's call reaches the service and is refused as closed
            line("POST /api/v1/rounds/{id}/applications",       json("{}").id(Fixtures::upcomingRound), 401, 409, 403, 403, 403),
            // the citizen's own application in an open round
            line("DELETE /api/v1/applications/{number}",        plain().id(Fixtures::application),      401, 200, 403, 403, 403),
            line("GET /api/v1/me/applications",                 plain(),                                401, 200, 403, 403, 403),
            line("GET /api/v1/me/transcript",                   plain(),                                401, 200, 403, 403, 403),
            // attendance: the matrix instructor does not teach the fixture class (403); STAFF and ADMIN work any class
            line("GET /api/v1/instructor/offerings",            plain(),                                401, 403, 200, 403, 403),
            line("GET /api/v1/offerings/{id}/roster",           plain().id(Fixtures::offering),         401, 403, 403, 200, 200),
            line("GET /api/v1/offerings/{id}/attendance",       plain().id(Fixtures::offering),         401, 403, 403, 200, 200),
            line("PUT /api/v1/offerings/{id}/sessions/{date}/attendance", json("[]").named(Fixtures::session),
                                                                                                        401, 403, 403, 200, 200),
            // completion (decision 0034): the fixture class has not started, so confirming it is 400 (not over) and
            // nobody is enrolled in it, so a portfolio mark is 400 (not enrolled); rules are STAFF's
            line("GET /api/v1/offerings/{id}/completion",       plain().id(Fixtures::offering),         401, 403, 403, 200, 200),
            line("PUT /api/v1/offerings/{id}/completion/portfolio/{enrollmentId}", json("{\"accepted\": true}")
                    .named(Fixtures::portfolio),                                                        401, 403, 403, 400, 400),
            line("POST /api/v1/offerings/{id}/completion/confirm", plain().id(Fixtures::offering),      401, 403, 403, 400, 400),
            line("GET /api/v1/programs/{id}/completion-rule",   plain().id(Fixtures::program),          401, 403, 403, 200, 200),
            line("PUT /api/v1/programs/{id}/completion-rule",   json("{}").id(Fixtures::program),       401, 403, 403, 200, 200),
            // a certificate of the matrix citizen: anyone verifies it; the PDF is for the household and STAFF
            line("GET /api/v1/certificates/{code}",             plain().id(Fixtures::certificate),      200, 200, 200, 200, 200),
            line("GET /api/v1/certificates/{code}/pdf",         plain().id(Fixtures::certificate),      401, 200, 403, 200, 200),
            // revoking is STAFF's: a fresh certificate per call, so STAFF and ADMIN each revoke one (200)
            line("POST /api/v1/certificates/{code}/revoke",     json("{\"reason\": \"matrix\"}")
                    .id(Fixtures::freshCertificate),                                                    401, 403, 403, 200, 200),
            // reports (decision 0039), STAFF and ADMIN; {name} is a test report of the shared context
            line("GET /api/v1/reports",                         plain(),                                401, 403, 403, 200, 200),
            line("GET /api/v1/reports/annual",                  plain(),                                401, 403, 403, 200, 200),
            line("GET /api/v1/reports/{name}",                  plain().id(f -> "test-exports-table"),  401, 403, 403, 200, 200),
            // closures (decision 0043), STAFF and ADMIN: an empty request is 400 at its fields, lifting a plan that
            // does not exist 400 at id
            line("POST /api/v1/closures",                       json("{}"),                             401, 403, 403, 400, 400),
            line("GET /api/v1/closures",                        plain(),                                401, 403, 403, 200, 200),
            line("DELETE /api/v1/closures/{id}",                plain().id(f -> "cp-matrix-none"),      401, 403, 403, 400, 400),
            // booking (decision 0042): the list is public; a grid without ?date= is 400 for anyone (not 401: public)
            line("GET /api/v1/facilities",                      plain(),                                200, 200, 200, 200, 200),
            line("GET /api/v1/facilities/{id}/slots",           plain().id(Fixtures::bookable),         400, 400, 400, 400, 400),
            // only a citizen books: an empty body is 400 at the fields for them, 403 for everyone else
            line("POST /api/v1/bookings",                       json("{}"),                             401, 400, 403, 403, 403),
            // the matrix citizen's own booking: an instructor may not see it, STAFF may
            line("GET /api/v1/bookings/{id}",                   plain().id(Fixtures::booking),          401, 200, 403, 200, 200),
            line("DELETE /api/v1/bookings/{id}",                plain().id(Fixtures::freshBooking),     401, 200, 403, 200, 200),
            // a booking of a later day: too early to check in for the booker and the desk (409 too-late)
            line("POST /api/v1/bookings/{id}/check-in",         plain().id(Fixtures::booking),          401, 409, 403, 409, 409),
            line("GET /api/v1/me/bookings",                     plain(),                                401, 200, 403, 403, 403),
            // surveys (decision 0051): the household's invitations for a citizen; the form and the answer by the
            // link's token for anyone holding it (a made-up token is 404 whoever asks, nothing stored)
            line("GET /api/v1/me/surveys",                      plain(),                                401, 200, 403, 403, 403),
            line("GET /api/v1/surveys/{token}",                 plain().id(f -> "made-up.token"),       404, 404, 404, 404, 404),
            line("PUT /api/v1/surveys/{token}",                 json("{\"answers\": {}}").id(f -> "made-up.token"),
                                                                                                        404, 404, 404, 404, 404),
            // survey results (decision 0052), STAFF and ADMIN: refused before the survey is looked up (none: 404)
            line("GET /api/v1/surveys/{id}/results",            plain().id(f -> "matrix-no-survey"),    401, 403, 403, 404, 404));

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ApiTokens tokens;

    static Fixtures fixtures;
    static final Map<Who, String> users = new LinkedHashMap<>();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired MutableClock clock,
                     @Autowired CitizenEnrollments enrollments, @Autowired RoundService rounds,
                     @Autowired Applications applications, @Autowired Certificates certificates,
                     @Autowired Bookables bookables, @Autowired Bookings bookings) {
        DemoCatalogFixture.load(contributors);
        accounts.citizen("matrix.citizen@test.baeum", "행렬시민", LocalDate.of(1980, 5, 17));
        accounts.citizen("matrix.other@test.baeum", "다른시민", LocalDate.of(1981, 6, 18));
        accounts.create("matrix-instructor", Role.INSTRUCTOR);
        accounts.create("matrix-staff", Role.STAFF);
        accounts.create("matrix-admin", Role.ADMIN);
        users.put(Who.CITIZEN, "matrix.citizen@test.baeum");
        users.put(Who.INSTRUCTOR, "matrix-instructor");
        users.put(Who.STAFF, "matrix-staff");
        users.put(Who.ADMIN, "matrix-admin");
        fixtures = new Fixtures(new EnrollmentFixture(catalog, clock), enrollments, accounts,
                accounts.user("matrix.citizen@test.baeum"), accounts.user("matrix.other@test.baeum"),
                new RoundFixture(rounds, clock, accounts.user("matrix-staff")), applications, catalog, certificates);
        fixtures.bookables = bookables;
        fixtures.bookings = bookings;
        fixtures.clock = clock;
    }

    @Test
    void every_api_mapping_has_a_line_and_every_line_a_mapping() {
        assertThat(mappings()).as("/api/v1 mappings of the running portal (left) against TABLE")
                .containsExactlyInAnyOrderElementsOf(TABLE.stream().map(Line::mapping).toList());
    }

    @Test
    void every_role_gets_the_expected_status_from_every_mapping() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Line line : TABLE) {
            for (Who who : Who.values()) {
                HttpResponse<String> response = call(line, who);
                int expected = line.statuses()[who.ordinal()];
                if (response.statusCode() != expected) {
                    wrong.add("%s as %s: %d, expected %d (%s)".formatted(line.mapping(), who, response.statusCode(),
                            expected, abbreviate(response.body())));
                }
                // issue 13, hole 7: no API answer, whatever its status, opens an HTTP session
                if (!response.headers().allValues("Set-Cookie").isEmpty()) {
                    wrong.add("%s as %s: set a cookie %s".formatted(line.mapping(), who,
                            response.headers().allValues("Set-Cookie")));
                }
            }
        }
        assertThat(wrong).as("answers that differ from TABLE").isEmpty();
    }

    /**
     * "METHOD /pattern" of every handler method under /api (so a catch-all such as {@code /api/**} counts too), from
     * every request mapping of the application; "ANY" when the mapping takes every method (called with GET).
     */
    private TreeSet<String> mappings() {
        TreeSet<String> found = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                List<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name).sorted().toList();
                for (String pattern : info.getPatternValues()) {
                    if (pattern.equals("/api") || pattern.startsWith("/api/")) {
                        (methods.isEmpty() ? List.of("ANY") : methods).forEach(m -> found.add(m + " " + pattern));
                    }
                }
            }
        }
        return found;
    }

    private HttpResponse<String> call(Line line, Who who) throws Exception {
        String[] parts = line.mapping().split(" ", 2);
        String method = parts[0].equals("ANY") ? "GET" : parts[0];
        // a catch-all pattern is called with a path nothing else answers
        String path = parts[1].replace("**", "no/such/path").replace("*", "no-such-path");
        if (line.request().variables() != null) {
            path = path.replaceAll("\\{[^}]+}", line.request().variables().apply(fixtures));
        }
        if (line.request().named() != null) {
            for (Map.Entry<String, String> v : line.request().named().apply(fixtures).entrySet()) {
                path = path.replace("{" + v.getKey() + "}", v.getValue());
            }
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "ko");
        if (line.request().body() == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(line.request().body()));
        }
        if (who != Who.ANONYMOUS) {
            // a fresh token per call: DELETE /me/tokens ends every token of the account
            builder.header("Authorization", "Bearer " + tokens.issue(fixtures.accounts.user(users.get(who))).token());
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    // ---- the table's vocabulary --------------------------------------------------------------------------------

    /**
     * A JSON body or none, and where the value of the path variable comes from (none: no variable); {@code named}
     * gives each of several path variables its own value, by name.
     */
    record Request(String body, Function<Fixtures, String> variables, Function<Fixtures, Map<String, String>> named) {
        Request id(Function<Fixtures, String> value) {
            return new Request(body, value, named);
        }

        Request named(Function<Fixtures, Map<String, String>> values) {
            return new Request(body, variables, values);
        }
    }

    record Line(String mapping, Request request, int[] statuses) {
        @Override
        public String toString() {
            return mapping + " " + Arrays.toString(statuses);
        }
    }

    static Line line(String mapping, Request request, int anonymous, int citizen, int instructor, int staff, int admin) {
        return new Line(mapping, request, new int[] {anonymous, citizen, instructor, staff, admin});
    }

    static Request plain() {
        return new Request(null, null, null);
    }

    static Request json(String body) {
        return new Request(body, null, null);
    }

    /** Path variables from real data: the matrix citizen's own entries, made afresh for calls that change them. */
    static final class Fixtures {
        final EnrollmentFixture catalog;
        final CitizenEnrollments enrollments;
        final BaeumUser citizen;
        final BaeumUser other;
        final TestAccounts accounts;
        final CatalogService offerings;

        final RoundFixture rounds;
        final Applications applications;
        final Certificates certificates;
        private String round;
        private String certificate;
        Bookables bookables;
        Bookings bookings;
        java.time.Clock clock;
        private String bookable;
        private String booking;
        private int bookingsMade;

        Fixtures(EnrollmentFixture catalog, CitizenEnrollments enrollments, TestAccounts accounts, BaeumUser citizen,
                 BaeumUser other, RoundFixture rounds, Applications applications, CatalogService offerings,
                 Certificates certificates) {
            this.offerings = offerings;
            this.certificates = certificates;
            this.rounds = rounds;
            this.applications = applications;
            this.catalog = catalog;
            this.accounts = accounts;
            this.enrollments = enrollments;
            this.citizen = citizen;
            this.other = other;
        }

        /** A published offering that is recruiting now, with seats. */
        String offering() {
            return catalog.offering(5, 0).value();
        }

        /** A published offering and its first session day, as path variables {@code id} and {@code date}. */
        Map<String, String> session() {
            OfferingId o = new OfferingId(offering());
            return Map.of("id", o.value(), "date", offerings.offering(o).orElseThrow().sessionDates().getFirst().toString());
        }

        /** The program of a published offering. */
        String program() {
            return offerings.offering(new OfferingId(offering())).orElseThrow().program().id().value();
        }

        /** A published offering as {@code id} and an enrolment id nobody has as {@code enrollmentId}. */
        Map<String, String> portfolio() {
            return Map.of("id", offering(), "enrollmentId", "no-such-enrolment");
        }

        /** An enrolment of the matrix citizen. */
        String enrolled() {
            Enrollment e = as(citizen, () -> enrollments.enroll(new OfferingId(offering()), null, key()));
            assertThat(e.status()).isEqualTo(EnrollmentStatus.ENROLLED);
            return e.id().value();
        }

        /** A seat offered to the matrix citizen: another citizen held the only seat and let it go. */
        String offered() {
            OfferingId o = catalog.offering(1, 0);
            Enrollment holder = as(other, () -> enrollments.enroll(o, null, key()));
            Enrollment waiting = as(citizen, () -> enrollments.enroll(o, null, key()));
            as(other, () -> enrollments.cancel(holder.id(), null));
            assertThat(as(citizen, () -> enrollments.enrollment(waiting.id())).status()).isEqualTo(EnrollmentStatus.OFFERED);
            return waiting.id().value();
        }

        /** A round whose lottery is open (made once). */
        String round() {
            if (round == null) {
                round = rounds.open("MATRIX", List.of(new OfferingId(offering()))).id().value();
            }
            return round;
        }

        /** A round whose lottery has not opened yet. */
        String upcomingRound() {
            return rounds.upcoming("MATRIX-SOON", List.of(new OfferingId(offering()))).id().value();
        }

        /** An application of the matrix citizen, in a fresh open round. */
        String application() {
            OfferingId o = new OfferingId(offering());
            Round open = rounds.open("MATRIX-APPLY", List.of(o));
            return as(citizen, () -> applications.apply(open.id(), null, List.of(o), false)).number();
        }

        /** A digital seat resource for the matrix (made once). */
        String bookable() {
            if (bookable == null) {
                bookable = BookingTestData.seats(bookables, accounts.user("matrix-staff"), "matrix-seats", 50).id();
            }
            return bookable;
        }

        /** A booking of the matrix citizen (made once). */
        String booking() {
            if (booking == null) {
                booking = freshBooking();
            }
            return booking;
        }

        /** A new booking of the matrix citizen, in the next free slot, for a call that cancels it. */
        String freshBooking() {
            Slot slot = BookingTestData.freeSlot(bookables, clock, bookable(), bookingsMade++);
            return as(citizen, () -> bookings.book(new BookingRequest(bookable(), slot.date(), slot.start(), null, null,
                    0, null))).id();
        }

        /** A certificate of the matrix citizen (issued once). */
        String certificate() {
            if (certificate == null) {
                certificate = CertificateFixture.issue(certificates, citizen, "행렬시민").code();
            }
            return certificate;
        }

        /** A new certificate of the matrix citizen, for a call that revokes it. */
        String freshCertificate() {
            return CertificateFixture.issue(certificates, citizen, "행렬시민").code();
        }

        private static String key() {
            return UUID.randomUUID().toString();
        }

        private static <T> T as(BaeumUser user, java.util.function.Supplier<T> work) {
            TestAccounts.signIn(user);
            try {
                return work.get();
            } finally {
                TestAccounts.signOut();
            }
        }
    }
}
