package org.baeum.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baeum.BaeumIntegrationTest;
import org.baeum.Mailbox;
import org.baeum.account.District;
import org.baeum.account.internal.AccountRepository;
import org.baeum.account.internal.SignUpSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BaeumIntegrationTest
class SignUpViewBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    AccountRepository accounts;
    @Autowired
    Mailbox mailbox;
    @Autowired
    SignUpSettings settings;

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
    void a_taken_address_shows_the_same_page_as_a_new_one_and_its_owner_is_mailed() {
        List<String> fresh = signUp("first.comer@example.com");
        var owner = accounts.findByLogin("first.comer@example.com").orElseThrow();
        int mailBefore = mailbox.to("first.comer@example.com").size();

        List<String> taken = signUp("First.Comer@example.com");
        List<String> other = signUp("second.comer@example.com");

        assertThat(taken).isEqualTo(fresh.stream().map(t -> t.replace("first.comer@example.com", "First.Comer@example.com")).toList());
        assertThat(other).isEqualTo(fresh.stream().map(t -> t.replace("first.comer@example.com", "second.comer@example.com")).toList());
        assertThat(taken.getFirst()).isEqualTo(UI.getCurrent().getTranslation("signup.done.title"));
        assertThat(accounts.findById(owner.id()).orElseThrow()).as("the account is untouched").isEqualTo(owner);
        var mail = mailbox.to("first.comer@example.com");
        assertThat(mail).hasSize(mailBefore + 1);
        assertThat(mail.getFirst().subject()).isEqualTo("[배움] 누군가 이 주소로 가입하려고 했습니다");
    }

    @Test
    void too_many_sign_ups_with_one_address_are_refused_with_a_translated_message() {
        for (int i = 0; i < settings.maxPerEmail(); i++) {
            assertThat(signUp("eager@example.com").getFirst()).isEqualTo(UI.getCurrent().getTranslation("signup.done.title"));
        }
        SignUpView view = fill("eager@example.com");
        view.submit();
        String text = test($(Notification.class).last()).getText();
        assertThat(text).startsWith("가입 요청이 너무 많습니다").contains("분 뒤에 다시 시도해 주세요");
        assertThat($(H1.class).first().getText()).as("still the form").isEqualTo(view.getTranslation("signup.title"));
        assertThat(view.submit.isEnabled()).isTrue();
    }

    /** Signs up through the form and returns the texts of the page it ends on. */
    private List<String> signUp(String address) {
        fill(address).submit();
        List<String> texts = new ArrayList<>();
        texts.add($(H1.class).first().getText());
        $(Paragraph.class).all().forEach(p -> texts.add(p.getText()));
        $(Anchor.class).all().forEach(a -> texts.add(a.getText() + " -> " + a.getHref()));
        return texts;
    }

    private SignUpView fill(String address) {
        UI.getCurrent().setLocale(java.util.Locale.KOREAN);
        UI.getCurrent().navigate("login"); // away first, so that the form below is a new one
        SignUpView view = navigate(SignUpView.class);
        test(view.name).setValue("우연히");
        test(view.email).setValue(address);
        test(view.birthDate).setValue(LocalDate.of(1985, 6, 7));
        view.district.setValue(District.MAPO);
        test(view.password).setValue("같은 주소 다른 사람의 긴 암호");
        test(view.confirm).setValue("같은 주소 다른 사람의 긴 암호");
        view.consent.setValue(true);
        return view;
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
