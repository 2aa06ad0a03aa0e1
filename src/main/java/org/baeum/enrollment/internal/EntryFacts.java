package org.baeum.enrollment.internal;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.baeum.account.AccountId;
import org.baeum.account.AccountService;
import org.baeum.account.Account;
import org.baeum.account.AgeBand;
import org.baeum.account.District;
import org.baeum.account.Participant;
import org.baeum.base.domain.ShortLived;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.Term;
import org.baeum.catalog.TermType;
import org.baeum.enrollment.ParticipationFacts;
import org.springframework.stereotype.Component;

/**
 * Makes the reporting facts of a new entry ({@link ParticipationFacts}): the year and age band of the offering's first
 * session day, the household's district (given by the caller, who has usually read the account already) and whether it
 * is the centre's own, the fee's reduction category, the program's audience and the term's type. Terms are read at most
 * once a minute ({@link ShortLived}); a term this node has not seen yet is read at once.
 */
@Component
public class EntryFacts {

    private final AccountService accounts;
    private final ParticipationSettings settings;
    private final ShortLived<Map<String, TermType>> terms;

    EntryFacts(CatalogService catalog, AccountService accounts, ParticipationSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
        this.terms = new ShortLived<>(Duration.ofMinutes(1), () -> catalog.terms().stream()
                .filter(t -> t.type() != null).collect(Collectors.toMap(t -> t.id().value(), Term::type, (a, b) -> a)));
    }

    /** The facts of a new entry of {@code p} in {@code o}, with the household's {@code district} (null: not known). */
    public ParticipationFacts of(Offering o, Participant p, District district, String reductionCode) {
        return new ParticipationFacts(o.ageDay().getYear(), p.id().value(), AgeBand.of(p.birthDate(), o.ageDay()),
                district, resident(district), reductionCode, o.program().audience(), termType(o.termId().value()));
    }

    /** Whether a household of {@code district} lives in the centre's own district ({@code BAEUM_HOME_DISTRICT}). */
    public boolean resident(District district) {
        return district != null && district == settings.homeDistrict();
    }

    /** The type of the term, or null when the catalog has no such term (any more). */
    public TermType termType(String termId) {
        TermType type = terms.get().get(termId);
        if (type == null) { // a term made since the last read (here or on another node): read once more
            terms.forget();
            type = terms.get().get(termId);
        }
        return type;
    }

    /**
     * The household's district now, read as the system (one read: for paths that have not read the account yet);
     * null when the account is gone or has none.
     */
    public District districtOf(AccountId household) {
        return SystemIdentity.call(() -> accounts.account(household)).map(Account::district).orElse(null);
    }

    /** A new random person key: for a participant whose entries must no longer lead to them. */
    public static String randomPerson() {
        return "anon-" + UUID.randomUUID();
    }
}
