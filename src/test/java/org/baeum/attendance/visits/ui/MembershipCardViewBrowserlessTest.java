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
}
