package org.baeum.attendance.certificate;

import java.time.LocalDate;
import org.baeum.account.AccountId;
import org.baeum.account.ParticipantId;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.SystemIdentity;

/** Issues certificates for tests, as the portal itself. */
public final class CertificateFixture {

    private CertificateFixture() {
    }

    /** A draft for the citizen themself: 36 hours, 11 sessions of a literacy class. */
    public static CertificateDraft draft(BaeumUser citizen, String name) {
        return new CertificateDraft(new AccountId(citizen.accountId()), new ParticipantId(citizen.accountId()), name,
                LocalDate.of(1948, 3, 15), "늘푸른학교 초등 문해 과정", "Evergreen School elementary literacy course",
                "2026년 2학기", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 27), 36, 11, "서울시 배움 평생학습관");
    }

    public static Certificate issue(Certificates certificates, BaeumUser citizen, String name) {
        return SystemIdentity.call(() -> certificates.issue(draft(citizen, name)));
    }
}
