package org.baeum.base.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Path patterns indexed by their leading literal segments, so that a path is tried only against the patterns that
 * can match it: {@code /api/v1/offerings/{id}/enrollments} is filed under {@code api → v1 → offerings} and tried only
 * for paths that start with those three segments. The answer is the same as trying every pattern in turn
 * ({@link #matchesByScan}): a pattern whose first segments are literals matches only a path whose first segments are
 * those same texts (Spring's {@link PathPattern} compares a literal segment with the path segment's decoded value,
 * case-sensitively with the default parser); every other pattern is tried as before. A segment counts as literal only
 * when it is made of plain characters (letters, digits, {@code - . _ ~}); a pattern stops being filed deeper at its
 * first other segment (a variable, a wildcard, anything unusual), which only means it is tried for more paths.
 */
final class PatternIndex {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._~-]+");

    private final List<PathPattern> all;
    private final Node root = new Node();

    /** {@code patterns} parsed by a case-sensitive parser, such as {@code PathPatternParser.defaultInstance}. */
    PatternIndex(List<PathPattern> patterns) {
        this.all = List.copyOf(patterns);
        for (PathPattern p : all) {
            Node node = root;
            String text = p.getPatternString();
            if (text.startsWith("/")) {
                String[] segments = text.substring(1).split("/", -1);
                // the last segment stays unindexed when it is the whole pattern's end: "/api" files under "api",
                // which is exact too, but a trailing-separator option could let "/api/" match, so stop before it
                for (int i = 0; i < segments.length - 1 && PLAIN.matcher(segments[i]).matches(); i++) {
                    node = node.children.computeIfAbsent(segments[i], s -> new Node());
                }
            }
            node.patterns.add(p);
        }
    }

    /** Whether one of the patterns matches the path. */
    boolean matches(PathContainer path) {
        if (anyMatch(root, path)) {
            return true;
        }
        List<PathContainer.Element> elements = path.elements();
        Node node = root;
        for (int i = 0; i + 1 < elements.size(); i += 2) {
            if (!(elements.get(i) instanceof PathContainer.Separator)
                    || !(elements.get(i + 1) instanceof PathContainer.PathSegment segment)) {
                return false;
            }
            node = node.children.get(segment.valueToMatch());
            if (node == null) {
                return false;
            }
            if (anyMatch(node, path)) {
                return true;
            }
        }
        return false;
    }

    /** The same question answered by trying every pattern in turn (what {@link ApiPaths} did before the index). */
    boolean matchesByScan(PathContainer path) {
        return all.stream().anyMatch(p -> p.matches(path));
    }

    List<PathPattern> patterns() {
        return all;
    }

    private static boolean anyMatch(Node node, PathContainer path) {
        for (PathPattern p : node.patterns) {
            if (p.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        final List<PathPattern> patterns = new ArrayList<>();
    }
}
