package org.baeum.catalog.internal;

import static org.baeum.catalog.LearningArea.CAREER_DEVELOPMENT;
import static org.baeum.catalog.LearningSubcategory.ARTS_ADVANCEMENT;
import static org.baeum.catalog.LearningSubcategory.BASIC_LIFE_SKILLS;
import static org.baeum.catalog.LearningSubcategory.CERTIFICATION;
import static org.baeum.catalog.LearningSubcategory.CIVIC_ACTIVITY;
import static org.baeum.catalog.LearningSubcategory.CIVIC_RESPONSIBILITY;
import static org.baeum.catalog.LearningSubcategory.EVERYDAY_ARTS;
import static org.baeum.catalog.LearningSubcategory.FUNCTIONAL_LITERACY;
import static org.baeum.catalog.LearningSubcategory.HEALTH_MIND;
import static org.baeum.catalog.LearningSubcategory.HIGH;
import static org.baeum.catalog.LearningSubcategory.HUMANITIES;
import static org.baeum.catalog.LearningSubcategory.JOB_PREPARATION;
import static org.baeum.catalog.LearningSubcategory.LEISURE_SPORTS;
import static org.baeum.catalog.LearningSubcategory.LITERACY_ACCOUNT;
import static org.baeum.catalog.LearningSubcategory.LITERACY_BASICS;

import java.util.Map;
import java.util.Optional;
import org.baeum.catalog.Classification;

/**
 * Where each demo program sits in the national classification, by program id: the programs of {@link DemoCatalog}
 * ({@code demo-<key>}) and the three the attendance demo adds (it sets the same values itself; it may not read this
 * class). Read by the demo catalog when it saves its programs and by {@link DemoClassificationMigration} for a
 * database made before programs were classified.
 */
final class DemoClassifications {

    private DemoClassifications() {
    }

    static final Map<String, Classification> BY_PROGRAM = Map.ofEntries(
            // 평생학습교실 (3개월, 6개월)
            Map.entry("demo-calligraphy", Classification.of(EVERYDAY_ARTS)),
            Map.entry("demo-humanities", Classification.of(HUMANITIES)),
            Map.entry("demo-digital-literacy", Classification.of(FUNCTIONAL_LITERACY)),
            Map.entry("demo-kiosk", Classification.of(FUNCTIONAL_LITERACY)),
            Map.entry("demo-digital-citizen", Classification.of(CIVIC_RESPONSIBILITY)),
            Map.entry("demo-career-40", Classification.of(JOB_PREPARATION)),
            Map.entry("demo-barista", Classification.of(CERTIFICATION)),
            Map.entry("demo-midlife", Classification.of(CAREER_DEVELOPMENT)),
            Map.entry("demo-parents", Classification.of(HEALTH_MIND)),
            Map.entry("demo-book-club", Classification.of(CIVIC_ACTIVITY)),
            Map.entry("demo-watercolor", Classification.of(ARTS_ADVANCEMENT)),
            Map.entry("demo-english", Classification.of(FUNCTIONAL_LITERACY)),
            Map.entry("demo-ukulele", Classification.of(EVERYDAY_ARTS)),
            Map.entry("demo-computer-cert", Classification.of(CERTIFICATION)),
            Map.entry("demo-photo", Classification.of(EVERYDAY_ARTS)),
            Map.entry("demo-senior-exercise", Classification.of(LEISURE_SPORTS)),
            Map.entry("demo-korean-multicultural", Classification.of(BASIC_LIFE_SKILLS)),
            Map.entry("demo-art-together", Classification.of(EVERYDAY_ARTS)),
            Map.entry("demo-youth-career", Classification.of(CAREER_DEVELOPMENT)),
            Map.entry("demo-korean-history", Classification.of(HUMANITIES)),
            Map.entry("demo-writing", Classification.of(HUMANITIES)),
            Map.entry("demo-startup", Classification.of(JOB_PREPARATION)),
            // 청소년·어린이, 유아
            Map.entry("demo-coding-youth", Classification.of(FUNCTIONAL_LITERACY)),
            Map.entry("demo-kids-reading", Classification.of(HUMANITIES)),
            Map.entry("demo-out-of-school", Classification.of(HIGH)),
            Map.entry("demo-infant-play", Classification.of(EVERYDAY_ARTS)),
            Map.entry("demo-infant-books", Classification.of(HUMANITIES)),
            // 아현분관
            Map.entry("demo-ahyeon-smartphone", Classification.of(FUNCTIONAL_LITERACY)),
            Map.entry("demo-ahyeon-yoga", Classification.of(LEISURE_SPORTS)),
            Map.entry("demo-ahyeon-history", Classification.of(HUMANITIES)),
            // 늘푸른학교: 한글부터, 학력인정 단계는 문해학습계좌
            Map.entry("demo-literacy-elem-1", Classification.of(LITERACY_BASICS)),
            Map.entry("demo-literacy-elem-2", Classification.of(BASIC_LIFE_SKILLS)),
            Map.entry("demo-literacy-elem-3", Classification.of(LITERACY_ACCOUNT)),
            Map.entry("demo-literacy-middle", Classification.of(LITERACY_ACCOUNT)),
            // 체육시설
            Map.entry("demo-swim-beginner", Classification.of(LEISURE_SPORTS)),
            Map.entry("demo-swim-intermediate", Classification.of(LEISURE_SPORTS)),
            Map.entry("demo-aqua", Classification.of(LEISURE_SPORTS)),
            Map.entry("demo-survival-swim", Classification.of(LEISURE_SPORTS)),
            Map.entry("demo-gym", Classification.of(LEISURE_SPORTS)),
            Map.entry("demo-coaching", Classification.of(CAREER_DEVELOPMENT)),
            // the attendance demo's own programs (attendance.internal.AttendanceDemoData)
            Map.entry("demo-literacy-evening", Classification.of(LITERACY_BASICS)),
            Map.entry("demo-phone-photos", Classification.of(FUNCTIONAL_LITERACY)),
            Map.entry("demo-kiosk-practice", Classification.of(FUNCTIONAL_LITERACY)));

    static Optional<Classification> of(String programId) {
        return Optional.ofNullable(BY_PROGRAM.get(programId));
    }
}
