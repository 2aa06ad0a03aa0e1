package org.baeum.account;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.baeum.account.internal.FeeReductionCategoryDocument;
import org.baeum.account.internal.FeeReductionCategoryRepository;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.domain.ShortLived;
import org.baeum.base.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The fee-reduction categories (수강료 감면 대상) and their rates: four built in, ADMIN changes names and rates and adds
 * more; anyone may read them (fees, forms and reports name them). Claims of a category: {@link EligibilityService}.
 */
@Service
public class FeeReductionCategories {

    private static final Logger log = LoggerFactory.getLogger(FeeReductionCategories.class);
    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,29}$");

    /** Built in; ADMIN may change names and rates (stored documents override these). */
    static final List<FeeReductionCategory> BUILT_IN = List.of(
            new FeeReductionCategory("BASIC_LIVELIHOOD", "기초생활수급자", "Basic livelihood recipient", 100, true, true, 10),
            new FeeReductionCategory("NATIONAL_MERIT", "국가보훈대상자", "National merit recipient", 50, true, true, 20),
            new FeeReductionCategory("DISABLED", "장애인", "Person with a disability", 50, true, true, 30),
            new FeeReductionCategory(FeeReductionCategory.ELDERLY, "만 65세 이상", "Aged 65 and over", 50, false, true, 40));

    private final FeeReductionCategoryRepository categories;
    private final CurrentUser currentUser;
    private final Clock clock;

    FeeReductionCategories(FeeReductionCategoryRepository categories, CurrentUser currentUser, Clock clock) {
        this.categories = categories;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Every category with its current rate, active or not, in display order. Read at most every 5 s on this node
     * (every fee asks for them); a change made here is seen at once, one made on another node within 5 s.
     */
    public List<FeeReductionCategory> categories() {
        return cachedCategories.get();
    }

    private final ShortLived<List<FeeReductionCategory>> cachedCategories =
            new ShortLived<>(Duration.ofSeconds(5), this::readCategories);

    private List<FeeReductionCategory> readCategories() {
        Map<String, FeeReductionCategory> byCode = new LinkedHashMap<>();
        BUILT_IN.forEach(c -> byCode.put(c.code(), c));
        for (FeeReductionCategoryDocument d : categories.findAll()) {
            boolean declarable = !FeeReductionCategory.ELDERLY.equals(d.code()) && d.declarable();
            byCode.put(d.code(), new FeeReductionCategory(d.code(), d.nameKo(), d.nameEn(), d.ratePercent(), declarable,
                    d.active(), d.order()));
        }
        return byCode.values().stream().sorted(Comparator.comparingInt(FeeReductionCategory::order)
                .thenComparing(FeeReductionCategory::code)).toList();
    }

    /** The categories a citizen can declare now. */
    public List<FeeReductionCategory> declarableCategories() {
        return categories().stream().filter(c -> c.active() && c.declarable()).toList();
    }

    /**
     * The categories a household can declare now: {@link #declarableCategories()}, and the elderly reduction when one
     * of these participants is a dependant aged 65 or older (their birth date needs staff's review).
     */
    public List<FeeReductionCategory> declarableCategories(List<Participant> household) {
        LocalDate today = LocalDate.now(clock);
        boolean elderly = household.stream().anyMatch(p -> ElderlyReview.declarable(p, today));
        return categories().stream().filter(c -> c.active() && (c.declarable()
                || elderly && FeeReductionCategory.ELDERLY.equals(c.code()))).toList();
    }

    public Optional<FeeReductionCategory> category(String code) {
        return categories().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /**
     * Adds or changes a category (name, rate, active, order). The elderly category can never be declared.
     *
     * @throws InvalidInputException per field
     */
    @PreAuthorize("hasRole('ADMIN')")
    public FeeReductionCategory saveCategory(FeeReductionCategory c) {
        List<FieldProblem> problems = new ArrayList<>();
        if (c.code() == null || !CODE.matcher(c.code()).matches()) {
            problems.add(FieldProblem.of("code", "feeReduction.code.invalid"));
        }
        if (c.nameKo() == null || c.nameKo().isBlank() || c.nameKo().length() > 50) {
            problems.add(FieldProblem.of("nameKo", "feeReduction.name.required"));
        }
        if (c.nameEn() == null || c.nameEn().isBlank() || c.nameEn().length() > 50) {
            problems.add(FieldProblem.of("nameEn", "feeReduction.name.required"));
        }
        if (c.ratePercent() < 0 || c.ratePercent() > 100) {
            problems.add(FieldProblem.of("ratePercent", "feeReduction.rate.range"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean declarable = !FeeReductionCategory.ELDERLY.equals(c.code()) && c.declarable();
        categories.save(new FeeReductionCategoryDocument(c.code(), c.nameKo().strip(), c.nameEn().strip(), c.ratePercent(),
                declarable, c.active(), c.order()));
        cachedCategories.forget();
        log.info("{} set fee-reduction category {} to {}% (active {})", currentUser.require().getUsername(), c.code(),
                c.ratePercent(), c.active());
        return category(c.code()).orElseThrow();
    }
}
