package org.baeum.catalog.internal;

import org.baeum.base.demo.DemoDataContributor;
import org.baeum.catalog.RoomKind;
import org.springframework.stereotype.Component;

/**
 * The two buildings of 마포평생학습관 as the centre's report describes them (addresses, nearest stations) and
 * their rooms: lifelong-learning rooms, study rooms, the small auditorium, digital seats, the gallery and a
 * room for learning clubs.
 */
@Component
class CatalogDemoData implements DemoDataContributor {

    private final BranchRepository branches;
    private final DemoCatalog catalog;

    CatalogDemoData(BranchRepository branches, DemoCatalog catalog) {
        this.branches = branches;
        this.catalog = catalog;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void contribute(DemoContext context) {
        buildings();
        catalog.create();
    }

    private void buildings() {
        branches.save(new BranchRepository.BranchDocument("main", "본관", "Main building", "서울 마포구 홍익로2길 16",
                "홍대입구역 7번 출구", "Hongik Univ. Station, exit 7", "", 1));
        branches.save(new BranchRepository.BranchDocument("ahyeon", "아현분관", "Ahyeon branch", "서울 마포구 마포대로 224",
                "공덕역 3번 출구", "Gongdeok Station, exit 3", "", 2));

        room("main-ll-1", "main", "평생학습실 1", "Learning room 1", RoomKind.LIFELONG_LEARNING_ROOM, 30, "3F", true, 1);
        room("main-ll-2", "main", "평생학습실 2", "Learning room 2", RoomKind.LIFELONG_LEARNING_ROOM, 24, "3F", true, 2);
        room("main-ll-3", "main", "평생학습실 3 (컴퓨터실)", "Learning room 3 (computers)", RoomKind.LIFELONG_LEARNING_ROOM, 20, "4F", true, 3);
        room("main-study-1", "main", "자율학습실 1", "Study room 1", RoomKind.STUDY_ROOM, 120, "2F", true, 4);
        room("main-study-2", "main", "자율학습실 2", "Study room 2", RoomKind.STUDY_ROOM, 96, "2F", true, 5);
        room("main-auditorium", "main", "소강당", "Small auditorium", RoomKind.SMALL_AUDITORIUM, 150, "B1", true, 6);
        room("main-digital", "main", "디지털자료실 좌석", "Digital seats", RoomKind.DIGITAL_SEATS, 40, "1F", true, 7);
        room("main-gallery", "main", "마포갤러리", "Mapo Gallery", RoomKind.GALLERY, 0, "1F", true, 8);
        room("main-club", "main", "학습동아리방", "Learning club room", RoomKind.CLUB_ROOM, 12, "4F", true, 9);
        room("main-pool", "main", "수영장 (25m 6레인)", "Swimming pool (25 m, 6 lanes)", RoomKind.SWIMMING_POOL, 60, "B2", true, 10);
        room("main-gym", "main", "헬스장", "Gym", RoomKind.GYM, 40, "B1", true, 11);

        room("ahyeon-ll-1", "ahyeon", "평생학습실", "Learning room", RoomKind.LIFELONG_LEARNING_ROOM, 24, "2F", false, 1);
        room("ahyeon-literacy", "ahyeon", "늘푸른교실", "Neulpureun classroom", RoomKind.LIFELONG_LEARNING_ROOM, 20, "2F", false, 2);
        room("ahyeon-study", "ahyeon", "자율학습실", "Study room", RoomKind.STUDY_ROOM, 60, "3F", false, 3);
        room("ahyeon-digital", "ahyeon", "디지털좌석", "Digital seats", RoomKind.DIGITAL_SEATS, 12, "1F", true, 4);
    }

    private void room(String id, String branch, String ko, String en, RoomKind kind, int seats, String floor,
                      boolean stepFree, int order) {
        branches.save(new BranchRepository.RoomDocument(id, branch, ko, en, kind, seats, floor, stepFree, order));
    }
}
