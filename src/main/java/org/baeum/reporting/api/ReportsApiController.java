package org.baeum.reporting.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.base.i18n.Messages;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.ExportFormat;
import org.baeum.reporting.HeaderCell;
import org.baeum.reporting.ReportColumn;
import org.baeum.reporting.ReportExports;
import org.baeum.reporting.ReportInfo;
import org.baeum.reporting.ReportQuery;
import org.baeum.reporting.ReportTable;
import org.baeum.reporting.Reports;
import org.baeum.reporting.UnknownReportException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports for staff apps (bearer tokens, STAFF and ADMIN; decision 0039):
 * <ul>
 *   <li>{@code GET /api/v1/reports}: {@code [{"name", "title"}]}</li>
 *   <li>{@code GET /api/v1/reports/{name}?from=&to=&branch=&termType=&audience=&domain=&area=&subcategory=&format=}:
 *   JSON (default) or a CSV, XLSX or PDF download; in JSON a 실인원 value is {@code {"people": n}} and a 연인원 value
 *   {@code {"personSessions": n}}</li>
 *   <li>{@code GET /api/v1/reports/annual?year=}: the annual report (PDF)</li>
 * </ul>
 * A bad parameter gets {@code 400 {"error": "invalid_parameter", "parameter", "message"}}, an unknown report
 * {@code 404 {"error": "not_found", "message"}}. These names are a contract: extend them, do not rename them.
 */
@RestController
@Tag(name = "Reports", description = "Participation reports and their exports (STAFF and ADMIN)")
class ReportsApiController {

    private static final String PARAMETERS = "Filters (all optional): from, to (ISO dates, inclusive; default: the "
            + "current year), branch (a branch id), termType (THREE_MONTH, SIX_MONTH, YEAR_LONG, …), audience, domain "
            + "(policy domain), area (learning area), subcategory (learning sub-category); format json (default), csv, "
            + "xlsx or pdf. ";

    private final Reports reports;
    private final ReportExports exports;
    private final Messages messages;
    private final Clock clock;
    private final JsonMapper json;

    ReportsApiController(Reports reports, ReportExports exports, Messages messages, Clock clock, JsonMapper json) {
        this.json = json;
        this.reports = reports;
        this.exports = exports;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/reports", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The reports (STAFF, ADMIN)", description = "[{\"name\", \"title\"}], the title in the "
            + "Accept-Language language. 401 without a token, 403 for other roles.")
    List<ReportInfo> list(Locale locale) {
        return reports.list(locale);
    }

    @GetMapping(path = "/api/v1/reports/annual")
    @ApiResponse(responseCode = "200", description = "The annual report", content = @Content(mediaType = "application/pdf"))
    @Operation(summary = "The annual report of a year as PDF (STAFF, ADMIN)", description = "year (default: the "
            + "current year): a cover, then every report for the year with its table and a bar chart; page numbers. "
            + "Bad year: 400 {\"error\": \"invalid_parameter\", \"parameter\": \"year\", \"message\"}.")
    ResponseEntity<StreamingResponseBody> annual(@RequestParam(required = false) String year, Locale locale) {
        reports.list(locale); // refuses anyone but STAFF and ADMIN before the download starts
        int y = ReportParameters.year(year, clock);
        String name = messages.get("report.export.annual.title", locale, String.valueOf(y)) + ".pdf";
        return download(name, ExportFormat.PDF, out -> exports.annualReport(y, locale, out));
    }

    @GetMapping(path = "/api/v1/reports/{name}")
    @ApiResponse(responseCode = "200", description = "The report as JSON, or the file the format asks for",
            content = {@Content(mediaType = "application/json"), @Content(mediaType = "text/csv"),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                    @Content(mediaType = "application/pdf")})
    @Operation(summary = "One report as JSON, CSV, XLSX or PDF (STAFF, ADMIN)", description = PARAMETERS
            + "JSON: {\"name\", \"title\", \"asOf\", \"headerRows\": [[{\"label\", \"colspan\", \"rowspan\"}]], "
            + "\"columns\": [{\"key\", \"label\", \"kind\"}], \"rows\": [{columnKey: value}], \"footnotes\": []}. "
            + "Every participant count says which it is: a PEOPLE column (실인원, distinct persons) holds "
            + "{\"people\": n}, a PERSON_SESSIONS column (연인원, person-sessions attended) {\"personSessions\": n}; "
            + "COUNT and KRW are whole numbers, PERCENT a number 0–100, TEXT a string, null where there is no figure. "
            + "Files come with Content-Disposition (filename*=UTF-8''…) and stream; a CSV or XLSX of a report with "
            + "detail rows holds them and is written to the access log. Unknown report: 404; bad parameter: 400 "
            + "{\"error\": \"invalid_parameter\", \"parameter\", \"message\"}.")
    ResponseEntity<StreamingResponseBody> report(@PathVariable String name, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to, @RequestParam(required = false) String branch,
                             @RequestParam(required = false) String termType,
                             @RequestParam(required = false) String audience,
                             @RequestParam(required = false) String domain, @RequestParam(required = false) String area,
                             @RequestParam(required = false) String subcategory,
                             @RequestParam(required = false) String format, Locale locale) {
        if (reports.list(locale).stream().noneMatch(r -> r.name().equals(name))) { // 403 for other roles first
            throw new UnknownReportException(name);
        }
        ReportQuery query = ReportParameters.query(from, to, branch, termType, audience, domain, area, subcategory, clock);
        String f = ReportParameters.format(format);
        if (f.equals("json")) {
            ReportTable table = exports.table(name, query, locale);
            Map<String, Object> body = json(table);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> json.writeValue(out, body));
        }
        ExportFormat export = ExportFormat.valueOf(f.toUpperCase(Locale.ROOT));
        // the report runs and the access log is written here, on the request's thread; the file streams after
        ReportExports.PreparedExport prepared = exports.prepare(name, query, export, locale);
        return download(prepared.fileName(), export, prepared::writeTo);
    }

    @ExceptionHandler(ReportParameters.Invalid.class)
    ResponseEntity<Map<String, String>> invalid(ReportParameters.Invalid e, Locale locale) {
        Object[] arguments = e.arguments.length > 0 ? e.arguments : new Object[]{e.parameter, e.value};
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", "invalid_parameter");
        body.put("parameter", e.parameter);
        body.put("message", messages.get(e.messageKey, locale, arguments));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(UnknownReportException.class)
    ResponseEntity<Map<String, String>> unknown(UnknownReportException e, Locale locale) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", "not_found");
        body.put("message", messages.get("report.export.api.unknown", locale, e.reportName()));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static ResponseEntity<StreamingResponseBody> download(String fileName, ExportFormat format,
                                                                 StreamingResponseBody body) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /** The table as the JSON the OpenAPI description documents. */
    static Map<String, Object> json(ReportTable table) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", table.name());
        body.put("title", table.title());
        body.put("asOf", table.asOf() == null ? null : table.asOf().toString());
        List<List<Map<String, Object>>> headerRows = new ArrayList<>();
        for (List<HeaderCell> row : table.headerRows()) {
            headerRows.add(row.stream().map(c -> {
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("label", c.label());
                cell.put("colspan", c.colspan());
                cell.put("rowspan", c.rowspan());
                return cell;
            }).toList());
        }
        body.put("headerRows", headerRows);
        body.put("columns", table.columns().stream().map(c -> Map.of("key", c.key(), "label", c.label(),
                "kind", c.kind().name())).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> values : table.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < table.columns().size(); i++) {
                ReportColumn column = table.columns().get(i);
                row.put(column.key(), value(column.kind(), i < values.size() ? values.get(i) : null));
            }
            rows.add(row);
        }
        body.put("rows", rows);
        body.put("footnotes", table.footnotes());
        return body;
    }

    private static Object value(ColumnKind kind, Object value) {
        return switch (kind) {
            case PEOPLE -> single("people", value);
            case PERSON_SESSIONS -> single("personSessions", value);
            default -> value;
        };
    }

    private static Map<String, Object> single(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }
}
