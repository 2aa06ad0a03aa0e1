package org.baeum.catalog.imports.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.base.api.OpenApiConfiguration;
import org.baeum.base.i18n.Messages;
import org.baeum.catalog.imports.CatalogImports;
import org.baeum.catalog.imports.ImportFileException;
import org.baeum.catalog.imports.ImportOutcome;
import org.baeum.catalog.imports.ImportPreview;
import org.baeum.catalog.imports.ImportRowResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The spreadsheet import over the API (decision 0041): {@code POST /api/v1/catalog-imports?dryRun=true|false} with the
 * XLSX as the body. A dry run (the default) answers the preview; an apply answers what it did, or 422 with the
 * preview when a row has a problem (nothing stored). A file that cannot be imported: 400 {@code invalid_file}.
 */
@RestController
@Tag(name = "Catalog planning", description = "Programs and offerings for STAFF and ADMIN (bearer token)")
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
class CatalogImportsApiController {

    record RowJson(String sheet, int row, String code, String outcome, Map<String, String> problems) {
    }

    record ImportJson(boolean applied, long created, long updated, long unchanged, long errors, List<RowJson> rows) {
    }

    private final CatalogImports imports;
    private final Messages messages;

    CatalogImportsApiController(CatalogImports imports, Messages messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @PostMapping(path = "/api/v1/catalog-imports", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import programs and offerings from the XLSX template (STAFF, ADMIN)",
            description = "The body is the filled-in template (the screen /staff/catalog-import offers it), at most 5 MB "
                    + "and 2,000 rows. dryRun=true (default) answers each row's outcome (CREATE, UPDATE, UNCHANGED, "
                    + "ERROR) with its problems by column and stores nothing; dryRun=false applies the file when no row "
                    + "has a problem (200, applied true) or answers 422 with the rows. Items get the ids imp-<code>, so "
                    + "applying again creates nothing twice. A file that cannot be read: 400 invalid_file. "
                    + "Roles: STAFF, ADMIN (bearer token); CITIZEN and INSTRUCTOR get 403, no token 401.")
    ResponseEntity<ImportJson> importFile(
            @Parameter(description = "true: only check (default); false: apply") @RequestParam(defaultValue = "true") boolean dryRun,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The XLSX file") 
            @RequestBody(required = false) byte[] body, Locale locale) {
        ImportPreview result = dryRun ? imports.preview(body) : imports.apply(body);
        ImportJson json = json(result, locale);
        return ResponseEntity.status(!dryRun && !result.applied() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .body(json);
    }

    @ExceptionHandler(ImportFileException.class)
    ResponseEntity<Map<String, String>> invalidFile(ImportFileException e, Locale locale) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", "invalid_file");
        body.put("message", messages.get(e.messageKey(), locale, e.arguments()));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private ImportJson json(ImportPreview preview, Locale locale) {
        List<RowJson> rows = preview.rows().stream().map(r -> row(r, locale)).toList();
        return new ImportJson(preview.applied(), preview.count(ImportOutcome.CREATE), preview.count(ImportOutcome.UPDATE),
                preview.count(ImportOutcome.UNCHANGED), preview.count(ImportOutcome.ERROR), rows);
    }

    private RowJson row(ImportRowResult r, Locale locale) {
        Map<String, String> problems = new LinkedHashMap<>();
        r.problems().forEach(p -> problems.putIfAbsent(p.field(),
                messages.get(p.messageKey(), locale, p.arguments().toArray())));
        return new RowJson(r.sheet(), r.row(), r.code(), r.outcome().name(), problems);
    }
}
