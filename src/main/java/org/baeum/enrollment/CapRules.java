package org.baeum.enrollment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.CurrentUser;
import org.baeum.enrollment.internal.CapRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The per-term caps ADMIN sets (e.g. at most 2 swimming classes a term per person); STAFF may read them. */
@Service
public class CapRules {

    private static final Logger log = LoggerFactory.getLogger(CapRules.class);

    private final CapRepository caps;
    private final CurrentUser currentUser;

    CapRules(CapRepository caps, CurrentUser currentUser) {
        this.caps = caps;
        this.currentUser = currentUser;
    }

    @PreAuthorize(EnrollmentDesk.STAFF)
    public List<CapRule> capRules() {
        return caps.rules();
    }

    /**
     * Saves a rule: for one audience or one policy domain (exactly one of them), at most 1 to 50 a term.
     *
     * @throws InvalidInputException at {@code audience} or {@code max}; nothing stored
     */
    @PreAuthorize("hasRole('ADMIN')")
    public CapRule saveCapRule(CapRule rule) {
        List<FieldProblem> problems = new ArrayList<>();
        if ((rule.audience() == null) == (rule.domain() == null)) {
            problems.add(FieldProblem.of("audience", "enrollment.validation.capScope"));
        }
        if (rule.max() < 1 || rule.max() > 50) {
            problems.add(FieldProblem.of("max", "enrollment.validation.capMax"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CapRule saved = new CapRule(rule.id() == null ? "cap-" + UUID.randomUUID().toString().substring(0, 8) : rule.id(),
                rule.audience(), rule.domain(), rule.max());
        caps.save(saved);
        log.info("Cap rule {} saved by {}: {} {} max {}", saved.id(), currentUser.require().getUsername(),
                saved.audience(), saved.domain(), saved.max());
        return saved;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void deleteCapRule(String id) {
        caps.delete(id);
        log.info("Cap rule {} deleted by {}", id, currentUser.require().getUsername());
    }
}
