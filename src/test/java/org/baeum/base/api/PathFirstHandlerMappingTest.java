package org.baeum.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baeum.BaeumIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
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

    @Autowired
    ApplicationContext context;

    @Test
    void the_handler_found_for_every_request_is_the_one_springs_own_mapping_finds() throws Exception {
        RequestMappingHandlerMapping spring = new RequestMappingHandlerMapping();
        spring.setApplicationContext(context);
        mapping.getHandlerMethods().forEach((info, method) -> spring.registerMapping(info, method.getBean(), method.getMethod()));
        int found = 0;
        int compared = 0;
        for (String path : paths()) {
            for (MockHttpServletRequest request : requests(path)) {
                String expected = handler(spring, request);
                String actual = handler(mapping, copy(request));
                assertThat(actual).as(request.getMethod() + " " + path + " " + request.getContentType()).isEqualTo(expected);
                compared++;
                if (expected.startsWith("handler ")) {
                    found++;
                }
            }
        }
        assertThat(found).as("requests with a handler").isGreaterThan(mapping.getHandlerMethods().size());
        assertThat(found).as("requests without one (404, 405, 415, 406)").isLessThan(compared);
    }

    /** The handler method a mapping finds for the request, or the exception it throws, or "none". */
    private static String handler(RequestMappingHandlerMapping m, MockHttpServletRequest request) {
        try {
            HandlerExecutionChain chain = m.getHandler(request);
            return chain == null ? "none" : "handler " + ((HandlerMethod) chain.getHandler()).getMethod();
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }

    private static MockHttpServletRequest copy(MockHttpServletRequest r) {
        MockHttpServletRequest c = new MockHttpServletRequest(r.getMethod(), r.getRequestURI());
        for (String name : java.util.Collections.list(r.getHeaderNames())) {
            c.addHeader(name, r.getHeader(name));
        }
        if (r.getContentType() != null) {
            c.setContentType(r.getContentType());
            c.setContent(r.getContentAsByteArray());
        }
        return c;
    }

    private List<String> paths() {
        List<String> paths = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                paths.add(PatternIndexTest.concrete(pattern));
            }
        }
        paths.addAll(List.of("/api/v1/nothing-here", "/", "/api/v1/offerings/x/enrollments/extra"));
        return paths;
    }

    @Test
    void every_mapping_matches_exactly_the_requests_it_matched_before() {
        assertThat(mapping).isInstanceOf(PathFirstHandlerMapping.class);
        PathFirstHandlerMapping first = (PathFirstHandlerMapping) mapping;
        Map<RequestMappingInfo, HandlerMethod> all = mapping.getHandlerMethods();
        assertThat(all).hasSizeGreaterThan(50);
        List<String> paths = paths();
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
