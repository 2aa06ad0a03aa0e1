package org.baeum.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.Map;
import org.baeum.BaeumIntegrationTest;
import org.baeum.Mailbox;
import org.baeum.account.District;
import org.baeum.account.internal.AccountRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BaeumIntegrationTest
class SignUpViewBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    AccountRepository accounts;
    @Autowired
    Mailbox mailbox;

    @Test
    void every_mistake_is_shown_at_its_field_translated_and_nothing_is_stored() {
        SignUpView view = navigate(SignUpView.class);
        long before = accounts.count();
        test(view.email).setValue("no-at-sign");
        test(view.password).setValue("password123");
        test(view.confirm).setValue("password124");
        view.submit();
        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage()).isEqualTo(view.getTranslation("account.name.required"));
        assertThat(view.confirm.getErrorMessage()).isEqualTo(view.getTranslation("signup.confirm.mismatch"));
        assertThat(view.email.getErrorMessage()).isEqualTo(view.getTranslation("account.email.invalid"));
        assertThat(view.password.getErrorMessage()).isEqualTo(view.getTranslation("password.common"));
        assertThat(view.birthDate.getErrorMessage()).isEqualTo(view.getTranslation("account.birthDate.required"));
        assertThat(view.district.isInvalid()).isTrue();
        assertThat(view.consent.isInvalid()).isTrue();
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void a_complete_form_signs_up_and_says_where_the_link_went() {
        SignUpView view = navigate(SignUpView.class);
        test(view.name).setValue("송하늘");
        test(view.email).setValue("sky@example.com");
        test(view.birthDate).setValue(LocalDate.of(1992, 4, 4));
        view.district.setValue(District.SEODAEMUN);
        test(view.password).setValue("바람이 부는 언덕 위의 집");
        test(view.confirm).setValue("바람이 부는 언덕 위의 집");
        view.consent.setValue(true);
        view.submit();
        assertThat($(H1.class).first().getText()).isEqualTo(view.getTranslation("signup.done.title"));
        assertThat($(Paragraph.class).all()).anySatisfy(p -> assertThat(p.getText()).contains("sky@example.com"));
        assertThat(accounts.findByLogin("sky@example.com")).isPresent();
        assertThat(mailbox.newestTo("sky@example.com")).isPresent();
    }

    @Test
    void the_verification_page_explains_a_broken_link_instead_of_failing() {
        UI ui = UI.getCurrent();
        ui.navigate("verify-email", QueryParameters.simple(Map.of("token", "forged.token")));
        assertThat($(H1.class).first().getText()).isEqualTo(ui.getTranslation("verify.INVALID.title"));
        ui.navigate("reset-password", QueryParameters.simple(Map.of("token", "forged.token")));
        assertThat($(H1.class).first().getText()).isEqualTo(ui.getTranslation("reset.INVALID.title"));
        ui.navigate("unsubscribe", QueryParameters.simple(Map.of("token", "forged.token")));
        assertThat($(H1.class).first().getText()).isEqualTo(ui.getTranslation("unsubscribe.INVALID.title"));
    }
}
