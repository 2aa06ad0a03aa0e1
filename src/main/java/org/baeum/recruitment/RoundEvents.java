package org.baeum.recruitment;

/** What happened to a round, for other features (past tense, published after the change is stored). */
public final class RoundEvents {

    private RoundEvents() {
    }

    /** The round's draw is stored and its seed published: enrolment places winners and losers (decision 0029). */
    public record RoundDrawn(RoundId round) {
    }
}
