package org.baeum.facility.internal;

import org.baeum.base.demo.DemoDataContributor;
import org.baeum.facility.FacilityKind;
import org.springframework.stereotype.Component;

/** The main building's pool and gym, as the centre's report describes them. */
@Component
class FacilityDemoData implements DemoDataContributor {

    private final FacilityRepository facilities;

    FacilityDemoData(FacilityRepository facilities) {
        this.facilities = facilities;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void contribute(DemoContext context) {
        facilities.save(new FacilityRepository.FacilityDocument("main-pool", "main", FacilityKind.POOL,
                "수영장", "Swimming pool", 60,
                "초급·중급 정규반(연 4회 모집), 초등학생 생존수영 교육",
                "Regular beginner and intermediate classes (recruited four times a year), survival swimming for pupils"));
        facilities.save(new FacilityRepository.FacilityDocument("main-gym", "main", FacilityKind.GYM,
                "헬스장", "Gym", 40,
                "분기별 회원 모집(연 4회), 상시 운영",
                "Quarterly memberships (four rounds a year), open all year"));
    }
}
