package org.baeum.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.baeum.base.i18n.BaeumI18NProvider;
import org.junit.jupiter.api.Test;

/** Refusals that name a time read it in Seoul time, in both languages (MessageFormat cannot format an Instant). */
class EnrollmentRefusedExceptionTest {

    private final BaeumI18NProvider texts = new BaeumI18NProvider();

    @Test
    void a_window_that_opens_later_says_when_in_seoul_time() {
        var refused = new EnrollmentRefusedException(EnrollmentRefusedException.Reason.NOT_OPEN,
                Instant.parse("2026-11-24T01:00:00Z"));
        assertThat(texts.getTranslation(refused.messageKey(), Locale.KOREAN, refused.arguments(Locale.KOREAN)))
                .isEqualTo("신청은 2026. 11. 24. (화) 10:00에 시작합니다.");
        assertThat(texts.getTranslation(refused.messageKey(), Locale.ENGLISH, refused.arguments(Locale.ENGLISH)))
                .isEqualTo("Registration opens at Tue, Nov 24, 2026 10:00.");
    }

    @Test
    void a_passed_cancel_cut_off_names_it_and_other_arguments_stay_as_they_are() {
        var late = new EnrollmentRefusedException(EnrollmentRefusedException.Reason.CANCEL_CUTOFF,
                Instant.parse("2026-12-01T09:30:00Z"));
        assertThat(texts.getTranslation(late.messageKey(), Locale.KOREAN, late.arguments(Locale.KOREAN)))
                .contains("2026. 12. 1. (화) 18:30");
        var cap = new EnrollmentRefusedException(EnrollmentRefusedException.Reason.CAP_REACHED, 2);
        assertThat(texts.getTranslation(cap.messageKey(), Locale.KOREAN, cap.arguments(Locale.KOREAN))).contains("2개");
    }
}
