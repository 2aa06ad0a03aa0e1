package org.baeum.base.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame ({@code /api/v1/openapi}, springdoc): its name and version, bearer sign-in as the
 * security scheme {@value #BEARER} (an operation that needs a token names it), and the API's error shapes as
 * schemas that answers refer to: {@value #API_ERROR} ({@link ApiError}: {@code {"error", "message"}}) and
 * {@value #FIELD_ERRORS} (422: the same with {@code fields}, one translated message per field). Every operation
 * but those open to anyone ({@link #ANONYMOUS_OPERATIONS}) requires {@value #BEARER}.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** The name of the bearer security scheme. */
    public static final String BEARER = "bearer";
    /** The schema of {@code {"error", "message"}}. */
    public static final String API_ERROR = "ApiError";
    /** The schema of {@code {"error", "message", "fields"}}. */
    public static final String FIELD_ERRORS = "FieldErrors";

    /**
     * The operations anyone may call without a token, as "METHOD /path" of the document; every other one answers 401
     * without a token and is documented as requiring {@value #BEARER}. A test calls every documented operation
     * without a token to keep this list true.
     */
    public static final Set<String> ANONYMOUS_OPERATIONS = Set.of("POST /api/v1/auth/token",
            "POST /api/v1/auth/password-reset", "POST /api/v1/accounts", "GET /api/v1/offerings",
            "GET /api/v1/offerings/{id}", "GET /api/v1/rounds", "GET /api/v1/rounds/{id}", "GET /api/v1/rounds/{id}/draw",
            "GET /api/v1/certificates/{code}", "GET /api/v1/facilities", "GET /api/v1/facilities/{id}/slots",
            "GET /api/v1/surveys/{token}", "PUT /api/v1/surveys/{token}");

    /** Bearer sign-in on every operation that needs a token (one that names its requirement keeps it). */
    @Bean
    OpenApiCustomizer bearerWhereNeeded() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getSecurity() == null && !ANONYMOUS_OPERATIONS.contains(method.name() + " " + path)) {
                operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
            }
        }));
    }

    @Bean
    OpenAPI baeumOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Baeum API").version("v1").description("""
                        The API of Baeum (배움), the lifelong-learning portal of a Seoul centre: the public catalog, \
                        sign-up, enrolment, lottery rounds, attendance, certificates, and the catalog's planning \
                        for staff. Texts follow Accept-Language (ko by default, en).

                        Sign-in: POST /api/v1/auth/token with {"username", "password"} answers {"token", \
                        "expiresAt"}; send the token as "Authorization: Bearer <token>". Without a token, an \
                        operation that needs one answers 401 {"error": "unauthorized"}; with a token of a role the \
                        operation does not allow, 403 {"error": "forbidden"}. Each operation's description names \
                        the roles it allows."""))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A token from POST /api/v1/auth/token, sent as 'Authorization: Bearer "
                                        + "<token>'."))
                        .addSchemas(API_ERROR, new ObjectSchema()
                                .description("An error: a code and, for most, a message in the caller's language.")
                                .addProperty("error", new StringSchema().description("A stable code, e.g. "
                                        + "unauthorized, forbidden, not_found, invalid_request"))
                                .addProperty("message", new StringSchema().description("What went wrong, translated"))
                                .required(List.of("error")))
                        .addSchemas(FIELD_ERRORS, new ObjectSchema()
                                .description("Input that cannot be stored (nothing was stored): one message per field, "
                                        + "as the screens show it, in the caller's language.")
                                .addProperty("error", new StringSchema().description("invalid_fields"))
                                .addProperty("message", new StringSchema().description("A summary, translated"))
                                .addProperty("fields", new MapSchema().additionalProperties(new StringSchema())
                                        .description("Field name to its translated message"))
                                .required(List.of("error", "message", "fields"))));
    }
}
