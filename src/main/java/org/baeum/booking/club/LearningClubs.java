package org.baeum.booking.club;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.CurrentUser;
import org.baeum.booking.club.internal.ClubRepository;
import org.baeum.booking.club.internal.ClubRepository.StoredClub;
import org.baeum.catalog.CatalogService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Learning clubs (학습동아리, decision 0045): a citizen registers one and leads it; other citizens join with the join
 * code its leader gives them (no one looks up anyone by e-mail, so nothing tells whether an address has an account);
 * STAFF approve or refuse it. Leaders change their club, leader and members see it, no one else does.
 */
@Service
public class LearningClubs {

    private static final Logger log = LoggerFactory.getLogger(LearningClubs.class);
    static final String CITIZEN = "hasRole('CITIZEN')";
    static final String STAFF = "hasAnyRole('STAFF','ADMIN')";
    public static final int MAX_NAME = 60;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_REASON = 200;
    /** Join codes: 10 letters and digits without look-alikes (0/O, 1/I/L), about 50 bits. */
    private static final String CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClubRepository clubs;
    private final CatalogService catalog;
    private final CurrentUser currentUser;
    private final Clock clock;

    LearningClubs(ClubRepository clubs, CatalogService catalog, CurrentUser currentUser, Clock clock) {
        this.clubs = clubs;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Registers a club led by the signed-in citizen: REGISTERED until STAFF decide.
     *
     * @throws InvalidInputException at {@code name} (required, at most {@value #MAX_NAME}, taken in the branch),
     *                               {@code description} (at most {@value #MAX_DESCRIPTION}), {@code branchId}
     */
    @PreAuthorize(CITIZEN)
    public LearningClub register(ClubDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = draft == null || draft.name() == null ? "" : draft.name().strip();
        String description = draft == null || draft.description() == null ? "" : draft.description().strip();
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("name", "validation.required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(FieldProblem.of("name", "validation.tooLong", MAX_NAME));
        }
        if (description.length() > MAX_DESCRIPTION) {
            problems.add(FieldProblem.of("description", "validation.tooLong", MAX_DESCRIPTION));
        }
        String branchId = draft == null ? null : draft.branchId();
        if (branchId == null || branchId.isBlank()) {
            problems.add(FieldProblem.of("branchId", "validation.required"));
        } else if (catalog.branches().stream().noneMatch(b -> b.id().value().equals(branchId))) {
            problems.add(FieldProblem.of("branchId", "validation.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        BaeumUser me = currentUser.require();
        String id = "club-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            clubs.insert(new StoredClub(id, name, description, branchId, me.accountId(), me.displayName(), List.of(),
                    ClubStatus.REGISTERED, null, newCode(), Instant.now(clock)));
        } catch (DuplicateKeyException taken) {
            throw InvalidInputException.of("name", "club.error.nameTaken");
        }
        log.info("Club {} registered in branch {} by account {}", id, branchId, me.accountId());
        return view(clubs.find(id).orElseThrow());
    }

    /** The clubs the signed-in citizen leads or belongs to, by name. */
    @PreAuthorize(CITIZEN)
    public List<LearningClub> mine() {
        return clubs.ofAccount(currentUser.require().accountId()).stream().map(this::view).toList();
    }

    /** One club: its leader and members, and STAFF. */
    @PreAuthorize(STAFF + " or " + CITIZEN + " and @clubAccess.belongs(#clubId)")
    public Optional<LearningClub> club(String clubId) {
        return clubs.find(clubId).map(this::view);
    }

    /**
     * Joins the club with that code as a member.
     *
     * @throws InvalidInputException at {@code code}: no club has it (or it was refused), the citizen is in it already,
     *                               or it is full
     */
    @PreAuthorize(CITIZEN)
    public LearningClub join(String code) {
        String cleaned = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT).replace("-", "");
        if (cleaned.isEmpty()) {
            throw InvalidInputException.of("code", "validation.required");
        }
        BaeumUser me = currentUser.require();
        Optional<StoredClub> joined = clubs.join(cleaned, new ClubMember(me.accountId(), me.displayName(),
                Instant.now(clock)));
        if (joined.isEmpty()) {
            Optional<StoredClub> club = clubs.byJoinCode(cleaned);
            boolean inIt = club.map(c -> c.leaderId().equals(me.accountId())
                    || c.members().stream().anyMatch(m -> m.accountId().equals(me.accountId()))).orElse(false);
            throw InvalidInputException.of("code", inIt ? "club.error.already"
                    : club.isPresent() && club.get().status() != ClubStatus.REFUSED ? "club.error.full"
                    : "club.error.code");
        }
        log.info("Account {} joined club {}", me.accountId(), joined.get().id());
        return view(joined.get());
    }

    /** A member leaves the club (its leader cannot: the club would have none). */
    @PreAuthorize(CITIZEN + " and @clubAccess.belongs(#clubId)")
    public void leave(String clubId) {
        String me = currentUser.require().accountId();
        if (!clubs.removeMember(clubId, me)) {
            throw InvalidInputException.of("member", "club.error.leaderStays");
        }
        log.info("Account {} left club {}", me, clubId);
    }

    /** The leader takes a member out of the club. */
    @PreAuthorize(CITIZEN + " and @clubAccess.leads(#clubId)")
    public LearningClub removeMember(String clubId, String memberAccountId) {
        if (memberAccountId == null || !clubs.removeMember(clubId, memberAccountId)) {
            throw InvalidInputException.of("member", "validation.unknown");
        }
        log.info("Account {} taken out of club {} by its leader", memberAccountId, clubId);
        return view(clubs.find(clubId).orElseThrow());
    }

    /** The leader gives the club a new join code; the old one stops working (members stay). */
    @PreAuthorize(CITIZEN + " and @clubAccess.leads(#clubId)")
    public LearningClub newJoinCode(String clubId) {
        String code = newCode();
        clubs.changeJoinCode(clubId, code);
        log.info("Club {} has a new join code", clubId);
        return view(clubs.find(clubId).orElseThrow());
    }

    // ---- STAFF ---------------------------------------------------------------------------------------------

    /** Clubs waiting for a decision, oldest first. */
    @PreAuthorize(STAFF)
    public List<LearningClub> pending() {
        return clubs.inStatus(ClubStatus.REGISTERED).stream().map(this::view).toList();
    }

    /** Approves a registered club; its leader may then request recurring slots. */
    @PreAuthorize(STAFF)
    public LearningClub approve(String clubId) {
        decide(clubId, ClubStatus.APPROVED, null);
        return view(clubs.find(clubId).orElseThrow());
    }

    /**
     * Refuses a registered club with a reason its leader sees.
     *
     * @throws InvalidInputException at {@code reason} (required, at most {@value #MAX_REASON})
     */
    @PreAuthorize(STAFF)
    public LearningClub refuse(String clubId, String reason) {
        decide(clubId, ClubStatus.REFUSED, checkedReason(reason));
        return view(clubs.find(clubId).orElseThrow());
    }

    static String checkedReason(String reason) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw InvalidInputException.of("reason", "validation.required");
        }
        if (r.length() > MAX_REASON) {
            throw InvalidInputException.of("reason", "validation.tooLong", MAX_REASON);
        }
        return r;
    }

    private void decide(String clubId, ClubStatus to, String reason) {
        String by = currentUser.require().getUsername();
        if (clubId == null || !clubs.decide(clubId, to, reason, by, Instant.now(clock))) {
            throw InvalidInputException.of("club", "club.error.decided");
        }
        log.info("Club {} {} by {}", clubId, to, by);
    }

    private LearningClub view(StoredClub c) {
        boolean leader = currentUser.get().map(u -> u.accountId().equals(c.leaderId())).orElse(false);
        return new LearningClub(c.id(), c.name(), c.description(), c.branchId(), c.leaderId(), c.leaderName(),
                c.members(), c.status(), c.refusalReason(), leader ? c.joinCode() : null, c.createdAt());
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_LETTERS.charAt(RANDOM.nextInt(CODE_LETTERS.length())));
        }
        return code.toString();
    }
}
