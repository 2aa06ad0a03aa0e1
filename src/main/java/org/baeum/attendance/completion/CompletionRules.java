package org.baeum.attendance.completion;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.baeum.attendance.completion.internal.CompletionRuleRepository;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.CurrentUser;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.ProgramId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The completion rule of each program ({@link CompletionRule#NONE} until STAFF set one); STAFF and ADMIN only. */
@Service
public class CompletionRules {

    private static final Logger log = LoggerFactory.getLogger(CompletionRules.class);
    static final String STAFF = "hasAnyRole('STAFF','ADMIN')";

    private final CompletionRuleRepository rules;
    private final CatalogService catalog;
    private final CurrentUser currentUser;
    private final Clock clock;

    CompletionRules(CompletionRuleRepository rules, CatalogService catalog, CurrentUser currentUser, Clock clock) {
        this.rules = rules;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A program's rule. */
    @PreAuthorize(STAFF)
    public CompletionRule ruleOf(ProgramId programId) {
        return find(programId);
    }

    /**
     * Sets a program's rule: a share {@code numerator/denominator} with 1 ≤ denominator ≤ 100 and
     * 0 ≤ numerator ≤ denominator (0 asks for no minimum), and whether a portfolio is required.
     *
     * @throws InvalidInputException at {@code program}, {@code numerator} or {@code denominator}; nothing is stored
     */
    @PreAuthorize(STAFF)
    public void setRule(ProgramId programId, CompletionRule rule) {
        List<FieldProblem> problems = new ArrayList<>();
        if (programId == null || catalog.program(programId).isEmpty()) {
            problems.add(FieldProblem.of("program", "validation.unknown"));
        }
        if (rule == null) {
            problems.add(FieldProblem.of("rule", "validation.required"));
        } else if (rule.denominator() < 1 || rule.denominator() > CompletionRule.MAX_DENOMINATOR) {
            problems.add(FieldProblem.of("denominator", "completion.validation.denominator",
                    CompletionRule.MAX_DENOMINATOR));
        } else if (rule.numerator() < 0 || rule.numerator() > rule.denominator()) {
            problems.add(FieldProblem.of("numerator", "completion.validation.numerator", rule.denominator()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String by = currentUser.require().accountId();
        rules.save(programId.value(), rule, by, clock.instant());
        log.info("Account {} set the completion rule of program {}: {}/{} of sessions, portfolio {}", by,
                programId.value(), rule.numerator(), rule.denominator(), rule.portfolioRequired() ? "required" : "not");
    }

    /** The rule without an access check, for {@link Completions}, which checked its caller. */
    CompletionRule find(ProgramId programId) {
        return rules.find(programId.value()).orElse(CompletionRule.NONE);
    }
}
