package org.baeum.catalog.internal;

import java.util.Map;

/**
 * What learners bring (준비물) to some demo programs, by program id ({@code demo-<key>} of {@link DemoCatalog}):
 * {Korean, English}. Programs not listed have nothing to bring. Read by the demo catalog when it saves its programs.
 */
final class DemoWhatToBring {

    private DemoWhatToBring() {
    }

    static final Map<String, String[]> BY_PROGRAM = Map.ofEntries(
            Map.entry("demo-swim-beginner", new String[]{"수영복, 수모, 물안경, 세면도구",
                    "Swimsuit, swim cap, goggles, toiletries"}),
            Map.entry("demo-swim-intermediate", new String[]{"수영복, 수모, 물안경, 오리발(접영 수업)",
                    "Swimsuit, swim cap, goggles, fins (butterfly lessons)"}),
            Map.entry("demo-aqua", new String[]{"수영복, 수모, 물병", "Swimsuit, swim cap, a water bottle"}),
            Map.entry("demo-survival-swim", new String[]{"수영복, 수모, 물안경, 갈아입을 옷 (구명조끼는 센터에서 빌려 드립니다)",
                    "Swimsuit, swim cap, goggles, a change of clothes (life jackets are lent by the centre)"}),
            Map.entry("demo-ahyeon-yoga", new String[]{"요가 매트, 편한 옷, 물병", "Yoga mat, comfortable clothes, a water bottle"}),
            Map.entry("demo-senior-exercise", new String[]{"편한 옷과 운동화, 물병", "Comfortable clothes and trainers, a water bottle"}),
            Map.entry("demo-calligraphy", new String[]{"붓펜(중·세필), 연습지, 필통 (붓과 벼루는 첫 수업에 안내합니다)",
                    "Brush pens (medium and fine), practice paper, a pencil case (brush and inkstone explained in the first class)"}),
            Map.entry("demo-watercolor", new String[]{"수채화 물감, 붓 2~3자루, 수채화 용지(A4), 물통",
                    "Watercolour paints, 2–3 brushes, watercolour paper (A4), a water pot"}),
            Map.entry("demo-ukulele", new String[]{"우쿨렐레(소프라노 또는 콘서트), 튜너", "A ukulele (soprano or concert), a tuner"}),
            Map.entry("demo-digital-literacy", new String[]{"본인 스마트폰(충전된 상태), 돋보기 안경(쓰시는 분)",
                    "Your own smartphone, charged; reading glasses if you use them"}),
            Map.entry("demo-photo", new String[]{"스마트폰 또는 카메라", "A smartphone or camera"}));

    /** {Korean, English}, or {null, null} when the program has nothing to bring. */
    static String[] of(String programId) {
        return BY_PROGRAM.getOrDefault(programId, new String[]{null, null});
    }
}
