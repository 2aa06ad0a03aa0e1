package org.baeum.recruitment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.baeum.account.AccountService;
import org.baeum.account.District;
import org.baeum.account.EligibilityService;
import org.baeum.account.FeeReduction;
import org.baeum.account.Participant;
import org.baeum.recruitment.draw.DrawRecord;
import org.baeum.recruitment.internal.ApplicationDocument;
import org.baeum.recruitment.internal.ApplicationRepository;
import org.baeum.recruitment.internal.DrawRepository;
import org.baeum.recruitment.internal.RoundDocument;
import org.springframework.stereotype.Component;

/**
 * What an application is entitled to in the draw, decided once when it is made (decision 0028, "Reserved eligibility,
 * second entries and the offerings' phases"), as the applying citizen:
 * <ul>
 *   <li>{@link #reserved}: every participant it covers holds a verified fee reduction of a category the round names,
 *   valid on the lottery's last day, or the household lives in a district the round names;</li>
 *   <li>{@link #weight}: 2 when the round gives second entries and every participant it covers was in an application
 *   of the round's previous round that lost in that round's stored draw; else 1.</li>
 * </ul>
 */
@Component
class Entitlements {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final EligibilityService eligibility;
    private final AccountService accounts;
    private final ApplicationRepository applications;
    private final DrawRepository draws;

    Entitlements(EligibilityService eligibility, AccountService accounts, ApplicationRepository applications,
                 DrawRepository draws) {
        this.eligibility = eligibility;
        this.accounts = accounts;
        this.applications = applications;
        this.draws = draws;
    }

    /**
     * Whether every participant covered is eligible for the round's reserved share; false when the round has none.
     * The caller is the household's holder: the district is their account's, where the whole household lives.
     */
    boolean reserved(RoundDocument round, List<Participant> covered) {
        ReservedShare share = round.reserved();
        if (share == null || share.percent() <= 0 || covered.isEmpty()) {
            return false;
        }
        if (!share.districts().isEmpty()) {
            District district = accounts.myAccount().district();
            if (district != null && share.districts().contains(district.name())) {
                return true;
            }
        }
        if (share.categories().isEmpty()) {
            return false;
        }
        LocalDate day = lastLotteryDay(round);
        Set<String> categories = Set.copyOf(share.categories());
        return covered.stream().allMatch(p -> eligibility.reductionsFor(p.id(), day).stream()
                .map(FeeReduction::category).anyMatch(categories::contains));
    }

    /** The day (in Seoul) of the lottery phase's last open instant: a reduction must be valid then. */
    static LocalDate lastLotteryDay(RoundDocument round) {
        RoundPhase lottery = round.phases().stream().filter(p -> p.kind() == RoundPhaseKind.LOTTERY).findFirst().orElseThrow();
        return LocalDate.ofInstant(lottery.closesAt().minusNanos(1), SEOUL);
    }

    /** 1, or 2 for a second entry (see the class comment); 1 while the previous round has no stored draw. */
    int weight(RoundDocument round, List<Participant> covered) {
        if (!Boolean.TRUE.equals(round.secondEntryForPreviousLosers()) || round.previousRound() == null || covered.isEmpty()) {
            return 1;
        }
        Optional<DrawRecord> previous = draws.find(round.previousRound());
        if (previous.isEmpty()) {
            return 1;
        }
        Map<String, Boolean> won = new HashMap<>();
        previous.get().results().forEach(r -> won.put(r.number(), r.won()));
        Set<String> lost = new HashSet<>();
        List<String> ids = covered.stream().map(p -> p.id().value()).toList();
        for (ApplicationDocument a : applications.activeCovering(round.previousRound(), ids)) {
            // in the stored draw at all means it was submitted at the close; withdrawn ones are not found here
            if (Boolean.FALSE.equals(won.get(a.number()))) {
                lost.addAll(a.participantIds());
            }
        }
        return lost.containsAll(ids) ? 2 : 1;
    }
}
