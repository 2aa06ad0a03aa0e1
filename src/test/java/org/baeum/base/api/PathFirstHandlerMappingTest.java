package org.baeum.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baeum.BaeumIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The portal's controller mapping asks the path first and finds the same mappings as Spring's order of checks: for
 * every mapping of the running portal and requests to a concrete path of every mapping (each method, a CORS
 * preflight, with and without a JSON body, several {@code Accept}s), {@code getMatchingMapping} gives what the
 * mapping's own {@link RequestMappingInfo#getMatchingCondition} gives.
 */
@BaeumIntegrationTest
class PathFirstHandlerMappingTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void every_mapping_matches_exactly_the_requests_it_matched_before() {
        assertThat(mapping).isInstanceOf(PathFirstHandlerMapping.class);
        PathFirstHandlerMapping first = (PathFirstHandlerMapping) mapping;
        Map<RequestMappingInfo, HandlerMethod> all = mapping.getHandlerMethods();
        assertThat(all).hasSizeGreaterThan(50);
        List<String> paths = new ArrayList<>();
        for (RequestMappingInfo info : all.keySet()) {
            for (String pattern : info.getPatternValues()) {
                paths.add(PatternIndexTest.concrete(pattern));
            }
        }
        paths.addAll(List.of("/api/v1/nothing-here", "/", "/api/v1/offerings/x/enrollments/extra"));
        int matched = 0;
        int compared = 0;
        for (String path : paths) {
            for (MockHttpServletRequest request : requests(path)) {
                ServletRequestPathUtils.parseAndCache(request);
                for (RequestMappingInfo info : all.keySet()) {
                    RequestMappingInfo expected = info.getMatchingCondition(request);
                    RequestMappingInfo actual = first.getMatchingMapping(info, request);
                    assertThat(actual).as(request.getMethod() + " " + path + " against " + info).isEqualTo(expected);
                    compared++;
                    if (expected != null) {
                        matched++;
                    }
                }
            }
        }
        assertThat(matched).as("requests that some mapping matches").isGreaterThan(all.size());
        assertThat(compared).isGreaterThan(50_000);
    }

    private static List<MockHttpServletRequest> requests(String path) {
        List<MockHttpServletRequest> out = new ArrayList<>();
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            out.add(new MockHttpServletRequest(method, path));
            MockHttpServletRequest json = new MockHttpServletRequest(method, path);
            json.setContentType("application/json");
            json.setContent("{}".getBytes());
            json.addHeader("Accept", "application/json");
            out.add(json);
            MockHttpServletRequest html = new MockHttpServletRequest(method, path);
            html.setContentType("text/plain");
            html.setContent("x".getBytes());
            html.addHeader("Accept", "text/html");
            out.add(html);
        }
        MockHttpServletRequest preflight = new MockHttpServletRequest("OPTIONS", path);
        preflight.addHeader("Origin", "https://elsewhere.example");
        preflight.addHeader("Access-Control-Request-Method", "POST");
        out.add(preflight);
        return out;
    }
}
