package org.baeum.base.desk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.visits.MembershipFixture;
import org.baeum.attendance.visits.MembershipFixture.Made;
import org.baeum.attendance.visits.MembershipVisits;
import org.baeum.base.desk.DeskCodes;
import org.baeum.base.security.BaeumUser;
import org.baeum.catalog.CatalogService;
import org.baeum.enrollment.CitizenEnrollments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/**
 * The front desk: STAFF scan a member's code (typed lower case, without the dash, then Enter), see the member with a
 * check-in button named for them, check them in, and see the state and the live message; a second scan offers no
 * button, and a name finds them too.
 */
@BaeumIntegrationTest
class DeskViewBrowserlessTest extends SpringBrowserlessTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Autowired
    MutableClock clock;
    @Autowired
    DeskCodes codes;
    @Autowired
    MembershipVisits visits;

    static Made gym;
    static BaeumUser member;

    @BeforeAll
    static void data(@Autowired AttendanceClasses classes, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired CitizenEnrollments enrollments,
                     @Autowired MutableClock clock) {
        AttendanceClasses.Cast cast = classes.cast("deskui", "데스크회원", 1, LocalDate.of(1990, 1, 2));
        accounts.userOrCreate("desk-ui-staff", org.baeum.base.security.Role.STAFF);
        member = cast.citizens().getFirst();
        gym = new MembershipFixture(catalog, enrollments, clock).gym(List.of(member));
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    @WithUserDetails("desk-ui-staff")
    void staff_scan_a_code_check_the_member_in_and_see_it() {
        LocalDate today = LocalDate.now(clock.withZone(SEOUL));
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, gym.first())));
        String id = gym.entries().getFirst().value();
        String code = codes.code(MembershipVisits.SOURCE, id);

        DeskView view = AopTestUtils.getUltimateTargetObject(navigate(DeskView.class));
        assertThat($(H1.class).first().getText()).isEqualTo("접수 데스크");
        assertThat(view.query.getLabel()).isEqualTo("코드 또는 이름");
        assertThat(view.message.getElement().getAttribute("aria-live")).isEqualTo("polite");

        test(view.query).setValue(code.replace("-", "").toLowerCase());
        test(view.find).click();
        assertThat(view.message.getText()).isEqualTo("1건을 찾았습니다.");
        ListItem item = $(ListItem.class).from(view.results).single();
        assertThat(item.getElement().getTextRecursively()).contains(member.displayName(), "데스크 시험 GYM_MEMBERSHIP",
                "오늘 이용 가능");
        Button checkIn = $(Button.class).from(item).single();
        assertThat(checkIn.getElement().getAttribute("aria-label"))
                .isEqualTo(member.displayName() + " 님 입실 확인: 데스크 시험 GYM_MEMBERSHIP");

        test(checkIn).click();
        assertThat(view.message.getText()).startsWith(member.displayName() + " 님의 입실을 확인했습니다(데스크 시험 GYM_MEMBERSHIP, ");
        ListItem after = $(ListItem.class).from(view.results).single();
        assertThat(after.getElement().getTextRecursively()).contains("오늘 입실함", "입실");
        Button undo = $(Button.class).from(after).single();
        assertThat(undo.getText()).isEqualTo("입실 취소");
        assertThat(undo.getElement().getAttribute("aria-label"))
                .isEqualTo(member.displayName() + " 님 입실 취소: 데스크 시험 GYM_MEMBERSHIP");

        // a mistake taken back the same day (decision 0047): the check-in button is back
        test(undo).click();
        assertThat(view.message.getText()).isEqualTo(member.displayName()
                + " 님의 입실을 취소했습니다(데스크 시험 GYM_MEMBERSHIP). 이 방문은 기록에서 빠졌습니다. 연인원 보고서에는 그해 보고 표를"
                + " 다음에 다시 만들 때 반영됩니다.");
        assertThat($(Button.class).from($(ListItem.class).from(view.results).single()).single().getText())
                .isEqualTo("입실 확인");
        test($(Button.class).from($(ListItem.class).from(view.results).single()).single()).click();
        assertThat($(Button.class).from($(ListItem.class).from(view.results).single()).single().getText())
                .isEqualTo("입실 취소");

        test(view.query).setValue(member.displayName());
        test(view.find).click();
        assertThat($(ListItem.class).from(view.results).all()).anySatisfy(li ->
                assertThat(li.getElement().getTextRecursively()).contains(member.displayName(), "오늘 입실함"));

        test(view.query).setValue("x");
        test(view.find).click();
        assertThat(view.message.getText()).isEqualTo("코드나 이름을 두 글자 이상 입력해 주세요.");
        assertThat($(ListItem.class).from(view.results).all()).isEmpty();
    }
}
