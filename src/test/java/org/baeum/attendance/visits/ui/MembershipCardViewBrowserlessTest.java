package org.baeum.attendance.visits.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.visits.MembershipFixture;
import org.baeum.attendance.visits.MembershipFixture.Made;
import org.baeum.attendance.visits.MembershipVisits;
import org.baeum.base.desk.DeskCodes;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.ui.AccessDeniedView;
import org.baeum.catalog.CatalogService;
import org.baeum.enrollment.CitizenEnrollments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * 회원증: the member sees their card with the code in letters and as a QR image whose alt text says the code; another
 * household's card is refused.
 */
@BaeumIntegrationTest
class MembershipCardViewBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    DeskCodes codes;
    @Autowired
    CatalogService catalog;
    @Autowired
    org.baeum.MutableClock clock;

    static Made gym;
    static BaeumUser member;
    static BaeumUser other;

    @BeforeAll
    static void data(@Autowired AttendanceClasses classes, @Autowired CatalogService catalog,
                     @Autowired CitizenEnrollments enrollments, @Autowired java.time.Clock clock,
                     @Autowired TestAccounts accounts) {
        classes.withDemoCatalog();
        member = accounts.citizen("card.ui.member@test.baeum", "카드회원", LocalDate.of(1991, 3, 4));
        other = accounts.citizen("card.ui.other@test.baeum", "다른회원", LocalDate.of(1992, 3, 4));
        gym = new MembershipFixture(catalog, enrollments, clock).gym(List.of(member, other));
    }

    @Test
    @WithUserDetails("card.ui.member@test.baeum")
    void a_member_sees_their_card_with_code_and_qr_but_not_another_households() {
        String code = codes.code(MembershipVisits.SOURCE, gym.entries().getFirst().value());
        UI.getCurrent().navigate("my/membership-card");
        assertThat($(H1.class).single().getText()).isEqualTo("회원증");
        assertThat($(H2.class).all()).extracting(H2::getText).contains("데스크 시험 GYM_MEMBERSHIP");
        assertThat($(MembershipCardView.class).single().getElement().getTextRecursively()).contains(code, "카드회원");
        assertThat($(Image.class).all()).anySatisfy(img -> {
            assertThat(img.getAlt().orElse("")).contains("회원 코드 " + code + "의 QR 코드");
            assertThat(img.getSrc()).startsWith("data:image/svg+xml;base64,");
        });

        UI.getCurrent().navigate("my/membership-card", QueryParameters.of("entry", gym.entries().get(1).value()));
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }

    @Test
    @WithUserDetails("card.ui.member@test.baeum")
    void a_member_checks_in_from_the_card_during_the_hours_and_the_card_says_so() {
        var start = catalog.offering(gym.id()).orElseThrow().schedule().startTime();
        var when = gym.first().atTime(start); // at the opening
        clock.advance(java.time.Duration.between(clock.instant(), when.atZone(java.time.ZoneId.of("Asia/Seoul"))
                .toInstant()));
        try {
            UI.getCurrent().navigate("my/membership-card");
            MembershipCardView view = $(MembershipCardView.class).single();
            String id = gym.entries().getFirst().value();
            com.vaadin.flow.component.button.Button checkIn = $(com.vaadin.flow.component.button.Button.class)
                    .withId("self-check-in-" + id).single();
            assertThat(checkIn.getText()).isEqualTo("지금 입실 확인");
            assertThat(checkIn.getElement().getAttribute("aria-label"))
                    .isEqualTo("카드회원 님 데스크 시험 GYM_MEMBERSHIP 지금 입실 확인");
            assertThat(view.status.getElement().getAttribute("role")).isEqualTo("status");

            test(checkIn).click();
            assertThat(view.status.getText()).endsWith("에 입실을 확인했습니다.");
            assertThat($(com.vaadin.flow.component.button.Button.class).withId("self-check-in-" + id).all())
                    .as("checked in: no second button").isEmpty();
            assertThat(view.getElement().getTextRecursively()).contains("오늘 입실", "에 입실을 확인했습니다.");
        } finally {
            clock.reset();
        }
    }
}
