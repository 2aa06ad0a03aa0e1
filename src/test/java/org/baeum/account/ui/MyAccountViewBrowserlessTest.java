package org.baeum.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.account.internal.AccountRepository;
import org.baeum.base.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@BaeumIntegrationTest
class MyAccountViewBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    AccountRepository accounts;

    @BeforeAll
    static void users(@Autowired TestAccounts accounts) {
        accounts.citizen("me.citizen@example.com", "나시민", LocalDate.of(1975, 5, 5));
        accounts.citizen("me.other@example.com", "남시민", LocalDate.of(1976, 6, 6));
        accounts.create("me-instructor", Role.INSTRUCTOR);
    }

    @Test
    @WithUserDetails("me.citizen@example.com")
    void a_citizen_sees_and_edits_their_own_profile_and_nobody_elses() {
        MyAccountView view = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(navigate(MyAccountView.class));
        var values = $(TextField.class, view).all().stream().map(TextField::getValue).toList();
        assertThat(values).contains("me.citizen@example.com", "나시민").doesNotContain("남시민", "me.other@example.com");

        test(view.mobile).setValue("010 5555 6666");
        test(view.saveProfile).click();
        assertThat(accounts.findByLogin("me.citizen@example.com").orElseThrow().mobile()).isEqualTo("01055556666");

        test(view.mobile).setValue("02-123");
        test(view.saveProfile).click();
        assertThat(view.mobile.getErrorMessage()).contains("휴대전화 번호 형식");
        assertThat(accounts.findByLogin("me.citizen@example.com").orElseThrow().mobile()).isEqualTo("01055556666");
    }

    @Test
    @WithUserDetails("me.citizen@example.com")
    void changing_the_password_or_email_asks_for_the_current_password() {
        MyAccountView view = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(navigate(MyAccountView.class));
        test(view.currentPassword).setValue("not my password");
        test(view.newPassword).setValue("완전히 새로운 비밀번호");
        test(view.confirmPassword).setValue("완전히 새로운 비밀번호");
        test(view.changePassword).click();
        assertThat(view.currentPassword.getErrorMessage()).isEqualTo("현재 비밀번호가 올바르지 않습니다.");

        test(view.newEmail).setValue("new.address@example.com");
        test(view.emailPassword).setValue("wrong");
        test(view.changeEmail).click();
        assertThat(view.emailPassword.isInvalid()).isTrue();
        assertThat(accounts.findByLogin("new.address@example.com")).isEmpty();
    }

    @Test
    @WithUserDetails("me.citizen@example.com")
    void citizens_can_download_their_data_and_find_account_deletion() {
        MyAccountView view = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(navigate(MyAccountView.class));
        assertThat($(Anchor.class, view).all()).extracting(Anchor::getText)
                .contains("JSON으로 내려받기", "엑셀(XLSX)로 내려받기");
        assertThat(view.delete.isVisible()).isTrue();
    }

    @Test
    @WithUserDetails("me-instructor")
    void staff_side_accounts_have_no_district_and_no_citizen_data_section() {
        MyAccountView view = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(navigate(MyAccountView.class));
        assertThat(view.district.isVisible()).isFalse();
        assertThat($(Anchor.class, view).all()).extracting(Anchor::getText).doesNotContain("JSON으로 내려받기");
    }
}
