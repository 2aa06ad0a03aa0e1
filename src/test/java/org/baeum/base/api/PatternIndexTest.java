package org.baeum.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baeum.BaeumIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The index of {@link ApiPaths} answers "is this path known?" exactly as trying every pattern in turn did: for every
 * pattern the portal registers (read from the running portal, as {@code ApiPaths} reads them), a concrete path of it
 * and its variants (one segment more or fewer, other case, trailing or doubled slash, encoded letters, matrix
 * parameters, another first segment) get the same answer from both, and the concrete path is known.
 */
@BaeumIntegrationTest
class PatternIndexTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}");

    @Autowired
    ApiPaths apiPaths;

    @Test
    void every_registered_pattern_gets_the_same_answer_from_the_index_as_from_trying_them_all() {
        PatternIndex index = apiPaths.index();
        List<PathPattern> patterns = index.patterns();
        assertThat(patterns).as("the portal's patterns").hasSizeGreaterThan(50);
        assertThat(patterns).extracting(PathPattern::getPatternString)
                .contains("/api/v1/offerings/{id}/enrollments", "/api/v1/me");
        int known = 0;
        int compared = 0;
        for (PathPattern p : patterns) {
            String concrete = concrete(p.getPatternString());
            if (!p.getPatternString().contains(":")) { // a variable with a regular expression may refuse "x1"
                assertThat(index.matches(path(concrete))).as(concrete + " of " + p).isTrue();
                known++;
            }
            for (String variant : variants(concrete)) {
                PathContainer path = path(variant);
                assertThat(index.matches(path)).as(variant + " (from " + p + ")").isEqualTo(index.matchesByScan(path));
                compared++;
            }
        }
        assertThat(known).isGreaterThan(50);
        assertThat(compared).isGreaterThan(500);
        for (String unknown : List.of("/api/v1/teaching/nowhere", "/api/v1/nothing-here", "/api/v2/offerings", "/api/",
                "/api/v1/me/somewhere/deep", "/", "", "/api/v1/offerings/x/enrollments/y", "/API/v1/me")) {
            assertThat(index.matches(path(unknown))).as(unknown).isFalse();
            assertThat(index.matchesByScan(path(unknown))).as(unknown).isFalse();
        }
    }

    @Test
    void literals_variables_wildcards_and_odd_patterns_get_the_same_answers_as_a_scan() {
        PatternIndex index = new PatternIndex(List.of("/api/v1/me", "/api/v1/offerings/{id}/enrollments",
                "/api/v1/files/**", "/api/v1/rounds/{id:[0-9]+}", "/api/v1/x/{*rest}", "/{first}/v1/any", "/api/v1/Ab",
                "/api/v1/a%20b/c", "/api/v1/*/star", "/api/v1/q?", "/only").stream()
                .map(PathPatternParser.defaultInstance::parse).toList());
        List<String> paths = List.of("/api/v1/me", "/api/v1/me/", "/api/v1/ME", "/api/v1/offerings/7/enrollments",
                "/api/v1/offerings//enrollments", "/api/v1/offerings/7/enrollments/", "/api/v1/files",
                "/api/v1/files/a/b", "/api/v1/rounds/12", "/api/v1/rounds/ab", "/api/v1/x", "/api/v1/x/a/b",
                "/zzz/v1/any", "/api/v1/any", "/api/v1/Ab", "/api/v1/ab", "/api/v1/a b/c", "/api/v1/a%20b/c",
                "/api/v1/k/star", "/api/v1/qq", "/api/v1/q", "/only", "/only/", "//api/v1/me", "/api//v1/me",
                "/%61pi/v1/me", "/api;x=1/v1/me", "/api/v1/me;y=2", "api/v1/me", "", "/");
        for (String p : paths) {
            assertThat(index.matches(path(p))).as(p).isEqualTo(index.matchesByScan(path(p)));
        }
        assertThat(index.matches(path("/api/v1/offerings/7/enrollments"))).isTrue();
        assertThat(index.matches(path("/%61pi/v1/me"))).as("an encoded letter is decoded as before").isTrue();
        assertThat(index.matches(path("/zzz/v1/any"))).as("a pattern starting with a variable").isTrue();
        assertThat(index.matches(path("/api/v1/ME"))).as("case counts").isFalse();
        assertThat(index.matches(path("/api/v1/rounds/ab"))).as("a regular expression counts").isFalse();
    }

    private static PathContainer path(String value) {
        return PathContainer.parsePath(value);
    }

    static String concrete(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group().startsWith("{*") ? "a/b" : "x1");
        }
        m.appendTail(out);
        return out.toString().replace("/**", "/a/b").replace("*", "x1").replace('?', 'q');
    }

    private static List<String> variants(String concrete) {
        List<String> v = new ArrayList<>(List.of(concrete, concrete + "/", concrete + "/extra", concrete + "//",
                concrete.toUpperCase(), concrete.replace("/api/", "/%61pi/"), concrete.replace("/v1/", "//v1/"),
                concrete + ";m=1", concrete.replace("/api/", "/apx/")));
        int last = concrete.lastIndexOf('/');
        if (last > 0) {
            v.add(concrete.substring(0, last));
            v.add(concrete.substring(0, last) + "/other");
        }
        return v;
    }
}
