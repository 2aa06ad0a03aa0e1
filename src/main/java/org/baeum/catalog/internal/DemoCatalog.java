package org.baeum.catalog.internal;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.baeum.catalog.AccessibilityFeature.LARGE_PRINT;
import static org.baeum.catalog.AccessibilityFeature.SIGN_LANGUAGE;
import static org.baeum.catalog.AccessibilityFeature.STEP_FREE;
import static org.baeum.catalog.Audience.ADULT;
import static org.baeum.catalog.Audience.INFANT;
import static org.baeum.catalog.Audience.SPORTS;
import static org.baeum.catalog.Audience.YOUTH_CHILDREN;
import static org.baeum.catalog.DeliveryFormat.HYBRID;
import static org.baeum.catalog.DeliveryFormat.ON_SITE;
import static org.baeum.catalog.PolicyDomain.ACCESS;
import static org.baeum.catalog.PolicyDomain.DIGITAL_CIVIC;
import static org.baeum.catalog.PolicyDomain.JOB_SKILLS;
import static org.baeum.catalog.PolicyDomain.LIFE_TRANSITION;
import static org.baeum.catalog.PolicyDomain.SUPPORT_SYSTEM;
import static org.baeum.catalog.ProgramKind.CLASS;
import static org.baeum.catalog.ProgramKind.CLUB;
import static org.baeum.catalog.ProgramKind.GYM_MEMBERSHIP;
import static org.baeum.catalog.ProgramKind.LECTURE;
import static org.baeum.catalog.ProgramKind.LITERACY;
import static org.baeum.catalog.ProgramKind.SPORTS_LESSON;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.AccessibilityFeature;
import org.baeum.catalog.Audience;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.CatalogValidationException;
import org.baeum.catalog.DeliveryFormat;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.OfferingDraft;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.ProgramDraft;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.catalog.TermDraft;
import org.baeum.catalog.TermId;
import org.baeum.catalog.TermType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo catalog: about 120 offerings built from the programs the source reports name (늘푸른학교, 수영 정규반,
 * 어린이 생존수영, 헬스장, 디지털 문해교육, 40대 직업전환, 중장년 인생설계, 독서동아리, 캘리그라피 …) over both branches, all
 * four audiences, the current and the next term. Dates are relative to the day of first start: current
 * terms are running, next terms recruit now (first-come or lottery) or open in a few days; the lotteries of next
 * terms (수영 정규반, 헬스장, 인문학) recruit in two phases, a draw then first come for the seats left. Everything goes
 * through {@link CatalogService} as the system identity, so the demo obeys the same rules as staff (no room
 * or instructor double-booked, capacity within the room's seats, holidays skipped).
 */
@Component
class DemoCatalog {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    enum Series { THREE_MONTH, SIX_MONTH, YEAR_LONG, QUARTERLY }

    /** A program and how it is scheduled: which rooms it may use, on which days, how long, how many sections. */
    record Spec(String key, String titleKo, String titleEn, PolicyDomain domain, Audience audience, ProgramKind kind,
                Integer minAge, Integer maxAge, String branch, long fee, DeliveryFormat format,
                Set<AccessibilityFeature> access, String instructorId, String instructorName, String descriptionKo,
                String descriptionEn, Series series, List<String> rooms, List<Set<DayOfWeek>> patterns,
                List<LocalTime> starts, int minutes, int capacity, int sectionsPerTerm, RecruitmentMethod method) {
    }

    private static final List<LocalTime> CLASS_TIMES = List.of(LocalTime.of(10, 0), LocalTime.of(13, 30),
            LocalTime.of(15, 30), LocalTime.of(19, 0));
    private static final List<LocalTime> POOL_TIMES = List.of(LocalTime.of(6, 0), LocalTime.of(7, 0), LocalTime.of(8, 0),
            LocalTime.of(10, 0), LocalTime.of(11, 0), LocalTime.of(19, 0), LocalTime.of(20, 0), LocalTime.of(21, 0));
    private static final Set<DayOfWeek> MON_WED = EnumSet.of(MONDAY, WEDNESDAY);
    private static final Set<DayOfWeek> TUE_THU = EnumSet.of(TUESDAY, THURSDAY);
    private static final Set<DayOfWeek> MON_WED_FRI = EnumSet.of(MONDAY, WEDNESDAY, FRIDAY);
    private static final Set<DayOfWeek> FRI = EnumSet.of(FRIDAY);
    private static final Set<DayOfWeek> SAT = EnumSet.of(SATURDAY);
    private static final Set<DayOfWeek> WED = EnumSet.of(WEDNESDAY);
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(MONDAY, FRIDAY);
    private static final List<String> MAIN_ROOMS = List.of("main-ll-1", "main-ll-2");
    private static final List<String> AHYEON_ROOMS = List.of("ahyeon-ll-1");
    private static final Set<AccessibilityFeature> NONE = Set.of();

    static final List<Spec> SPECS = List.of(
            // 평생학습교실, 3개월 (본관)
            spec("calligraphy", "캘리그라피 기초", "Calligraphy for beginners", SUPPORT_SYSTEM, ADULT, CLASS, 19, null, "main", 60_000, ON_SITE, Set.of(STEP_FREE), "inst-jung", "정서예", "붓펜으로 쓰는 손글씨. 학습동아리 '담다'와 함께 전시합니다.", "Hand lettering with brush pens; exhibited with the learning club 'Damda'.", Series.THREE_MONTH, MAIN_ROOMS, List.of(TUE_THU), 120, 20, 2),
            spec("humanities", "인문학 강좌: 고전 다시 읽기", "Humanities: rereading the classics", SUPPORT_SYSTEM, ADULT, LECTURE, 19, null, "main", 30_000, HYBRID, Set.of(STEP_FREE, SIGN_LANGUAGE), "inst-han", "한인문", "논어에서 데미안까지, 함께 읽고 토론합니다.", "From the Analects to Demian: read and discuss together.", Series.THREE_MONTH, List.of("main-auditorium"), List.of(WED), 120, 80, 1),
            spec("digital-literacy", "디지털 문해교육: 스마트폰 첫걸음", "Digital literacy: first steps with a smartphone", DIGITAL_CIVIC, ADULT, CLASS, 60, null, "main", 0, ON_SITE, Set.of(STEP_FREE, LARGE_PRINT), "demo-instructor", "이강사", "전화·문자·사진·카카오톡, 천천히 반복해서 배웁니다. 큰 글씨 교재를 드립니다.", "Calls, messages, photos and KakaoTalk, slowly and with repetition. Large-print handouts.", Series.THREE_MONTH, List.of("main-ll-3"), List.of(MON_WED, TUE_THU), 90, 16, 2),
            spec("kiosk", "디지털 문해교육: 키오스크·모바일 뱅킹", "Digital literacy: kiosks and mobile banking", DIGITAL_CIVIC, ADULT, CLASS, 60, null, "main", 0, ON_SITE, Set.of(STEP_FREE, LARGE_PRINT), "inst-yoon", "윤디지", "식당 주문기, 기차표 예매, 은행 앱을 직접 해 봅니다.", "Practise restaurant kiosks, train tickets and banking apps.", Series.THREE_MONTH, List.of("main-ll-3"), List.of(FRI), 120, 16, 1),
            spec("digital-citizen", "디지털 시민성: 가짜뉴스 가려내기", "Digital citizenship: spotting fake news", DIGITAL_CIVIC, ADULT, LECTURE, 19, null, "main", 20_000, HYBRID, Set.of(STEP_FREE), "inst-seo", "서미디어", "정보의 출처를 확인하고 안전하게 소통하는 법.", "Check sources and communicate safely online.", Series.THREE_MONTH, MAIN_ROOMS, List.of(MON_WED), 120, 24, 1),
            spec("career-40", "40대 특화 직업전환: 데이터 분석 입문", "Career change in your 40s: data analysis", JOB_SKILLS, ADULT, CLASS, 40, 49, "main", 90_000, ON_SITE, NONE, "inst-kang", "강데이터", "엑셀과 파이썬으로 업무 데이터를 다루는 직업전환 과정.", "A career-change course in handling work data with Excel and Python.", Series.THREE_MONTH, List.of("main-ll-3"), List.of(TUE_THU), 150, 20, 1),
            spec("barista", "바리스타 자격 준비", "Barista certificate preparation", JOB_SKILLS, ADULT, CLASS, 19, null, "main", 120_000, ON_SITE, Set.of(STEP_FREE), "inst-oh", "오커피", "에스프레소 추출부터 실기시험 준비까지.", "From espresso extraction to the practical exam.", Series.THREE_MONTH, MAIN_ROOMS, List.of(SAT), 180, 12, 1),
            spec("midlife", "중장년 인생설계학교", "Life design school for 50+", LIFE_TRANSITION, ADULT, CLASS, 50, 64, "main", 30_000, ON_SITE, Set.of(STEP_FREE), "inst-moon", "문설계", "은퇴 이후의 일, 배움, 관계를 설계합니다.", "Plan work, learning and relationships after retirement.", Series.THREE_MONTH, MAIN_ROOMS, List.of(WED), 120, 24, 2),
            spec("parents", "학부모 교육: 사춘기 자녀와 대화하기", "Parents: talking with teenagers", SUPPORT_SYSTEM, ADULT, LECTURE, 19, null, "main", 0, HYBRID, Set.of(STEP_FREE, SIGN_LANGUAGE), "inst-bae", "배상담", "청소년 상담 전문가와 함께하는 학부모 특강.", "Talks for parents with a youth counsellor.", Series.THREE_MONTH, List.of("main-auditorium"), List.of(SAT), 120, 100, 1),
            spec("book-club", "생애주기별 독서동아리", "Reading clubs for every age", SUPPORT_SYSTEM, ADULT, CLUB, 19, null, "main", 0, ON_SITE, Set.of(STEP_FREE), "inst-shin", "신책방", "한 달에 두 권, 함께 읽고 이야기합니다.", "Two books a month, read and talked over together.", Series.THREE_MONTH, List.of("main-club"), List.of(TUE_THU, FRI), 120, 12, 2),
            spec("watercolor", "수채화로 그리는 마포", "Watercolours of Mapo", SUPPORT_SYSTEM, ADULT, CLASS, 19, null, "main", 50_000, ON_SITE, Set.of(STEP_FREE), "inst-im", "임그림", "동네 풍경을 그리고 마포갤러리에서 전시합니다.", "Paint the neighbourhood; exhibit in the Mapo Gallery.", Series.THREE_MONTH, MAIN_ROOMS, List.of(MON_WED, FRI), 120, 18, 2),
            spec("english", "생활 영어 회화", "Everyday English conversation", SUPPORT_SYSTEM, ADULT, CLASS, 19, null, "main", 45_000, ON_SITE, NONE, "inst-choi", "최영어", "여행과 일상에서 바로 쓰는 영어.", "English for travel and daily life.", Series.THREE_MONTH, MAIN_ROOMS, List.of(TUE_THU, MON_WED), 90, 20, 2),
            spec("ukulele", "우쿨렐레 합주", "Ukulele ensemble", SUPPORT_SYSTEM, ADULT, CLASS, 19, null, "main", 40_000, ON_SITE, Set.of(STEP_FREE), "inst-song", "송음악", "처음 잡는 악기로 한 학기에 세 곡.", "Three songs in a term on your first instrument.", Series.THREE_MONTH, List.of("main-club"), List.of(MON_WED), 90, 12, 1),
            spec("computer-cert", "컴퓨터활용능력 2급 실기", "Computer skills certificate, level 2", JOB_SKILLS, ADULT, CLASS, 19, null, "main", 70_000, ON_SITE, NONE, "inst-jeon", "전엑셀", "스프레드시트 실기 시험을 준비합니다.", "Prepare the spreadsheet practical exam.", Series.THREE_MONTH, List.of("main-ll-3"), List.of(MON_WED, SAT), 120, 20, 1),
            spec("photo", "사진으로 기록하는 일상", "Recording everyday life in photos", SUPPORT_SYSTEM, ADULT, CLASS, 19, null, "main", 40_000, ON_SITE, Set.of(STEP_FREE), "inst-ahn", "안사진", "스마트폰 카메라로 동네를 기록하고 전시합니다.", "Record the neighbourhood with a phone camera and exhibit it.", Series.THREE_MONTH, MAIN_ROOMS, List.of(FRI, SAT), 120, 18, 1),
            spec("senior-exercise", "어르신 건강 체조", "Gentle exercise for seniors", LIFE_TRANSITION, ADULT, CLASS, 65, null, "main", 0, ON_SITE, Set.of(STEP_FREE, LARGE_PRINT), "inst-gong", "공건강", "의자에 앉아서도 할 수 있는 근력·균형 운동.", "Strength and balance exercises, also seated.", Series.THREE_MONTH, List.of("main-auditorium"), List.of(MON_WED, TUE_THU), 60, 60, 2),
            spec("korean-multicultural", "다문화 가족 한국어", "Korean for multicultural families", ACCESS, ADULT, CLASS, 19, null, "ahyeon", 0, ON_SITE, NONE, "inst-ma", "마한글", "생활 한국어와 아이 학교생활 이야기.", "Everyday Korean and talking with your child's school.", Series.QUARTERLY, AHYEON_ROOMS, List.of(TUE_THU, SAT), 90, 15, 1),
            spec("art-together", "함께 그리는 미술교실", "Art class for everyone", ACCESS, ADULT, CLASS, 19, null, "main", 0, ON_SITE, Set.of(STEP_FREE, SIGN_LANGUAGE), "inst-yeo", "여미술", "장애인과 비장애인이 함께하는 통합 미술 수업. 수어통역 제공.", "An inclusive art class for disabled and non-disabled learners, with sign-language interpreting.", Series.THREE_MONTH, List.of("main-club"), List.of(TUE_THU), 120, 12, 1),
            spec("youth-career", "청소년 진로 탐색", "Career discovery for teenagers", JOB_SKILLS, YOUTH_CHILDREN, CLASS, 13, 18, "main", 0, ON_SITE, NONE, "inst-pyo", "표진로", "직업인 멘토와 함께 나의 진로를 찾아봅니다.", "Explore careers with professional mentors.", Series.THREE_MONTH, MAIN_ROOMS, List.of(SAT), 120, 24, 1),
            // 6개월 강좌 (본관)
            spec("korean-history", "한국사 이야기 (6개월)", "Korean history stories (6 months)", SUPPORT_SYSTEM, ADULT, LECTURE, 19, null, "main", 60_000, ON_SITE, Set.of(STEP_FREE, SIGN_LANGUAGE), "inst-kwon", "권역사", "고조선부터 현대사까지 이야기로 배웁니다.", "From Gojoseon to modern times, told as stories.", Series.SIX_MONTH, List.of("main-auditorium"), List.of(TUE_THU), 120, 90, 1),
            spec("writing", "나의 이야기 글쓰기 (6개월)", "Writing your own story (6 months)", LIFE_TRANSITION, ADULT, CLASS, 40, null, "main", 50_000, ON_SITE, Set.of(STEP_FREE), "inst-jo", "조작가", "삶의 기록을 한 권의 문집으로 묶습니다.", "Turn your life notes into a small book.", Series.SIX_MONTH, MAIN_ROOMS, List.of(FRI, SAT), 120, 15, 2),
            spec("startup", "중장년 창업 기초 (6개월)", "Starting a business at 50+ (6 months)", JOB_SKILLS, ADULT, CLASS, 50, 69, "main", 80_000, HYBRID, NONE, "inst-hwang", "황창업", "사업계획서 작성과 지원제도 활용.", "Business plans and the support programmes.", Series.SIX_MONTH, MAIN_ROOMS, List.of(SAT), 150, 20, 1),
            // 청소년·어린이, 유아
            spec("coding-youth", "청소년 코딩교실", "Coding for teenagers", DIGITAL_CIVIC, YOUTH_CHILDREN, CLASS, 13, 18, "main", 30_000, ON_SITE, NONE, "inst-nam", "남코딩", "스크래치와 파이썬으로 게임 만들기.", "Make games with Scratch and Python.", Series.THREE_MONTH, List.of("main-ll-3"), List.of(SAT), 120, 16, 1),
            spec("kids-reading", "어린이 독서교실", "Children's reading class", SUPPORT_SYSTEM, YOUTH_CHILDREN, CLASS, 8, 12, "main", 20_000, ON_SITE, Set.of(STEP_FREE), "inst-ha", "하동화", "그림책과 동화로 생각을 키웁니다.", "Picture books and stories that grow thinking.", Series.THREE_MONTH, List.of("main-club"), List.of(SAT), 90, 12, 1),
            spec("out-of-school", "학교 밖 청소년 진로설계", "Career design for out-of-school youth", ACCESS, YOUTH_CHILDREN, CLASS, 14, 19, "main", 0, ON_SITE, Set.of(STEP_FREE), "inst-ryu", "류진로", "검정고시 학습과 진로 상담을 함께합니다.", "Exam study and career counselling together.", Series.THREE_MONTH, MAIN_ROOMS, List.of(TUE_THU), 120, 15, 1),
            spec("infant-play", "유아 오감놀이", "Sensory play for toddlers", SUPPORT_SYSTEM, INFANT, CLASS, 2, 4, "main", 25_000, ON_SITE, Set.of(STEP_FREE), "inst-yang", "양놀이", "보호자와 함께하는 오감 발달 놀이.", "Sensory play with a parent or carer.", Series.THREE_MONTH, List.of("main-club"), List.of(WED, FRI), 60, 10, 1),
            spec("infant-books", "유아 그림책 놀이", "Picture-book play for little ones", SUPPORT_SYSTEM, INFANT, CLASS, 3, 6, "ahyeon", 15_000, ON_SITE, NONE, "inst-go", "고그림", "그림책을 읽고 만들기 놀이를 합니다.", "Read a picture book, then make and play.", Series.THREE_MONTH, AHYEON_ROOMS, List.of(SAT), 60, 10, 1),
            // 아현분관 (연 4회 모집)
            spec("ahyeon-smartphone", "아현 스마트폰 교실", "Smartphone class at Ahyeon", DIGITAL_CIVIC, ADULT, CLASS, 60, null, "ahyeon", 0, ON_SITE, Set.of(LARGE_PRINT), "inst-yoo", "유폰", "어르신을 위한 스마트폰 기초.", "Smartphone basics for older learners.", Series.QUARTERLY, AHYEON_ROOMS, List.of(TUE_THU, MON_WED), 90, 16, 2),
            spec("ahyeon-yoga", "아현 생활 요가", "Everyday yoga at Ahyeon", LIFE_TRANSITION, ADULT, CLASS, 19, null, "ahyeon", 35_000, ON_SITE, NONE, "inst-baek", "백요가", "굳은 몸을 푸는 생활 요가.", "Gentle yoga for stiff bodies.", Series.QUARTERLY, AHYEON_ROOMS, List.of(MON_WED, FRI), 60, 20, 2),
            spec("ahyeon-history", "마을 역사 탐방", "Exploring our neighbourhood's history", SUPPORT_SYSTEM, ADULT, LECTURE, 19, null, "ahyeon", 10_000, ON_SITE, NONE, "inst-noh", "노마을", "아현동과 공덕동의 옛이야기를 걸으며 배웁니다.", "Walk and learn the old stories of Ahyeon and Gongdeok.", Series.QUARTERLY, AHYEON_ROOMS, List.of(FRI), 120, 20, 1),
            // 늘푸른학교 (연간, 무료)
            spec("literacy-elem-1", "늘푸른학교 초등 1단계", "Neulpureun school, elementary level 1", ACCESS, ADULT, LITERACY, 19, null, "ahyeon", 0, ON_SITE, Set.of(LARGE_PRINT), "inst-kim-lit", "김문해", "한글 읽기와 쓰기부터. 초등 학력인정 과정(단계별 240시간).", "Reading and writing Hangul; accredited elementary course (240 hours a level).", Series.YEAR_LONG, List.of("ahyeon-literacy"), List.of(MON_WED), 150, 15, 1),
            spec("literacy-elem-2", "늘푸른학교 초등 2단계", "Neulpureun school, elementary level 2", ACCESS, ADULT, LITERACY, 19, null, "ahyeon", 0, ON_SITE, Set.of(LARGE_PRINT), "inst-park-lit", "박문해", "생활문 쓰기와 셈하기. 초등 학력인정 과정.", "Everyday writing and arithmetic; accredited elementary course.", Series.YEAR_LONG, List.of("ahyeon-literacy"), List.of(TUE_THU), 150, 15, 1),
            spec("literacy-elem-3", "늘푸른학교 초등 3단계", "Neulpureun school, elementary level 3", ACCESS, ADULT, LITERACY, 19, null, "ahyeon", 0, ON_SITE, Set.of(LARGE_PRINT), "inst-lee-lit", "이문해", "초등 졸업 학력 인정을 위한 마지막 단계.", "The last level towards an accredited elementary diploma.", Series.YEAR_LONG, List.of("ahyeon-literacy"), List.of(MON_WED), 150, 15, 1),
            spec("literacy-middle", "늘푸른학교 중학 과정", "Neulpureun school, middle-school course", ACCESS, ADULT, LITERACY, 19, null, "main", 0, ON_SITE, Set.of(STEP_FREE, LARGE_PRINT), "inst-cha-lit", "차문해", "중학 학력인정 과정(450시간). 출석 2/3 이상이면 이수합니다.", "Accredited middle-school course (450 hours); completion needs two-thirds attendance.", Series.YEAR_LONG, List.of("main-ll-2"), List.of(MON_WED_FRI), 180, 20, 1),
            // 체육시설 (본관, 분기)
            spec("swim-beginner", "수영 초급 정규반", "Swimming, beginners (regular class)", LIFE_TRANSITION, SPORTS, SPORTS_LESSON, 14, null, "main", 55_000, ON_SITE, Set.of(STEP_FREE), "inst-swim-1", "박수영", "물 적응부터 자유형 25m까지.", "From getting used to water to 25 m freestyle.", Series.QUARTERLY, List.of("main-pool"), List.of(MON_WED_FRI, TUE_THU), 50, 20, 4),
            spec("swim-intermediate", "수영 중급 정규반", "Swimming, intermediate (regular class)", LIFE_TRANSITION, SPORTS, SPORTS_LESSON, 14, null, "main", 55_000, ON_SITE, Set.of(STEP_FREE), "inst-swim-2", "김물결", "배영·평영 완성과 접영 입문.", "Backstroke and breaststroke, first butterfly.", Series.QUARTERLY, List.of("main-pool"), List.of(MON_WED_FRI, TUE_THU), 50, 18, 4),
            spec("aqua", "아쿠아로빅", "Aqua aerobics", LIFE_TRANSITION, SPORTS, SPORTS_LESSON, 19, null, "main", 50_000, ON_SITE, Set.of(STEP_FREE), "inst-swim-3", "정아쿠아", "관절에 무리 없는 물속 운동.", "Joint-friendly exercise in the water.", Series.QUARTERLY, List.of("main-pool"), List.of(TUE_THU), 50, 25, 1),
            spec("survival-swim", "어린이 생존수영", "Survival swimming for children", ACCESS, YOUTH_CHILDREN, SPORTS_LESSON, 8, 12, "main", 0, ON_SITE, Set.of(STEP_FREE), "inst-swim-4", "최안전", "인근 초등학교와 함께하는 생존수영 교육.", "Survival swimming with nearby elementary schools.", Series.QUARTERLY, List.of("main-pool"), List.of(SAT), 50, 30, 1),
            spec("gym", "헬스장 분기 회원", "Gym membership (quarter)", LIFE_TRANSITION, SPORTS, GYM_MEMBERSHIP, 16, null, "main", 66_000, ON_SITE, Set.of(STEP_FREE), "inst-gym", "헬스장 운영팀", "평일 06:00–22:00 이용. 분기마다 모집합니다.", "Weekdays 06:00–22:00; recruited every quarter.", Series.QUARTERLY, List.of("main-gym"), List.of(WEEKDAYS), 960, 40, 1),
            // one seat: shows enrolment, the waitlist, a cancellation and the offer that follows, end to end
            spec("coaching", "1:1 진로 코칭", "One-to-one career coaching", JOB_SKILLS, ADULT, CLASS, 19, null, "main", 20_000, ON_SITE, Set.of(STEP_FREE), "inst-seo-coach", "서코치", "한 사람을 위한 진로 상담 시간입니다. 정원이 1명이라 자리가 나면 대기 순서대로 연락드립니다.", "A career session for one person. With a single seat, the waiting list is offered it in turn when it becomes free.", Series.THREE_MONTH, List.of("main-club", "main-ll-1", "main-ll-2"), List.of(FRI, SAT), 60, 1, 2));

    private static Spec spec(String key, String titleKo, String titleEn, PolicyDomain domain, Audience audience,
                             ProgramKind kind, Integer minAge, Integer maxAge, String branch, long fee,
                             DeliveryFormat format, Set<AccessibilityFeature> access, String instructorId,
                             String instructorName, String descriptionKo, String descriptionEn, Series series,
                             List<String> rooms, List<Set<DayOfWeek>> patterns, int minutes, int capacity, int sections) {
        List<LocalTime> starts = kind == GYM_MEMBERSHIP ? List.of(LocalTime.of(6, 0))
                : kind == SPORTS_LESSON ? POOL_TIMES : CLASS_TIMES;
        RecruitmentMethod method = key.startsWith("swim") || key.equals("gym") || key.equals("humanities")
                ? RecruitmentMethod.LOTTERY : RecruitmentMethod.FIRST_COME;
        return new Spec(key, titleKo, titleEn, domain, audience, kind, minAge, maxAge, branch, fee, format, access,
                instructorId, instructorName, descriptionKo, descriptionEn, series, rooms, patterns, starts, minutes,
                capacity, sections, method);
    }

    record DemoTerm(TermId id, LocalDate start, LocalDate end, boolean current) {
    }

    private final CatalogService catalog;
    private final Clock clock;

    DemoCatalog(CatalogService catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    void create() {
        SystemIdentity.run(this::createAsSystem);
    }

    private void createAsSystem() {
        LocalDate today = LocalDate.now(clock.withZone(SEOUL));
        LocalDateTime now = LocalDateTime.now(clock.withZone(SEOUL));
        Map<Series, List<DemoTerm>> terms = terms(today);
        Set<String> used = new HashSet<>();
        int created = 0;
        int skipped = 0;
        for (Spec spec : SPECS) {
            ProgramId program = catalog.saveProgram(new ProgramDraft(new ProgramId("demo-" + spec.key()), spec.titleKo(),
                    spec.titleEn(), spec.descriptionKo(), spec.descriptionEn(), spec.domain(), spec.audience(),
                    spec.kind(), spec.minAge(), spec.maxAge(), new BranchId(spec.branch()),
                    List.of(new Instructor(spec.instructorId(), spec.instructorName())), spec.fee(), spec.fee() > 0,
                    spec.format(), spec.access(), null, null,
                    DemoClassifications.of("demo-" + spec.key()).orElseThrow(),
                    DemoWhatToBring.of("demo-" + spec.key())[0], DemoWhatToBring.of("demo-" + spec.key())[1]));
            for (DemoTerm term : terms.get(spec.series())) {
                for (int section = 0; section < spec.sectionsPerTerm(); section++) {
                    String id = "demo-" + spec.key() + "-" + term.id().value() + "-" + section;
                    OfferingDraft draft = place(spec, program, term, section, used, now);
                    if (draft == null) {
                        skipped++;
                        continue;
                    }
                    try {
                        OfferingId saved = catalog.saveOffering(draft);
                        catalog.publish(saved);
                        created++;
                    } catch (CatalogValidationException e) {
                        log.warn("Demo offering {} not created: {}", id, e.problems());
                        skipped++;
                    }
                }
            }
        }
        log.info("Demo catalog: {} programs, {} offerings published ({} not placed)", SPECS.size(), created, skipped);
    }

    /** Finds a room, weekday pattern and start time that no other demo offering uses, or null. */
    private OfferingDraft place(Spec spec, ProgramId program, DemoTerm term, int section, Set<String> used,
                                LocalDateTime now) {
        List<Set<DayOfWeek>> patterns = new ArrayList<>(spec.patterns());
        for (int attempt = 0; attempt < patterns.size() * spec.starts().size() * spec.rooms().size(); attempt++) {
            Set<DayOfWeek> days = patterns.get((section + attempt) % patterns.size());
            LocalTime start = spec.starts().get((section + attempt / patterns.size()) % spec.starts().size());
            String room = spec.rooms().get((attempt / (patterns.size() * spec.starts().size())) % spec.rooms().size());
            LocalTime end = start.plusMinutes(spec.minutes());
            if (end.isBefore(start) || end.isAfter(LocalTime.of(22, 0))) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            for (DayOfWeek day : days) {
                for (LocalTime t = start; t.isBefore(end); t = t.plusMinutes(30)) {
                    keys.add(term.current() + "|" + room + "|" + day + "|" + t);
                    keys.add(term.current() + "|" + spec.instructorId() + "|" + day + "|" + t);
                }
            }
            if (keys.stream().anyMatch(used::contains)) {
                continue;
            }
            used.addAll(keys);
            return new OfferingDraft(null, program, term.id(), room, days, start, end, term.start(), term.end(),
                    spec.capacity(), phases(spec, term, section, now));
        }
        return null;
    }

    /**
     * One phase in the spec's method; a lottery of a next term recruits in two (1차 추첨 신청 for five days, then after
     * two days 2차 선착순 for the seats the draw left), in the same whole window.
     */
    private static List<OfferingDraft.PhaseDraft> phases(Spec spec, DemoTerm term, int section, LocalDateTime now) {
        LocalDateTime opens = recruitmentOpens(term, section, now);
        LocalDateTime closes = recruitmentCloses(term, section, now);
        LocalDateTime drawCloses = opens.toLocalDate().plusDays(5).atTime(18, 0);
        LocalDateTime leftoverOpens = opens.toLocalDate().plusDays(7).atTime(10, 0);
        if (spec.method() != RecruitmentMethod.LOTTERY || term.current() || !leftoverOpens.isBefore(closes)) {
            return List.of(new OfferingDraft.PhaseDraft(opens, closes, spec.method()));
        }
        return List.of(new OfferingDraft.PhaseDraft(opens, drawCloses, RecruitmentMethod.LOTTERY),
                new OfferingDraft.PhaseDraft(leftoverOpens, closes, RecruitmentMethod.FIRST_COME));
    }

    /** Current terms recruited before they began; next terms recruit now, or (every third section) in 3 days. */
    private static LocalDateTime recruitmentOpens(DemoTerm term, int section, LocalDateTime now) {
        if (term.current()) {
            return term.start().minusDays(21).atTime(10, 0);
        }
        return section % 3 == 2 ? now.toLocalDate().plusDays(3).atTime(10, 0) : now.toLocalDate().minusDays(2).atTime(10, 0);
    }

    private static LocalDateTime recruitmentCloses(DemoTerm term, int section, LocalDateTime now) {
        if (term.current()) {
            return term.start().minusDays(7).atTime(18, 0);
        }
        LocalDate close = now.toLocalDate().plusDays(section % 3 == 2 ? 17 : 14);
        LocalDate latest = term.start().minusDays(3);
        return (close.isAfter(latest) ? latest : close).atTime(18, 0);
    }

    private Map<Series, List<DemoTerm>> terms(LocalDate today) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(MONDAY));
        Map<Series, List<DemoTerm>> terms = new EnumMap<>(Series.class);
        terms.put(Series.THREE_MONTH, List.of(
                term("3m-current", TermType.THREE_MONTH, monday.minusWeeks(5), 13, true),
                term("3m-next", TermType.THREE_MONTH, monday.plusWeeks(9), 13, false)));
        terms.put(Series.SIX_MONTH, List.of(
                term("6m-current", TermType.SIX_MONTH, monday.minusWeeks(9), 26, true),
                term("6m-next", TermType.SIX_MONTH, monday.plusWeeks(18), 26, false)));
        terms.put(Series.YEAR_LONG, List.of(term("year-current", TermType.YEAR_LONG, monday.minusWeeks(12), 50, true)));
        terms.put(Series.QUARTERLY, List.of(
                term("q-current", TermType.QUARTERLY, monday.minusWeeks(4), 12, true),
                term("q-next", TermType.QUARTERLY, monday.plusWeeks(9), 12, false)));
        return terms;
    }

    private DemoTerm term(String key, TermType type, LocalDate start, int weeks, boolean current) {
        LocalDate end = start.plusWeeks(weeks).minusDays(1);
        String ko = switch (type) {
            case THREE_MONTH -> "%d년 %d월 개강 3개월 강좌";
            case SIX_MONTH -> "%d년 %d월 개강 6개월 강좌";
            case YEAR_LONG -> "%d년 %d월 개강 늘푸른학교(연간)";
            case QUARTERLY -> "%d년 %d월 개강 분기 과정";
        };
        String en = switch (type) {
            case THREE_MONTH -> "3-month courses from %2$s %1$d";
            case SIX_MONTH -> "6-month courses from %2$s %1$d";
            case YEAR_LONG -> "Neulpureun school year from %2$s %1$d";
            case QUARTERLY -> "Quarter from %2$s %1$d";
        };
        TermId id = catalog.saveTerm(new TermDraft(new TermId("demo-" + key), String.format(ko, start.getYear(),
                start.getMonthValue()), String.format(en, start.getYear(),
                start.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)),
                type, start, end));
        return new DemoTerm(id, start, end, current);
    }
}
