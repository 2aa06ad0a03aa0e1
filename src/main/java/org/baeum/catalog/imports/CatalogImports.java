package org.baeum.catalog.imports;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baeum.account.AccountService;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.i18n.Messages;
import org.baeum.base.security.CurrentUser;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.CatalogValidationException;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingDraft;
import org.baeum.catalog.PlanningChecks;
import org.baeum.catalog.Program;
import org.baeum.catalog.ProgramDraft;
import org.baeum.catalog.ProgramId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Programs and offerings from a spreadsheet, for STAFF and ADMIN (decision 0041): {@link #preview} checks every row
 * as the planning screens would ({@link PlanningChecks}) and stores nothing; {@link #apply} checks the file again and,
 * only when no row has a problem, saves each new or changed row through {@link CatalogService} (offerings as drafts).
 * The item of a row has the id {@code imp-<code>}, so a repeated apply (or one after a crash) finds what it saved
 * before and neither doubles nor needs a transaction.
 */
@Service
public class CatalogImports {

    /** The largest file (bytes) and the most rows (both sheets) one import takes. */
    public static final int MAX_BYTES = ImportWorkbook.MAX_BYTES;
    public static final int MAX_ROWS = ImportWorkbook.MAX_ROWS;

    private static final Logger log = LoggerFactory.getLogger(CatalogImports.class);
    private static final String STAFF = "hasAnyRole('STAFF','ADMIN')";
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final CatalogService catalog;
    private final PlanningChecks checks;
    private final AccountService accounts;
    private final Messages messages;
    private final CurrentUser currentUser;

    CatalogImports(CatalogService catalog, PlanningChecks checks, AccountService accounts, Messages messages,
                   CurrentUser currentUser) {
        this.catalog = catalog;
        this.checks = checks;
        this.accounts = accounts;
        this.messages = messages;
        this.currentUser = currentUser;
    }

    /** One checked row: its result and the draft to save. */
    private record Checked(ImportRowResult result, Object draft) {
    }

    /**
     * What applying the file would do, row by row; nothing is stored.
     *
     * @throws ImportFileException when the file cannot be read as an import at all
     */
    @PreAuthorize(STAFF)
    public ImportPreview preview(byte[] file) {
        return new ImportPreview(check(file).stream().map(Checked::result).toList(), false);
    }

    /**
     * Checks the file again and, when no row has a problem, saves the new and changed rows (programs first). With a
     * problem it stores nothing and answers the preview ({@code applied} false). Should a save still be refused (the
     * catalog changed since the check, or two new offerings of the file clash), it stops at that row: the rows before
     * are saved and show as unchanged when the corrected file is applied again.
     */
    @PreAuthorize(STAFF)
    public ImportPreview apply(byte[] file) {
        List<Checked> rows = check(file);
        if (rows.stream().anyMatch(r -> r.result().outcome() == ImportOutcome.ERROR)) {
            return new ImportPreview(rows.stream().map(Checked::result).toList(), false);
        }
        List<ImportRowResult> done = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRowResult r = rows.get(i).result();
            try {
                if (r.outcome() != ImportOutcome.UNCHANGED) {
                    if (rows.get(i).draft() instanceof ProgramDraft p) {
                        catalog.saveProgram(p);
                    } else {
                        catalog.saveOffering((OfferingDraft) rows.get(i).draft());
                    }
                }
                done.add(r);
            } catch (CatalogValidationException refused) {
                done.add(new ImportRowResult(r.sheet(), r.row(), r.code(), ImportOutcome.ERROR,
                        refused.problems().stream().map(ImportRowsCheck::atColumn).toList()));
                rows.subList(i + 1, rows.size()).forEach(rest -> done.add(rest.result()));
                log.warn("Catalog import by {} stopped at {} row {}: {}", who(), r.sheet(), r.row(), refused.problems());
                return new ImportPreview(done, false);
            }
        }
        ImportPreview applied = new ImportPreview(done, true);
        log.info("Catalog import by {}: {} created, {} updated, {} unchanged", who(),
                applied.count(ImportOutcome.CREATE), applied.count(ImportOutcome.UPDATE),
                applied.count(ImportOutcome.UNCHANGED));
        return applied;
    }

    private List<Checked> check(byte[] file) {
        Map<String, List<ImportWorkbook.SheetRow>> sheets = ImportWorkbook.read(file);
        ImportCodes codes = new ImportCodes(catalog, accounts, messages);
        List<Checked> checked = new ArrayList<>();
        Map<String, ProgramId> programIds = new HashMap<>();
        Map<ProgramId, Program> planned = new HashMap<>();
        Set<ProgramId> withProblems = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (ImportWorkbook.SheetRow row : sheets.get(ImportColumns.PROGRAMS)) {
            ImportRows.Parsed<ProgramDraft> parsed = ImportRows.program(row, codes);
            ProgramDraft draft = parsed.draft();
            List<FieldProblem> problems = ImportRowsCheck.merged(parsed.problems(),
                    checks.programProblems(draft));
            duplicate(row, seen, problems);
            Program stored = draft.id() == null ? null : catalog.program(draft.id()).orElse(null);
            if (draft.id() != null && !programIds.containsKey(row.code())) {
                programIds.put(row.code(), draft.id());
                if (problems.isEmpty()) {
                    planned.put(draft.id(), ImportRowsCheck.program(draft));
                } else {
                    withProblems.add(draft.id());
                }
            }
            ImportOutcome outcome = problems.isEmpty() ? stored == null ? ImportOutcome.CREATE
                    : ProgramDraft.of(stored).equals(draft) ? ImportOutcome.UNCHANGED : ImportOutcome.UPDATE
                    : ImportOutcome.ERROR;
            checked.add(new Checked(new ImportRowResult(ImportColumns.PROGRAMS, row.row(), row.code(), outcome,
                    problems), draft));
        }
        seen.clear();
        for (ImportWorkbook.SheetRow row : sheets.get(ImportColumns.OFFERINGS)) {
            ImportRows.Parsed<OfferingDraft> parsed = ImportRows.offering(row, codes, programIds,
                    id -> catalog.program(id).isPresent());
            OfferingDraft draft = parsed.draft();
            List<FieldProblem> own = new ArrayList<>(parsed.problems());
            if (draft.programId() != null && withProblems.contains(draft.programId())) {
                own.add(FieldProblem.of("programId", "catalog.import.programHasErrors"));
            }
            List<FieldProblem> problems = ImportRowsCheck.merged(own,
                    checks.offeringProblems(draft, planned.get(draft.programId())));
            duplicate(row, seen, problems);
            Offering stored = draft.id() == null ? null : checks.offering(draft.id()).orElse(null);
            ImportOutcome outcome = problems.isEmpty() ? stored == null ? ImportOutcome.CREATE
                    : asDraft(stored).equals(draft) ? ImportOutcome.UNCHANGED : ImportOutcome.UPDATE
                    : ImportOutcome.ERROR;
            checked.add(new Checked(new ImportRowResult(ImportColumns.OFFERINGS, row.row(), row.code(), outcome,
                    problems), draft));
        }
        return checked;
    }

    private static void duplicate(ImportWorkbook.SheetRow row, Set<String> seen, List<FieldProblem> problems) {
        if (!row.code().isEmpty() && !seen.add(row.code())) {
            problems.add(FieldProblem.of("code", "catalog.import.duplicateCode"));
        }
    }

    /** A stored offering as its row would read: what "unchanged" compares. */
    private static OfferingDraft asDraft(Offering o) {
        return new OfferingDraft(o.id(), o.program().id(), o.termId(), o.roomId(), o.schedule().weekdays(),
                o.schedule().startTime(), o.schedule().endTime(), o.schedule().firstDate(), o.schedule().lastDate(),
                o.capacity(), o.recruitment().phases().stream().map(p -> new OfferingDraft.PhaseDraft(
                        LocalDateTime.ofInstant(p.opensAt(), SEOUL), LocalDateTime.ofInstant(p.closesAt(), SEOUL),
                        p.method())).toList());
    }

    private String who() {
        return currentUser.get().map(u -> u.getUsername()).orElse("system");
    }
}
