package org.baeum.scale;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.baeum.base.ui.VaadinBrowser;
import org.baeum.catalog.OfferingId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One operation of the soak's mix at a time ({@link #op()}, thread-safe): a person (anonymous, a citizen from an idle
 * pool, the instructor or staff) does one thing on instance A or B, chosen at random per operation (a whole browser
 * visit stays on one instance, as a sticky proxy keeps it). Every answer is checked: what is wanted counts as ok, an
 * expected refusal (a full slot, a quota, the roster changed between read and save) by its reason, anything else —
 * another status, a 5xx, an exception, a Vaadin error answer — as an error.
 *
 * <p>The mix, by weight ({@link #WEIGHTS}): browse (a catalog page and an offering, API), search (a title word and
 * filters, API), slots (a facility's day grid), a Vaadin visit anonymous (catalog, an offering page) or signed in
 * (the form, an offering page, My learning), each left with the unload beacon or, one in four, abandoned (its session
 * expires); enrol (201 ENROLLED/WAITLISTED, 409/422 a refusal); cancel one's entry (waitlist moves up, a freed seat
 * becomes an offer); read one's entries and accept any offer; book a slot and cancel a booking; the instructor reads a
 * roster and saves a session's attendance; staff list the reports and export one as CSV or XLSX.
 */
final class SoakTraffic {

    static final Map<String, Integer> WEIGHTS = weights();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What {@link #send} answers for an expected refusal (null: an error). */
    private static final JsonNode REFUSED = JSON.createObjectNode();
    private static final String[] WORDS = {"수영", "요가", "파이썬", "수채화", "합창", "한국사", "목공", "영어", "드론", "스마트폰"};
    private static final String[] STATUSES = {"PRESENT", "PRESENT", "PRESENT", "LATE", "ABSENT", "EXCUSED"};

    /** A citizen's entries and bookings as this client knows them; only the thread holding the citizen touches it. */
    static final class Citizen {
        final SoakSetup.Person person;
        final Map<String, String> entries = new LinkedHashMap<>(); // offering → entry id
        final List<String> bookings = new ArrayList<>();

        Citizen(SoakSetup.Person person) {
            this.person = person;
        }
    }

    private final HttpClient http;
    private final List<URI> bases;
    private final SoakSetup setup;
    private final SoakStats stats;
    private final ConcurrentLinkedQueue<Citizen> idle = new ConcurrentLinkedQueue<>();
    private final List<String> allOfferings = new ArrayList<>();
    private final String[] keys;
    private final int total;

    SoakTraffic(HttpClient http, List<URI> bases, SoakSetup setup, SoakStats stats) {
        this.http = http;
        this.bases = bases;
        this.setup = setup;
        this.stats = stats;
        setup.citizens().forEach(p -> idle.add(new Citizen(p)));
        setup.classes().forEach(o -> allOfferings.add(o.value()));
        setup.browse().forEach(o -> allOfferings.add(o.value()));
        keys = WEIGHTS.keySet().toArray(String[]::new);
        total = WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Map<String, Integer> weights() {
        Map<String, Integer> w = new LinkedHashMap<>();
        w.put("browse", 20);
        w.put("search", 14);
        w.put("slots", 6);
        w.put("ui-anonymous", 5);
        w.put("ui-citizen", 3);
        w.put("enrol", 16);
        w.put("cancel", 8);
        w.put("mine", 6);
        w.put("book", 8);
        w.put("unbook", 5);
        w.put("attendance", 4);
        w.put("export", 2);
        return w;
    }

    /** One operation of the mix, chosen by weight. */
    void op() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int pick = r.nextInt(total);
        String op = keys[0];
        for (String k : keys) {
            pick -= WEIGHTS.get(k);
            if (pick < 0) {
                op = k;
                break;
            }
        }
        URI base = bases.get(r.nextInt(bases.size()));
        try {
            switch (op) {
                case "browse" -> browse(base, r);
                case "search" -> search(base, r);
                case "slots" -> get(base, "slots", "/api/v1/facilities/" + pick(setup.facilities(), r) + "/slots?date="
                        + setup.firstBookingDay().plusDays(r.nextInt(13)), null);
                case "ui-anonymous" -> visit(base, null, r);
                case "export" -> export(base, r);
                case "attendance" -> attendance(base, r);
                default -> asCitizen(op, base, r);
            }
        } catch (Exception e) {
            stats.error(op, e.getClass().getSimpleName() + ": " + e.getMessage(), -1);
        }
    }

    private void asCitizen(String op, URI base, ThreadLocalRandom r) throws Exception {
        Citizen c = idle.poll();
        if (c == null) {
            stats.refused(op, "no idle citizen (client)", 0);
            return;
        }
        try {
            switch (op) {
                case "ui-citizen" -> visit(base, c, r);
                case "enrol" -> {
                    if (c.entries.size() >= 3) {
                        cancel(base, c, r);
                    } else {
                        enrol(base, c, r);
                    }
                }
                case "cancel" -> {
                    if (c.entries.isEmpty()) {
                        enrol(base, c, r);
                    } else {
                        cancel(base, c, r);
                    }
                }
                case "mine" -> mine(base, c);
                case "book" -> {
                    if (c.bookings.size() >= 3) {
                        unbook(base, c, r);
                    } else {
                        book(base, c, r);
                    }
                }
                case "unbook" -> {
                    if (c.bookings.isEmpty()) {
                        book(base, c, r);
                    } else {
                        unbook(base, c, r);
                    }
                }
                default -> throw new IllegalStateException(op);
            }
        } finally {
            idle.add(c);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // anonymous

    private void browse(URI base, ThreadLocalRandom r) throws Exception {
        JsonNode page = get(base, "browse", "/api/v1/offerings?page=" + r.nextInt(3) + "&size=20", null);
        if (page != null && page.path("items").size() > 0) {
            JsonNode items = page.path("items");
            get(base, "browse", "/api/v1/offerings/" + items.get(r.nextInt(items.size())).path("id").asString(), null);
        }
    }

    private void search(URI base, ThreadLocalRandom r) throws Exception {
        String q = URLEncoder.encode(WORDS[r.nextInt(WORDS.length)], StandardCharsets.UTF_8);
        String[] extra = {"", "&seats=true", "&sort=SEATS_LEFT", "&weekday=TUESDAY", "&time=MORNING", "&free=true"};
        get(base, "search", "/api/v1/offerings?q=" + q + extra[r.nextInt(extra.length)], null);
    }

    /** A browser visit: Vaadin UIs opened over HTTP, left with the unload beacon or (1 in 4) abandoned. */
    private void visit(URI base, Citizen c, ThreadLocalRandom r) throws Exception {
        String kind = c == null ? "ui-anonymous" : "ui-citizen";
        VaadinBrowser browser = new VaadinBrowser(http, base);
        long t0 = System.nanoTime();
        try {
            if (c != null) {
                browser.signIn(c.person.email(), setup.password());
            }
            browser.open(c == null ? "catalog" : "my/learning");
            browser.open("catalog/offering/" + pick(allOfferings, r));
            if (r.nextInt(4) != 0) {
                browser.leave();
            }
            stats.ok(kind, System.nanoTime() - t0);
        } catch (VaadinBrowser.ProtocolException e) {
            stats.error(kind, e.getMessage(), System.nanoTime() - t0);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // citizens

    private void enrol(URI base, Citizen c, ThreadLocalRandom r) throws Exception {
        List<OfferingId> pool = r.nextInt(100) < 85 ? setup.classes() : setup.browse();
        String offering = pool.get(r.nextInt(pool.size())).value();
        if (c.entries.containsKey(offering)) {
            return;
        }
        JsonNode answer = send(base, "enrol", c.person.token(), HttpRequest.newBuilder(base.resolve("/api/v1/offerings/"
                + offering + "/enrollments")).header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.noBody()), 201, Set.of(409, 422));
        if (answer != null && answer != REFUSED) {
            c.entries.put(offering, answer.path("id").asString());
        }
    }

    private void cancel(URI base, Citizen c, ThreadLocalRandom r) throws Exception {
        String offering = pick(new ArrayList<>(c.entries.keySet()), r);
        String id = c.entries.get(offering);
        JsonNode answer = send(base, "cancel", c.person.token(), HttpRequest.newBuilder(base.resolve(
                "/api/v1/enrollments/" + id)).DELETE(), 200, Set.of(409));
        if (answer == REFUSED) {
            // 409 WRONG_STATE: the entry moved meanwhile (a waitlisted one was just offered a seat); as an app does,
            // read the entries again and cancel once more, which must then succeed
            mine(base, c);
            if (!c.entries.containsValue(id)) {
                return;
            }
            answer = send(base, "cancel-again", c.person.token(), HttpRequest.newBuilder(base.resolve(
                    "/api/v1/enrollments/" + id)).DELETE(), 200, Set.of());
        }
        if (answer != null) {
            c.entries.remove(offering);
        }
    }

    /** The citizen's entries as the portal has them (the client's view follows); any offer is accepted. */
    private void mine(URI base, Citizen c) throws Exception {
        JsonNode list = send(base, "mine", c.person.token(), HttpRequest.newBuilder(base.resolve("/api/v1/me/enrollments"))
                .GET(), 200, Set.of());
        if (list == null) {
            return;
        }
        c.entries.clear();
        for (JsonNode e : list) {
            String status = e.path("status").asString();
            if (Set.of("ENROLLED", "WAITLISTED", "OFFERED").contains(status)) {
                c.entries.put(e.path("offeringId").asString(), e.path("id").asString());
            }
            if ("OFFERED".equals(status)) {
                send(base, "accept", c.person.token(), HttpRequest.newBuilder(base.resolve("/api/v1/enrollments/"
                        + e.path("id").asString() + "/offer/accept")).POST(HttpRequest.BodyPublishers.noBody()), 200,
                        Set.of(409));
            }
        }
    }

    private void book(URI base, Citizen c, ThreadLocalRandom r) throws Exception {
        String body = String.format(Locale.ROOT, "{\"facilityId\":\"%s\",\"date\":\"%s\",\"start\":\"%02d:00\"}",
                pick(setup.facilities(), r), setup.firstBookingDay().plusDays(r.nextInt(13)), 9 + r.nextInt(9));
        JsonNode answer = send(base, "book", c.person.token(), HttpRequest.newBuilder(base.resolve("/api/v1/bookings"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), 201,
                Set.of(409));
        if (answer != null && answer != REFUSED) {
            c.bookings.add(answer.path("id").asString());
        }
    }

    private void unbook(URI base, Citizen c, ThreadLocalRandom r) throws Exception {
        String id = c.bookings.get(r.nextInt(c.bookings.size()));
        if (send(base, "unbook", c.person.token(), HttpRequest.newBuilder(base.resolve("/api/v1/bookings/" + id))
                .DELETE(), 200, Set.of()) != null) { // no refusal expected: null is an error
            c.bookings.remove(id);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // instructor and staff

    private void attendance(URI base, ThreadLocalRandom r) throws Exception {
        String token = setup.instructor().token();
        String offering = pick(setup.classes(), r).value();
        JsonNode sheet = send(base, "roster", token, HttpRequest.newBuilder(base.resolve("/api/v1/offerings/" + offering
                + "/attendance")).GET(), 200, Set.of());
        if (sheet == null || sheet.path("sessions").isEmpty()) {
            return;
        }
        String day = sheet.path("sessions").get(r.nextInt(Math.min(8, sheet.path("sessions").size()))).asString();
        Set<String> sent = new HashSet<>();
        StringBuilder body = new StringBuilder("[");
        for (JsonNode row : sheet.path("participants")) {
            sent.add(row.path("enrollmentId").asString());
            body.append(body.length() > 1 ? "," : "").append("{\"enrollmentId\":\"")
                    .append(row.path("enrollmentId").asString()).append("\",\"status\":\"")
                    .append(STATUSES[r.nextInt(STATUSES.length)]).append("\"}");
        }
        body.append(']');
        long t0 = System.nanoTime();
        HttpResponse<byte[]> answer = http.send(authorized(HttpRequest.newBuilder(base.resolve("/api/v1/offerings/"
                        + offering + "/sessions/" + day + "/attendance")), token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofByteArray());
        long nanos = System.nanoTime() - t0;
        if (answer.statusCode() == 200) {
            stats.ok("attendance", nanos);
            return;
        }
        // a 400 is expected only when the roster changed between the read and the save (someone cancelled)
        JsonNode again = send(base, "roster", token, HttpRequest.newBuilder(base.resolve("/api/v1/offerings/" + offering
                + "/attendance")).GET(), 200, Set.of());
        Set<String> now = new HashSet<>();
        if (again != null) {
            again.path("participants").forEach(p -> now.add(p.path("enrollmentId").asString()));
        }
        if (answer.statusCode() == 400 && again != null && !now.equals(sent)) {
            stats.refused("attendance", "400 roster changed meanwhile", nanos);
        } else {
            stats.error("attendance", answer.statusCode() + " " + new String(answer.body(), StandardCharsets.UTF_8), nanos);
        }
    }

    private void export(URI base, ThreadLocalRandom r) throws Exception {
        String token = setup.staff().token();
        JsonNode list = send(base, "reports", token, HttpRequest.newBuilder(base.resolve("/api/v1/reports")).GET(), 200,
                Set.of());
        if (list == null || list.isEmpty()) {
            return;
        }
        String name = list.get(r.nextInt(list.size())).path("name").asString();
        String format = r.nextBoolean() ? "csv" : "xlsx";
        long t0 = System.nanoTime();
        HttpResponse<byte[]> file = http.send(authorized(HttpRequest.newBuilder(base.resolve("/api/v1/reports/" + name
                + "?format=" + format)), token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        long nanos = System.nanoTime() - t0;
        boolean whole = file.body().length > 0 && (format.equals("csv") || (file.body()[0] == 'P' && file.body()[1] == 'K'));
        if (file.statusCode() == 200 && whole) {
            stats.ok("export-" + format, nanos);
        } else {
            stats.error("export-" + format, name + ": " + file.statusCode() + ", " + file.body().length + " bytes", nanos);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // one request

    private JsonNode get(URI base, String kind, String path, String token) throws Exception {
        return send(base, kind, token, HttpRequest.newBuilder(base.resolve(path)).GET(), 200, Set.of());
    }

    /** Sends, checks and counts: the JSON of a wanted answer; null for an expected refusal or an error. */
    private JsonNode send(URI base, String kind, String token, HttpRequest.Builder request, int wanted,
                          Set<Integer> refusals) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r;
        try {
            r = http.send(authorized(request, token).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            stats.error(kind, base + " " + e.getClass().getSimpleName() + ": " + e.getMessage(), System.nanoTime() - t0);
            return null;
        }
        long nanos = System.nanoTime() - t0;
        if (r.statusCode() == wanted) {
            stats.ok(kind, nanos);
            return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        }
        if (refusals.contains(r.statusCode())) {
            JsonNode body = JSON.readTree(r.body());
            String reason = body.path("reason").asString(body.path("error").asString(""));
            if (kind.equals("cancel") && !reason.equals("WRONG_STATE")) {
                stats.error(kind, "409 " + r.body(), nanos);
                return null;
            }
            stats.refused(kind, r.statusCode() + " " + reason, nanos);
            return REFUSED;
        } else {
            stats.error(kind, request.build().method() + " " + request.build().uri().getPath() + " on " + base + ": "
                    + r.statusCode() + " " + r.body(), nanos);
        }
        return null;
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        request.timeout(Duration.ofSeconds(60)).header("Accept-Language", "ko");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static <T> T pick(List<T> list, ThreadLocalRandom r) {
        return list.get(r.nextInt(list.size()));
    }
}
