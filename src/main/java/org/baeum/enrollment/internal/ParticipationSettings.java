package org.baeum.enrollment.internal;

import org.baeum.account.District;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the reporting facts of an enrolment need to know about the centre ({@code baeum.reports.*}, environment
 * variables in README).
 *
 * @param homeDistrict {@code BAEUM_HOME_DISTRICT}: the centre's own district; a household living there is resident
 *                     (관내) in reports (default {@code MAPO})
 */
@ConfigurationProperties("baeum.reports")
public record ParticipationSettings(District homeDistrict) {

    public ParticipationSettings {
        homeDistrict = homeDistrict == null ? District.MAPO : homeDistrict;
    }
}
