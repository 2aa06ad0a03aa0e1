package org.baeum.catalog.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import org.baeum.base.api.OpenApiConfiguration;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI description of the catalog's planning API: what the bodies hold, the roles, and (added to each of its
 * operations) the refusals with their error shapes: 401 and 403 {@code ApiError}, 404 {@code ApiError} for an id,
 * 422 {@code FieldErrors} for a body.
 */
@Component
class CatalogApiDocs implements OperationCustomizer {

    static final String BEARER = OpenApiConfiguration.BEARER;

    static final String ROLES = " Roles: STAFF, ADMIN (bearer token); CITIZEN and INSTRUCTOR get 403, no token 401.";
    static final String PROGRAM_POST = "Creates a program with the planning form's rules and messages: titleKo, domain, "
            + "area, audience, kind, branchId and fee are required; subcategory must be one of the area's; instructors "
            + "are account ids of instructors (their names come from their accounts). format defaults to ON_SITE and "
            + "feeReductionsApply to true, as in the form. 201 with Location /api/v1/programs/{id}." + ROLES;
    static final String PROGRAM_PATCH = "Changes only the fields present in the body; null clears an optional field "
            + "(titleEn, descriptions, ages, subcategory, notes). The whole program is then checked as the form "
            + "checks it: a new area with the old sub-category of another area is refused at 'subcategory'. Its "
            + "offerings take over the new texts, fee and classification." + ROLES;
    static final String OFFERING_POST = "Plans an offering of a program in a term as a draft, with the planning "
            + "form's rules and messages (room of the program's branch and within its seats, schedule inside the term, "
            + "no clash of room or instructor, days off skipped, recruitment phases in order and closed before the "
            + "first session). Instructors and fee come from the program. Times are Asia/Seoul; a phase's opens/closes "
            + "is 2027-02-01T10:00 or carries an offset. 201 with Location /api/v1/offerings/{id}." + ROLES;
    static final String OFFERING_PATCH = "Changes only the fields present; phases, when present, replaces the whole "
            + "list. The offering is then checked in full as the form checks it (capacity never below the seats "
            + "taken)." + ROLES;
    static final String PUBLISH = "Publishes the offering (it shows in the public catalog)." + ROLES;

    @Schema(name = "ProgramWrite", description = "A program as staff enter it; in PATCH, every field is optional.")
    record ProgramBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String titleKo,
                       String titleEn, String descriptionKo, String descriptionEn,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The city's policy domain",
                               allowableValues = {"JOB_SKILLS", "DIGITAL_CIVIC", "ACCESS", "LIFE_TRANSITION",
                                       "SUPPORT_SYSTEM"}) String domain,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "평생교육법 제2조 area",
                               allowableValues = {"ACADEMIC_SUPPLEMENT", "ADULT_LITERACY", "VOCATIONAL",
                                       "CAREER_DEVELOPMENT", "LIBERAL_ARTS", "CULTURE_ARTS", "CIVIC_PARTICIPATION"})
                       String area,
                       @Schema(description = "A 6진 sub-category of the area (optional), e.g. LEISURE_SPORTS under "
                               + "CULTURE_ARTS") String subcategory,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                               allowableValues = {"ADULT", "YOUTH_CHILDREN", "INFANT", "SPORTS"}) String audience,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "CLASS") String kind,
                       @Schema(example = "ON_SITE") String format,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "main") String branchId,
                       Integer minAge, Integer maxAge,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "KRW", example = "30000") Long fee,
                       Boolean feeReductionsApply, List<String> accessibility, String accessibilityNoteKo,
                       String accessibilityNoteEn,
                       @Schema(description = "Account ids of instructors") List<String> instructors,
                       @Schema(description = "What a learner brings to class (준비물), Korean; blank or missing: nothing",
                               maxLength = 300, example = "수영복, 수모, 물안경") String whatToBringKo,
                       @Schema(description = "What to bring, English (optional)", maxLength = 300,
                               example = "Swimsuit, swim cap, goggles") String whatToBringEn) {
    }

    @Schema(name = "PhaseWrite", description = "One recruitment phase; phases follow each other without overlap.")
    record PhaseBody(@Schema(example = "2027-02-01T10:00") String opens, @Schema(example = "2027-02-14T18:00") String closes,
                     @Schema(allowableValues = {"FIRST_COME", "LOTTERY"}) String method) {
    }

    @Schema(name = "OfferingWrite", description = "An offering as staff enter it; in PATCH, every field is optional.")
    record OfferingBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String programId,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String termId,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "main-ll-1") String roomId,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"TUESDAY\", \"THURSDAY\"]")
                        List<String> weekdays,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "10:00") String startTime,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "12:00") String endTime,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2027-03-02") String firstDate,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2027-05-28") String lastDate,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "20") Integer capacity,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<PhaseBody> phases) {
    }

    /** The refusals of the planning API's operations, each with its error shape. */
    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Class<?> type = handler.getBeanType();
        if (type != ProgramsApiController.class && type != OfferingWritesApiController.class) {
            return operation;
        }
        if (handler.getMethod().getName().startsWith("create") && operation.getResponses().get("200") != null) {
            ApiResponse created = operation.getResponses().remove("200");
            operation.getResponses().addApiResponse("201", created.description("Created; Location names it"));
        }
        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("401", "No token, or one that expired: {\"error\": \"unauthorized\"}");
        refusals.put("403", "A role other than STAFF or ADMIN: {\"error\": \"forbidden\"}");
        if (handler.getMethod().getParameterCount() > 0 && handler.getMethodParameters()[0].hasParameterAnnotation(
                org.springframework.web.bind.annotation.PathVariable.class)) {
            refusals.put("404", "No program or offering with this id: {\"error\": \"not_found\", \"message\"}");
        }
        for (var refusal : refusals.entrySet()) {
            operation.getResponses().addApiResponse(refusal.getKey(), answer(refusal.getValue(),
                    OpenApiConfiguration.API_ERROR));
        }
        if (operation.getRequestBody() != null) {
            operation.getResponses().addApiResponse("422", answer("A field cannot be stored (nothing was stored): "
                    + "each field's message in the caller's language", OpenApiConfiguration.FIELD_ERRORS));
        }
        return operation;
    }

    private static ApiResponse answer(String description, String schema) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/json",
                new io.swagger.v3.oas.models.media.MediaType().schema(
                        new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/" + schema))));
    }
}
