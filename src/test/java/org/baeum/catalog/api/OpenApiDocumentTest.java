package org.baeum.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baeum.BaeumIntegrationTest;
import org.baeum.base.api.OpenApiConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The OpenAPI document: the API's name and version, bearer sign-in on exactly the operations that answer 401 without
 * a token, the error shapes and the roles of the catalog's planning operations.
 */
@BaeumIntegrationTest
class OpenApiDocumentTest {

    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "en").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_openapi_document_names_the_api_and_documents_bearer_sign_in_roles_and_error_shapes() throws Exception {
        HttpResponse<String> response = get("/api/v1/openapi");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = json.readTree(response.body());
        assertThat(doc.get("openapi").asString()).startsWith("3.1");
        assertThat(doc.get("info").get("title").asString()).isEqualTo("Baeum API");
        assertThat(doc.get("info").get("version").asString()).isEqualTo("v1");
        assertThat(doc.get("info").get("description").asString()).contains("POST /api/v1/auth/token");
        JsonNode bearer = doc.get("components").get("securitySchemes").get("bearer");
        assertThat(bearer.get("type").asString()).isEqualTo("http");
        assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
        assertThat(doc.get("components").get("schemas").has("ApiError")).isTrue();
        assertThat(doc.get("components").get("schemas").get("FieldErrors").get("properties").has("fields")).isTrue();

        JsonNode create = doc.get("paths").get("/api/v1/programs").get("post");
        assertThat(create.get("security").get(0).has("bearer")).isTrue();
        assertThat(create.get("description").asString()).contains("Roles: STAFF, ADMIN");
        assertThat(create.get("responses").has("201")).isTrue();
        assertThat(create.get("responses").has("200")).isFalse();
        assertThat(create.get("responses").get("422").get("content").get("application/json").get("schema")
                .get("$ref").asString()).isEqualTo("#/components/schemas/FieldErrors");
        assertThat(create.get("responses").get("403").get("content").get("application/json").get("schema")
                .get("$ref").asString()).isEqualTo("#/components/schemas/ApiError");
        JsonNode publish = doc.get("paths").get("/api/v1/offerings/{id}/publish").get("post");
        assertThat(publish.get("security").get(0).has("bearer")).isTrue();
        assertThat(publish.get("responses").has("404")).isTrue();
        assertThat(publish.get("responses").has("401")).isTrue();
        assertThat(doc.get("paths").get("/api/v1/offerings/{id}").get("patch").get("description").asString())
                .contains("Roles: STAFF, ADMIN");
        assertThat(doc.get("paths").get("/api/v1/offerings").get("get").has("security")).isFalse();
    }

    @Test
    void bearer_sign_in_is_documented_on_exactly_the_operations_that_answer_401_without_a_token() throws Exception {
        JsonNode paths = json.readTree(get("/api/v1/openapi").body()).get("paths");
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                boolean documented = operation.getValue().has("security")
                        && operation.getValue().get("security").toString().contains("bearer");
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + path.getKey().replaceAll("\\{[^}]+}", "no-such-id"))).header("Content-Type", "application/json");
                b.method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
                int status = http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
                calls++;
                if (documented != (status == 401)) {
                    wrong.add(method + " " + path.getKey() + ": " + status + (documented ? " (bearer)" : " (open)"));
                }
                assertThat(documented).as(method + " " + path.getKey())
                        .isEqualTo(!OpenApiConfiguration.ANONYMOUS_OPERATIONS.contains(method + " " + path.getKey()));
            }
        }
        assertThat(calls).isGreaterThan(30);
        assertThat(wrong).as("documented requirement against the answer without a token").isEmpty();
    }
}
