package org.baeum.attendance.certificate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H2;
import java.time.LocalDate;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.attendance.certificate.Certificate;
import org.baeum.attendance.certificate.CertificateFixture;
import org.baeum.attendance.certificate.Certificates;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/**
 * The desk's certificate page: a code shows the certificate with the holder's full name but not the birth date, an
 * unknown code is refused at the field, an empty reason is refused at the dialog's field (nothing revoked), and a reason
 * revokes it: the public verification then says so.
 */
@BaeumIntegrationTest
class StaffCertificatesViewBrowserlessTest extends SpringBrowserlessTest {

    static BaeumUser holder;

    @Autowired
    Certificates certificates;

    @BeforeAll
    static void data(@Autowired TestAccounts accounts) {
        holder = accounts.citizen("cert.desk.holder@test.baeum", "윤서연", LocalDate.of(1947, 7, 7));
        accounts.create("cert-desk-staff", Role.STAFF);
    }

    @Test
    @WithUserDetails("cert-desk-staff")
    void staff_find_a_certificate_and_revoke_it_with_a_reason() {
        Certificate c = CertificateFixture.issue(certificates, holder, "윤서연");
        StaffCertificatesView view = AopTestUtils.getUltimateTargetObject(navigate(StaffCertificatesView.class));

        test(view.code).setValue("AAAAAAAAAAAA".equals(c.code()) ? "BBBBBBBBBBBB" : "AAAAAAAAAAAA");
        test(view.find).click();
        assertThat(view.code.isInvalid()).isTrue();
        assertThat(view.code.getErrorMessage()).startsWith("이 확인 코드로 발급된 수료증이 없습니다");

        test(view.code).setValue(c.code().toLowerCase());
        test(view.find).click();
        assertThat(view.code.isInvalid()).isFalse();
        assertThat($(H2.class).from(view.result).first().getText()).isEqualTo("유효한 수료증");
        String facts = $(DescriptionList.class).from(view.result).first().getElement().getTextRecursively();
        assertThat(facts).contains(c.number(), "윤서연", "늘푸른학교 초등 문해 과정", "2026년 2학기", "36시간")
                .doesNotContain("1948").doesNotContain("1947");

        test(view.revoke).click();
        roundTrip(); // the dialog is attached on the way to the browser
        test(view.dialog.reason).setValue("  ");
        test(view.dialog.confirm).click();
        assertThat(view.dialog.reason.isInvalid()).isTrue();
        assertThat(view.dialog.reason.getErrorMessage()).isEqualTo("취소 사유를 입력해 주세요.");
        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(certificates.verify(c.code()).orElseThrow().valid()).isTrue();

        test(view.dialog.reason).setValue("이름 오기로 재발급");
        test(view.dialog.confirm).click();
        assertThat(view.dialog.isOpened()).isFalse();
        assertThat(certificates.verify(c.code()).orElseThrow().revoked()).isTrue();
        assertThat($(H2.class).from(view.result).first().getText()).isEqualTo("취소된 수료증");
        assertThat($(DescriptionList.class).from(view.result).first().getElement().getTextRecursively())
                .contains("이름 오기로 재발급");
        assertThat(view.revoke.getParent()).isEmpty();
    }
}
