package org.baeum.base.ui;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One browser tab of a Vaadin Flow 25 portal, spoken at the protocol level over {@code java.net.http}: the requests a
 * browser sends, without a browser. Works against any deployment (a base URL); its only hooks are element ids.
 * <p>
 * What a browser does, and so what this does, to show a route:
 * <ol>
 *   <li>{@code GET /<route>}: the bootstrap page (index.html). Spring Security puts its CSRF token in
 *       {@code <meta name="_csrf">}, which the sign-in form sends back.</li>
 *   <li>{@code GET /?v-r=init&location=<route>&query=<query>&v-tzid=…}: {@code JavaScriptBootstrapHandler} makes the
 *       UI and answers JSON: {@code appConfig["v-uiId"]}, and in {@code appConfig.uidl} the
 *       {@code Vaadin-Security-Key} (the CSRF token of every UIDL request), {@code syncId}, {@code clientId} and the
 *       UI's first changes. (Flow.js, {@code flowInitUi}.)</li>
 *   <li>{@code POST /?v-r=uidl&v-uiId=N} with {@code {"csrfToken":key,"rpc":[{"type":"event","node":1,
 *       "event":"ui-navigate","data":{"route":…,"query":…,"appShellTitle":…,"historyState":null,"trigger":""}}],
 *       "syncId":s,"clientId":c}}: the router runs, and the answer's {@code changes} build the view (Flow.js,
 *       {@code flowNavigate}).</li>
 * </ol>
 * A click on an element is one more UIDL request, {@code {"type":"event","node":<state node>,"event":"click",
 * "data":{<the event data the server's listener asked for>}}}; the node is found from the changes that gave the
 * element its {@code id} attribute (feature 3, the attribute map). Leaving a page sends what the browser's
 * {@code pagehide} beacon sends: the same envelope with no RPC and {@code "UNLOAD":true}, which closes the UI on the
 * server. Each answer's {@code syncId} and {@code clientId} go into the next request, as the client engine does.
 * Cookies: one jar per instance (a map of name to value from {@code Set-Cookie}), so one shared {@link HttpClient}
 * serves thousands of simulated people. Not thread-safe: one person does one thing at a time.
 */
public final class VaadinBrowser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");
    /** The attribute map of an element's state node (Flow's {@code NodeFeatures.ELEMENT_ATTRIBUTES}). */
    private static final int ATTRIBUTES = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** One answer of the server to a UIDL request, with the time it took. */
    public record Reply(JsonNode json, long nanos) {

        double millis() {
            return nanos / 1e6;
        }

        /** Every text the answer puts into a text node. */
        List<String> texts() {
            List<String> texts = new ArrayList<>();
            for (JsonNode change : json.path("changes")) {
                if ("put".equals(change.path("type").asString()) && "text".equals(change.path("key").asString())) {
                    texts.add(change.path("value").asString());
                }
            }
            return texts;
        }
    }

    /** The server answered something a browser would show as an error (or a status other than 200). */
    public static final class ProtocolException extends IOException {
        public ProtocolException(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final URI base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, Integer> nodes = new HashMap<>();
    private String springCsrf;
    private String springCsrfParameter = "_csrf";
    private int uiId = -1;
    private String key;
    private int syncId;
    private int clientId;

    /** {@code base}: the portal's root, e.g. {@code https://baeum.example.org/}. */
    public VaadinBrowser(HttpClient http, URI base) {
        this.http = http;
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    }

    /**
     * Signs in through the form, as a person does: opens {@code /login}, posts the form (user name, password,
     * Spring's CSRF token) and leaves the sign-in page (its UI is closed by the unload beacon).
     *
     * @throws ProtocolException when the portal refuses (it redirects back to {@code /login?error} or {@code ?throttled})
     */
    public void signIn(String username, String password) throws IOException, InterruptedException {
        open("login");
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&" + enc(springCsrfParameter) + "="
                + enc(springCsrf);
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("/login")) {
            throw new ProtocolException("sign-in of " + username + " refused: " + r.statusCode() + " → " + location);
        }
        leave();
    }

    /** Opens {@code route} (no leading slash, may carry a query) in this tab; returns the navigation's answer. */
    public Reply open(String route) throws IOException, InterruptedException {
        if (uiId >= 0) {
            leave();
        }
        String path = route.contains("?") ? route.substring(0, route.indexOf('?')) : route;
        String query = route.contains("?") ? route.substring(route.indexOf('?') + 1) : "";
        HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve(route)).GET());
        if (page.statusCode() != 200) {
            throw new ProtocolException("GET /" + route + ": " + page.statusCode());
        }
        Matcher csrf = CSRF_META.matcher(page.body());
        springCsrf = csrf.find() ? csrf.group(1) : null;
        Matcher parameter = CSRF_PARAMETER.matcher(page.body());
        springCsrfParameter = parameter.find() ? parameter.group(1) : "_csrf";
        HttpResponse<String> init = send(HttpRequest.newBuilder(base.resolve("?v-r=init&location=" + enc(path)
                + "&query=" + enc(query) + "&v-sh=1080&v-sw=1920&v-wh=960&v-ww=1280&v-bh=960&v-bw=1280&v-curdate="
                + System.currentTimeMillis() + "&v-tzo=-540&v-dstd=0&v-rtzo=-540&v-dston=false&v-tzid=Asia%2FSeoul"
                + "&v-td=false&v-pr=1&v-np=Linux")).GET());
        if (init.statusCode() != 200) {
            throw new ProtocolException("init of /" + route + ": " + init.statusCode());
        }
        JsonNode config = JSON.readTree(init.body()).path("appConfig");
        JsonNode uidl = config.path("uidl");
        uiId = config.path("v-uiId").asInt(-1);
        key = uidl.path("Vaadin-Security-Key").asString(null);
        if (uiId < 0 || key == null) {
            throw new ProtocolException("init of /" + route + " gave no UI: " + abbreviate(init.body()));
        }
        nodes.clear();
        absorb(uidl);
        ObjectNode data = JSON.createObjectNode();
        data.put("route", path);
        data.put("query", query);
        data.put("appShellTitle", "");
        data.putNull("historyState");
        data.put("trigger", "");
        return event(1, "ui-navigate", data);
    }

    /** Clicks the element with this id (as the server's click listener asks: no modifier keys, one left click). */
    public Reply click(String elementId) throws IOException, InterruptedException {
        Integer node = nodes.get(elementId);
        if (node == null) {
            throw new ProtocolException("no element with id " + elementId + " in UI " + uiId);
        }
        ObjectNode data = JSON.createObjectNode();
        for (String k : List.of("event.shiftKey", "event.metaKey", "event.ctrlKey", "event.altKey")) {
            data.put(k, false);
        }
        data.put("event.detail", 1);
        data.put("event.button", 0);
        for (String k : List.of("event.clientX", "event.clientY", "event.screenX", "event.screenY")) {
            data.put(k, 100);
        }
        return event(node, "click", data);
    }

    /** Whether the changes so far gave some element this id (and it has not been replaced since this tab opened). */
    public boolean has(String elementId) {
        return nodes.containsKey(elementId);
    }

    /** What the browser's unload beacon does when the tab leaves the page: the server closes this UI. */
    public void leave() throws IOException, InterruptedException {
        if (uiId < 0) {
            return;
        }
        ObjectNode body = envelope(JSON.createArrayNode());
        body.put("UNLOAD", true);
        send(HttpRequest.newBuilder(uidlUri()).header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        uiId = -1;
        nodes.clear();
    }

    private Reply event(int node, String event, ObjectNode data) throws IOException, InterruptedException {
        ArrayNode rpc = JSON.createArrayNode();
        ObjectNode invocation = rpc.addObject();
        invocation.put("type", "event");
        invocation.put("node", node);
        invocation.put("event", event);
        invocation.set("data", data);
        long begin = System.nanoTime();
        HttpResponse<String> r = send(HttpRequest.newBuilder(uidlUri())
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope(rpc).toString())));
        long nanos = System.nanoTime() - begin;
        if (r.statusCode() != 200) {
            throw new ProtocolException(event + " on UI " + uiId + ": " + r.statusCode() + " " + abbreviate(r.body()));
        }
        String body = r.body().startsWith("for(;;);") ? r.body().substring(8) : r.body();
        JsonNode json = JSON.readTree(body);
        if (json.isArray()) {
            json = json.get(0);
        }
        JsonNode meta = json.path("meta");
        if (meta.has("appError") || meta.has("sessionExpired") || json.has("resynchronize")) {
            throw new ProtocolException(event + " on UI " + uiId + " answered " + abbreviate(body));
        }
        absorb(json);
        return new Reply(json, nanos);
    }

    private ObjectNode envelope(ArrayNode rpc) {
        ObjectNode body = JSON.createObjectNode();
        body.put("csrfToken", key);
        body.set("rpc", rpc);
        body.put("syncId", syncId);
        body.put("clientId", clientId);
        return body;
    }

    /** Takes the ids of the sync and of the next message, and the element ids the changes set. */
    private void absorb(JsonNode uidl) {
        syncId = uidl.path("syncId").asInt(syncId);
        clientId = uidl.path("clientId").asInt(clientId);
        for (JsonNode change : uidl.path("changes")) {
            if ("put".equals(change.path("type").asString()) && change.path("feat").asInt() == ATTRIBUTES
                    && "id".equals(change.path("key").asString())) {
                nodes.put(change.path("value").asString(), change.path("node").asInt());
            }
        }
    }

    private URI uidlUri() {
        return base.resolve("?v-r=uidl&v-uiId=" + uiId);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=')
                    .append(value));
            request.header("Cookie", header.toString());
        }
        request.header("Accept-Language", "ko-KR,ko;q=0.9,en;q=0.8").timeout(TIMEOUT);
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (String set : r.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return r;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
