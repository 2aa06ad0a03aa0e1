package org.baeum.catalog.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.baeum.base.domain.FieldProblem;
import org.baeum.catalog.AccessibilityFeature;
import org.baeum.catalog.Audience;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.Classification;
import org.baeum.catalog.DeliveryFormat;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.LearningArea;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.catalog.OfferingDraft;
import org.baeum.catalog.OfferingDraft.PhaseDraft;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.ProgramDraft;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.catalog.TermId;

/**
 * A row made into the draft the planning screens would make (the same defaults: format 대면, fee reductions apply),
 * with the problems of reading it at its columns. The item's id comes from the staff's code: {@code imp-<code>}.
 */
final class ImportRows {

    static final String ID_PREFIX = "imp-";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    /** A draft and the problems of reading its row (the service's are added later). */
    record Parsed<D>(D draft, List<FieldProblem> problems) {
    }

    private ImportRows() {
    }

    /** The id an import gives the item of a code, or null (with a problem at {@code code}) when the code cannot be one. */
    static String id(String code, List<FieldProblem> problems) {
        if (code.isEmpty()) {
            problems.add(FieldProblem.of("code", "validation.required"));
            return null;
        }
        if (!CODE.matcher(code).matches()) {
            problems.add(FieldProblem.of("code", "catalog.import.badCode"));
            return null;
        }
        return ID_PREFIX + code;
    }

    static Parsed<ProgramDraft> program(ImportWorkbook.SheetRow row, ImportCodes codes) {
        ImportCells in = new ImportCells(row);
        String id = id(row.code(), in.problems);
        LearningArea area = in.code("area", s -> codes.find(LearningArea.class, s));
        LearningSubcategory sub = in.code("subcategory", s -> codes.find(LearningSubcategory.class, s));
        // as the API: a sub-category of another area cannot be a Classification, so the area alone and a problem
        List<FieldProblem> classProblems = area == null ? List.of() : Classification.problems(area, sub);
        Classification classification = area == null ? null
                : classProblems.isEmpty() ? new Classification(area, sub) : Classification.of(area);
        in.problems.addAll(classProblems);
        String branch = in.code("branchId", codes::branch);
        ProgramDraft draft = new ProgramDraft(id == null ? null : new ProgramId(id), in.text("titleKo"),
                in.text("titleEn"), in.text("descriptionKo"), in.text("descriptionEn"),
                in.code("domain", s -> codes.find(PolicyDomain.class, s)),
                in.code("audience", s -> codes.find(Audience.class, s)),
                in.code("kind", s -> codes.find(ProgramKind.class, s)),
                in.integer("minAge", "19"), in.integer("maxAge", "65"),
                branch == null ? null : new BranchId(branch), instructors(in, codes),
                in.number("fee", "30000"), in.yesNo("feeReductionsApply", true),
                in.has("format") ? in.code("format", s -> codes.find(DeliveryFormat.class, s)) : DeliveryFormat.ON_SITE,
                in.codes("accessibility", s -> codes.find(AccessibilityFeature.class, s)),
                in.text("accessibilityNoteKo"), in.text("accessibilityNoteEn"), classification);
        return new Parsed<>(draft, in.problems);
    }

    /**
     * An offering row; {@code programs} maps the codes of the file's program rows to their ids, and
     * {@code existingProgram} tells whether an id names a stored program (a code of an earlier import,
     * {@code imp-<code>}, or any program id).
     */
    static Parsed<OfferingDraft> offering(ImportWorkbook.SheetRow row, ImportCodes codes, Map<String, ProgramId> programs,
                                          Function<ProgramId, Boolean> existingProgram) {
        ImportCells in = new ImportCells(row);
        String id = id(row.code(), in.problems);
        ProgramId program = in.code("programCode", s -> programs.containsKey(s) ? programs.get(s)
                : existingProgram.apply(new ProgramId(s)) ? new ProgramId(s)
                : existingProgram.apply(new ProgramId(ID_PREFIX + s)) ? new ProgramId(ID_PREFIX + s) : null);
        String term = in.code("termId", codes::term);
        List<PhaseDraft> phases = new ArrayList<>();
        int last = 1; // phases up to the last one with a value; an empty one between is a problem at its columns
        for (int i = 2; i <= OfferingDraft.MAX_PHASES; i++) {
            if (in.has(ImportColumns.phase(i, "Opens")) || in.has(ImportColumns.phase(i, "Closes"))
                    || in.has(ImportColumns.phase(i, "Method"))) {
                last = i;
            }
        }
        for (int i = 1; i <= last; i++) {
            String opens = ImportColumns.phase(i, "Opens");
            String closes = ImportColumns.phase(i, "Closes");
            String method = ImportColumns.phase(i, "Method");
            phases.add(new PhaseDraft(in.dateTime(opens), in.dateTime(closes),
                    in.code(method, s -> codes.find(RecruitmentMethod.class, s))));
        }
        OfferingDraft draft = new OfferingDraft(id == null ? null : new OfferingId(id), program,
                term == null ? null : new TermId(term), in.code("roomId", codes::room), in.weekdays("weekdays"),
                in.time("startTime"), in.time("endTime"), in.date("firstDate"), in.date("lastDate"),
                in.integer("capacity", "20"), phases);
        return new Parsed<>(draft, in.problems);
    }

    /** The instructors by account id, as the planning form offers them; the name is the account's. */
    private static List<Instructor> instructors(ImportCells in, ImportCodes codes) {
        List<Instructor> chosen = new ArrayList<>();
        for (String accountId : in.list("instructors")) {
            Instructor i = codes.instructors.get(accountId);
            if (i == null) {
                in.problems.add(FieldProblem.of("instructors", "validation.unknown"));
                return List.of();
            }
            if (!chosen.contains(i)) {
                chosen.add(i);
            }
        }
        return chosen;
    }
}
