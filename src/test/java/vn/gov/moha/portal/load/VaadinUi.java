package vn.gov.moha.portal.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser tab's side of Vaadin's UIDL protocol, as captured from Chromium: the UI id and CSRF
 * token ({@code Vaadin-Security-Key}) from the init request, the {@code syncId} of the last
 * response and the {@code clientId} of the next request, and the node ids of components with a
 * stable {@code id} attribute. One per virtual user; a virtual user's requests are sequential.
 */
final class VaadinUi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Grid data sent to the client: the client confirms it, as the browser does. */
    private static final Pattern GRID_CONFIRM = Pattern.compile("\\$connector\\.confirm\\((\\d+)\\)");

    /** What a response to a request must show. */
    enum Outcome {
        OK,
        CONFLICT,
        LOST
    }

    /** What a response must contain; returns null when it does, "CONFLICT" when another user was first, else what is missing. */
    interface Expectation {
        String missing(VaadinUi ui, String body);
    }

    /**
     * Texts of a request beaten by another virtual user of the same account (not a server error), read from the
     * portal's messages up to the first full stop or semicolon.
     */
    private static final List<String> CONFLICTS = java.util.stream.Stream.of(
                    "error.stale",
                    "report.error.openExists", // two users of one unit: the unit has an open report already
                    "report.error.notWaiting",
                    "report.error.notEditable",
                    // the account's twin approved the step before, on another page: four eyes refuse the next step
                    "report.error.alreadyDecided")
            .map(key -> java.util.ResourceBundle.getBundle("i18n.messages", java.util.Locale.ROOT)
                    .getString(key)
                    .split("[.;]")[0])
            .toList();

    final int uiId;
    private final String csrfToken;
    private int syncId;
    private int clientId;
    /** Return channels waiting for the browser's details ([node, channel]), answered with the next request. */
    private final List<int[]> detailsChannels = new ArrayList<>();
    /** Latest node of each id seen in any response (a newer page's component replaces an older one). */
    private final Map<String, Integer> nodes = new HashMap<>();
    /** The ids and the router-link targets (href="assignments/N") the last response brought. */
    private final List<String> lastIds = new ArrayList<>();

    private final List<String> lastLinks = new ArrayList<>();
    /** A router link inside HTML a response sets as a property (the dashboard's matrix, dashboard/MatrixTable). */
    private static final Pattern HTML_LINK = Pattern.compile("href=\"(assignments/\\d+)\"");
    /** Grid data updates to confirm with the next request, as [gridNode, updateId]. */
    private final List<int[]> confirms = new ArrayList<>();

    Outcome lastOutcome = Outcome.OK;
    /** Why the last answer was a conflict. */
    String conflict;
    /** The session is gone (its node stopped): the virtual user must log in again (load.failover only). */
    boolean lost;

    private VaadinUi(int uiId, String csrfToken, int syncId, int clientId) {
        this.uiId = uiId;
        this.csrfToken = csrfToken;
        this.syncId = syncId;
        this.clientId = clientId;
    }

    /** From the answer to {@code ?v-r=init}: {"appConfig":{"v-uiId":N,"uidl":{"Vaadin-Security-Key":...}}}. */
    static VaadinUi init(String body) {
        try {
            JsonNode config = JSON.readTree(body).path("appConfig");
            JsonNode uidl = config.path("uidl");
            String token = uidl.path("Vaadin-Security-Key").asText(null);
            if (token == null || !config.has("v-uiId")) {
                throw new IllegalStateException("init answer without Vaadin-Security-Key or v-uiId");
            }
            VaadinUi ui = new VaadinUi(
                    config.get("v-uiId").asInt(),
                    token,
                    uidl.path("syncId").asInt(-1),
                    uidl.path("clientId").asInt(0));
            ui.read(uidl);
            return ui;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("init answer is not JSON: " + abbreviate(body), e);
        }
    }

    // ---------------------------------------------------------------- messages the client sends

    /** The body of the next UIDL request carrying these RPC invocations (and pending grid confirmations). */
    String message(List<ObjectNode> rpc) {
        ArrayNode invocations = NODES.arrayNode();
        for (int[] c : confirms) {
            invocations.add(NODES.objectNode()
                    .put("type", "publishedEventHandler")
                    .put("node", c[0])
                    .put("templateEventMethodName", "confirmUpdate")
                    .<ObjectNode>set(
                            "templateEventMethodArgs", NODES.arrayNode().add(c[1]))
                    .put("promise", 0));
        }
        confirms.clear();
        for (int[] c : detailsChannels) {
            ObjectNode call =
                    NODES.objectNode().put("type", "channel").put("node", c[0]).put("channel", c[1]);
            call.set("args", NODES.arrayNode().add(browserDetails()));
            invocations.add(call);
        }
        detailsChannels.clear();
        rpc.forEach(invocations::add);
        ObjectNode message = NODES.objectNode().put("csrfToken", csrfToken);
        message.set("rpc", invocations);
        message.put("syncId", syncId).put("clientId", clientId);
        return message.toString();
    }

    /**
     * What Chromium answers to {@code Vaadin.Flow.getBrowserDetailsParameters()} (a 1280 x 720 window in
     * Hanoi's time zone). Without an answer the server would keep, for the UI's whole life, the callback
     * of each call and the screen it belongs to: a browser always answers.
     */
    private static ObjectNode browserDetails() {
        return NODES.objectNode()
                .put("v-sw", "1280")
                .put("v-sh", "800")
                .put("v-ww", "1280")
                .put("v-wh", "720")
                .put("v-bw", "1280")
                .put("v-bh", "720")
                .put("v-tzo", "-420")
                .put("v-rtzo", "-420")
                .put("v-dstd", "0")
                .put("v-dston", "false")
                .put("v-tzid", "Asia/Ho_Chi_Minh")
                .put("v-curdate", String.valueOf(System.currentTimeMillis()))
                .put("v-td", "false")
                .put("v-pr", "1")
                .put("v-wn", "ROOT-load")
                .put("v-np", "Linux x86_64");
    }

    /** A router navigation, as a click on a router link or a side-nav item sends it. */
    static ObjectNode navigate(String route) {
        ObjectNode data =
                NODES.objectNode().put("route", route).put("query", "").put("appShellTitle", "");
        data.set("historyState", NODES.objectNode().put("idx", 0));
        data.put("trigger", route.equals("/") ? "" : "client");
        return event(1, "ui-navigate", data);
    }

    /** A click on the component with this id, with the mouse details the browser sends. */
    ObjectNode click(String id) {
        ObjectNode data = NODES.objectNode()
                .put("event.shiftKey", false)
                .put("event.metaKey", false)
                .put("event.detail", 1)
                .put("event.ctrlKey", false)
                .put("event.clientX", 300)
                .put("event.clientY", 300)
                .put("event.altKey", false)
                .put("event.button", 0)
                .put("event.screenY", 400)
                .put("event.screenX", 310);
        return event(node(id), "click", data);
    }

    /** A typed value: the property sync, then the field's event ("change" for text fields). */
    List<ObjectNode> type(String id, String value, String event) {
        int node = node(id);
        ObjectNode sync = NODES.objectNode()
                .put("type", "mSync")
                .put("node", node)
                .put("feature", 1)
                .put("property", "value")
                .put("value", value);
        return List.of(sync, event(node, event, NODES.objectNode()));
    }

    private static ObjectNode event(int node, String name, ObjectNode data) {
        ObjectNode e = NODES.objectNode().put("type", "event").put("node", node).put("event", name);
        e.set("data", data);
        return e;
    }

    int node(String id) {
        Integer node = nodes.get(id);
        if (node == null) {
            throw new IllegalStateException("no component with id " + id + " on the page");
        }
        return node;
    }

    boolean has(String id) {
        return lastIds.contains(id);
    }

    /** A random id, among those of the last response, that starts with this prefix; null if none. */
    String anyId(String prefix) {
        List<String> found = lastIds.stream().filter(i -> i.startsWith(prefix)).toList();
        return found.isEmpty() ? null : found.get(ThreadLocalRandom.current().nextInt(found.size()));
    }

    /** Ids of the last response starting with this prefix. */
    List<String> ids(String prefix) {
        return lastIds.stream().filter(i -> i.startsWith(prefix)).toList();
    }

    /** A random router-link target of the last response starting with this prefix; null if none. */
    String anyLink(String prefix) {
        List<String> found =
                lastLinks.stream().filter(l -> l.startsWith(prefix)).toList();
        return found.isEmpty() ? null : found.get(ThreadLocalRandom.current().nextInt(found.size()));
    }

    // ---------------------------------------------------------------- answers the server sends

    /**
     * Reads a UIDL answer ({@code for(;;);[{...}]}): fails on an expired session, an application or
     * communication error, a resynchronisation or the portal's error page; takes the next syncId and
     * clientId and the new components' ids; then checks what this request must have shown. Returns
     * "ok", or what went wrong (Gatling counts that request as failed).
     */
    String accept(String body, Expectation expectation) {
        lastOutcome = Outcome.OK;
        if (body == null || !body.startsWith("for(;;);[")) {
            return "not a UIDL answer: " + abbreviate(body);
        }
        for (String bad : List.of("\"sessionExpired\"", "\"appError\"", "\"resynchronize\"", "Đã có lỗi xảy ra")) {
            if (body.contains(bad)) {
                return "answer contains " + bad + ": " + abbreviate(body);
            }
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(body.substring("for(;;);".length())).path(0);
        } catch (java.io.IOException e) {
            return "answer is not JSON: " + abbreviate(body);
        }
        read(answer);
        for (String conflict : CONFLICTS) {
            if (body.contains(conflict)) {
                lastOutcome = Outcome.CONFLICT;
                this.conflict = conflict;
                return "ok";
            }
        }
        String missing = expectation == null ? null : expectation.missing(this, body);
        if ("CONFLICT".equals(missing)) { // the page shows another user got there first
            lastOutcome = Outcome.CONFLICT;
            conflict = "the page no longer offers the action";
            return "ok";
        }
        return missing == null ? "ok" : missing;
    }

    private void read(JsonNode answer) {
        if (answer.has("syncId")) {
            syncId = answer.get("syncId").asInt();
        }
        if (answer.has("clientId")) {
            clientId = answer.get("clientId").asInt();
        }
        lastIds.clear();
        lastLinks.clear();
        for (JsonNode change : answer.path("changes")) {
            if (!"put".equals(change.path("type").asText()) || !change.has("value")) {
                continue;
            }
            String key = change.path("key").asText();
            if (key.equals("id")) {
                String id = change.get("value").asText();
                nodes.put(id, change.get("node").asInt());
                lastIds.add(id);
            } else if (key.equals("href") && change.get("value").asText().startsWith("assignments/")) {
                lastLinks.add(change.get("value").asText());
            } else if (key.equals("innerHTML")) { // the dashboard's matrix is one HTML text
                Matcher link = HTML_LINK.matcher(change.get("value").asText());
                while (link.find()) {
                    lastLinks.add(link.group(1));
                }
            }
        }
        for (JsonNode call : answer.path("execute")) {
            String script = call.path(call.size() - 1).asText();
            if (script.contains("getBrowserDetailsParameters")) { // answered through its return channel [2, node, id]
                for (int i = 0; i < call.size() - 1; i++) {
                    JsonNode p = call.get(i);
                    if (p.isArray() && p.size() == 3 && p.get(0).asInt() == 2) {
                        detailsChannels.add(
                                new int[] {p.get(1).asInt(), p.get(2).asInt()});
                        break;
                    }
                }
            }
            Matcher m = GRID_CONFIRM.matcher(script);
            if (m.find()) {
                for (int i = 0; i < call.size() - 1; i++) { // the grid is the parameter [0, node]
                    JsonNode p = call.get(i);
                    if (p.isArray() && p.size() == 2 && p.get(0).asInt() == 0) {
                        confirms.add(new int[] {p.get(1).asInt(), Integer.parseInt(m.group(1))});
                        break;
                    }
                }
            }
        }
    }

    /**
     * After a failover: the answer of a node that does not know this session (Vaadin's
     * {@code sessionExpired}, or the login page a redirect led to), or the proxy's 502/504 for a request
     * the stopped node took and never answered. Marks this UI lost.
     */
    boolean lostSession(int status, String body) {
        lost = status == 502
                || status == 504
                || body != null
                        && (body.contains("\"sessionExpired\"")
                                || !body.startsWith("for(;;);")
                                        && body.contains("name=\"_csrf\"")); // the login page's meta tag
        if (lost) {
            lastOutcome = Outcome.LOST;
        }
        return lost;
    }

    static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
