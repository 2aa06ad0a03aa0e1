package org.baeum.recruitment.draw;

import java.util.ArrayList;
import java.util.List;

import org.baeum.recruitment.draw.DrawRecord.Application;
import org.baeum.recruitment.draw.DrawRecord.Offering;
import org.baeum.recruitment.draw.DrawRecord.Result;
import org.baeum.recruitment.draw.DrawRecord.Share;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The draw record as JSON, fields always in the order of decision 0027 (so two writes of one record are the same
 * bytes, and a reader can diff them). {@link #read} refuses a record that is not this shape with an
 * {@link IllegalArgumentException} naming the field.
 */
public final class DrawJson {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private DrawJson() {
    }

    public static String write(DrawRecord r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("rule", r.rule());
        root.put("ruleText", r.ruleText());
        root.put("round", r.round());
        root.put("commitment", r.commitment());
        root.put("committedAt", r.committedAt());
        root.put("seed", r.seed());
        root.put("drawnAt", r.drawnAt());
        ArrayNode offerings = root.putArray("offerings");
        for (Offering o : r.offerings()) {
            offerings.addObject().put("id", o.id()).put("seats", o.seats()).put("reserved", o.reserved());
        }
        ArrayNode applications = root.putArray("applications");
        for (Application a : r.applications()) {
            ObjectNode node = applications.addObject();
            node.put("number", a.number()).put("weight", a.weight());
            ArrayNode choices = node.putArray("choices");
            a.choices().forEach(choices::add);
            node.put("seats", a.seats()).put("reserved", a.reserved());
        }
        ArrayNode order = root.putArray("order");
        r.order().forEach(order::add);
        ArrayNode results = root.putArray("results");
        for (Result res : r.results()) {
            results.addObject().put("number", res.number()).put("offering", res.offering())
                    .put("share", res.share() == null ? null : res.share().json());
        }
        return JSON.writeValueAsString(root) + "\n";
    }

    public static DrawRecord read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a draw record is a JSON object");
        }
        List<Offering> offerings = new ArrayList<>();
        for (JsonNode o : array(root, "offerings")) {
            offerings.add(new Offering(text(o, "id"), integer(o, "seats"), integer(o, "reserved")));
        }
        List<Application> applications = new ArrayList<>();
        for (JsonNode a : array(root, "applications")) {
            List<String> choices = new ArrayList<>();
            array(a, "choices").forEach(c -> choices.add(string(c, "choices[]")));
            applications.add(new Application(text(a, "number"), integer(a, "weight"), choices, integer(a, "seats"),
                    bool(a, "reserved")));
        }
        List<String> order = new ArrayList<>();
        array(root, "order").forEach(n -> order.add(string(n, "order[]")));
        List<Result> results = new ArrayList<>();
        for (JsonNode res : array(root, "results")) {
            results.add(new Result(text(res, "number"), text(res, "offering"), share(text(res, "share"))));
        }
        return new DrawRecord(text(root, "rule"), text(root, "ruleText"), text(root, "round"),
                text(root, "commitment"), text(root, "committedAt"), text(root, "seed"), text(root, "drawnAt"),
                offerings, applications, order, results);
    }

    private static Share share(String share) {
        for (Share s : Share.values()) {
            if (s.json().equals(share)) {
                return s;
            }
        }
        if (share == null) {
            return null;
        }
        throw new IllegalArgumentException("share: expected \"reserved\", \"general\" or null");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : string(value, field);
    }

    private static String string(JsonNode value, String field) {
        if (!value.isString()) {
            throw new IllegalArgumentException(field + ": expected a string");
        }
        return value.stringValue();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isInt()) {
            throw new IllegalArgumentException(field + ": expected an integer");
        }
        return value.intValue();
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new IllegalArgumentException(field + ": expected true or false");
        }
        return value.booleanValue();
    }

    private static List<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException(field + ": expected an array");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }
}
