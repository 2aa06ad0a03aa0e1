package org.baeum.attendance.certificate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import java.time.LocalDate;
import java.util.Locale;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.attendance.certificate.Certificate;
import org.baeum.attendance.certificate.CertificateFixture;
import org.baeum.attendance.certificate.Certificates;
import org.baeum.base.i18n.UiLocale;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public verification page, opened by an anonymous visitor: a valid code says 유효한 수료증 with the masked name, a
 * changed code 확인할 수 없는 번호, a revoked one 취소된 수료증; the English page says the same in English.
 */
@BaeumIntegrationTest
class CertificateVerificationViewBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    Certificates certificates;
    @Autowired
    UiLocale uiLocale;

    static BaeumUser holder;
    static BaeumUser staff;

    @BeforeAll
    static void data(@Autowired TestAccounts accounts) {
        holder = accounts.citizen("cert.page.holder@test.baeum", "김민용", LocalDate.of(1948, 3, 15));
        staff = accounts.create("cert-page-staff", Role.STAFF);
    }

    @AfterEach
    void korean() {
        uiLocale.switchTo(UI.getCurrent(), Locale.KOREAN);
    }

    @Test
    void a_valid_code_a_changed_code_and_a_revoked_code_each_say_so() {
        uiLocale.switchTo(UI.getCurrent(), Locale.KOREAN);
        Certificate c = CertificateFixture.issue(certificates, holder, "김민용");

        open(c.code());
        assertThat(headline()).isEqualTo("유효한 수료증");
        assertThat($(Section.class).id(CertificateVerificationView.STATUS_ID).getElement().getAttribute("role"))
                .isEqualTo("status");
        assertThat(status()).contains("Valid certificate");
        assertThat(facts()).contains("김*용", c.number(), "늘푸른학교 초등 문해 과정", "2026년 2학기", "36시간")
                .doesNotContain("김민용").doesNotContain("1948");

        String changed = (c.code().charAt(0) == 'A' ? 'B' : 'A') + c.code().substring(1);
        open(changed);
        assertThat(headline()).isEqualTo("확인할 수 없는 번호");
        assertThat(facts()).contains(changed).doesNotContain("김*용");

        TestAccounts.signIn(staff);
        try {
            certificates.revoke(c.code(), "잘못 발급");
        } finally {
            TestAccounts.signOut();
        }
        open(c.code());
        assertThat(headline()).isEqualTo("취소된 수료증");
        assertThat(status()).contains("더 이상 수료를 증명하지 않습니다").doesNotContain("잘못 발급");

        uiLocale.switchTo(UI.getCurrent(), Locale.ENGLISH);
        open(c.code());
        assertThat(headline()).isEqualTo("Revoked certificate");
        assertThat(facts()).contains("Evergreen School elementary literacy course", "36 hours");
    }

    private void open(String code) {
        UI.getCurrent().navigate("certificates/" + code);
    }

    private String headline() {
        return $(H2.class).single().getText();
    }

    private String status() {
        return $(Section.class).id(CertificateVerificationView.STATUS_ID).getElement().getTextRecursively();
    }

    private String facts() {
        return $(DescriptionList.class).single().getElement().getTextRecursively();
    }
}
