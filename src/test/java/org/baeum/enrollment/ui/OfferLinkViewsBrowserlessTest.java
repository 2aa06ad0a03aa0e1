package org.baeum.enrollment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.SignedLinks;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.OfferLinks.LinkState;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.internal.EnrollmentMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pages behind the accept and decline links of an offer mail, opened by someone who is not signed in: opening shows
 * the offer and one button and changes nothing; pressing answers; every link that cannot be used says why.
 */
@BaeumIntegrationTest
class OfferLinkViewsBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    SignedLinks links;
    @Autowired
    MutableClock clock;

    static EnrollmentFixture fixture;
    static BaeumUser first;
    static BaeumUser waiting;
    static BaeumUser behind;

    @BeforeAll
    static void demo(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired MutableClock clock) {
        DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        first = accounts.citizen("ol-first@example.com", "먼저옴", LocalDate.of(1980, 1, 1));
        waiting = accounts.citizen("ol-waiting@example.com", "기다림", LocalDate.of(1981, 1, 1));
        behind = accounts.citizen("ol-behind@example.com", "뒤에옴", LocalDate.of(1982, 1, 1));
    }

    /** A visitor who is not signed in gets the browser's language; these tests read Korean unless they say otherwise. */
    @BeforeEach
    void korean() {
        UI.getCurrent().setLocale(java.util.Locale.KOREAN);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A one-seat class where {@code waiting} has just been offered the seat that {@code first} gave back. */
    private Enrollment offer() {
        OfferingId offering = fixture.offering(1, 15_000);
        Enrollment taken = Scenes.enroll(enrollments, first, offering);
        Enrollment mine = Scenes.enroll(enrollments, waiting, offering);
        Scenes.enroll(enrollments, behind, offering);
        Scenes.cancel(enrollments, first, taken);
        assertThat(status(mine)).isEqualTo(EnrollmentStatus.OFFERED);
        return mine;
    }

    private EnrollmentStatus status(Enrollment e) {
        return SystemIdentity.call(() -> enrollments.enrollment(e.id()).status());
    }

    private String token(String purpose, Enrollment e, Duration ttl) {
        return links.sign(purpose, e.id().value(), ttl);
    }

    private OfferLinkPage openLink(String page, String token) {
        UI.getCurrent().navigate(page, QueryParameters.simple(Map.of("token", token)));
        return (OfferLinkPage) getCurrentView();
    }

    private String heading() {
        return $(H1.class).first().getText();
    }

    @Test
    void opening_the_accept_link_shows_the_offer_and_changes_nothing_then_the_button_accepts() {
        Enrollment offer = offer();
        String token = token(EnrollmentMail.ACCEPT, offer, Duration.ofHours(25));

        OfferLinkPage page = openLink(EnrollmentMail.ACCEPT_PAGE, token);
        assertThat(page).isInstanceOf(AcceptOfferView.class);
        assertThat(page.state).isEqualTo(LinkState.READY);
        assertThat(heading()).isEqualTo("자리 제안 수락");
        String shown = page.getElement().getTextRecursively();
        assertThat(shown).contains(offer.offeringTitleKo()).contains("수강자: 기*림").contains("답할 기한:")
                .doesNotContain("기다림");
        assertThat(page.answer.getText()).isEqualTo("수락하기");
        assertThat(status(offer)).as("opening the link alone").isEqualTo(EnrollmentStatus.OFFERED);
        openLink(EnrollmentMail.ACCEPT_PAGE, token); // a mail scanner opening it again
        assertThat(status(offer)).isEqualTo(EnrollmentStatus.OFFERED);

        page = openLink(EnrollmentMail.ACCEPT_PAGE, token);
        test(page.answer).click();
        assertThat(page.state).isEqualTo(LinkState.DONE);
        assertThat(heading()).isEqualTo(page.getTranslation("offerLink.accept.DONE.title"));
        assertThat(status(offer)).isEqualTo(EnrollmentStatus.ENROLLED);

        page = openLink(EnrollmentMail.ACCEPT_PAGE, token);
        assertThat(page.state).as("the same link again").isEqualTo(LinkState.USED);
        assertThat(heading()).isEqualTo(page.getTranslation("offerLink.USED.title"));
    }

    @Test
    void the_decline_link_declines_and_the_seat_goes_to_the_next_in_line() {
        Enrollment offer = offer();
        OfferLinkPage page = openLink(EnrollmentMail.DECLINE_PAGE, token(EnrollmentMail.DECLINE, offer, Duration.ofHours(25)));
        assertThat(page).isInstanceOf(DeclineOfferView.class);
        assertThat(heading()).isEqualTo("자리 제안 사양");
        assertThat(page.answer.getText()).isEqualTo("사양하기");
        test(page.answer).click();
        assertThat(heading()).isEqualTo("자리를 사양했습니다");
        assertThat(status(offer)).isEqualTo(EnrollmentStatus.DECLINED);
        assertThat(Scenes.as(behind, () -> enrollments.myEnrollments().getFirst().status())).isEqualTo(EnrollmentStatus.OFFERED);
    }

    @Test
    void an_offer_answered_in_the_portal_says_so_with_where_it_stands() {
        Enrollment offer = offer();
        String token = token(EnrollmentMail.DECLINE, offer, Duration.ofHours(25));
        Scenes.as(waiting, () -> enrollments.acceptOffer(offer.id()));
        OfferLinkPage page = openLink(EnrollmentMail.DECLINE_PAGE, token);
        assertThat(page.state).isEqualTo(LinkState.ALREADY_ANSWERED);
        assertThat(heading()).isEqualTo("이미 답한 제안입니다");
        assertThat(page.getElement().getTextRecursively()).contains("지금 상태: 신청 완료").contains("나의 배움으로 가기");
        assertThat(status(offer)).isEqualTo(EnrollmentStatus.ENROLLED);
    }

    @Test
    void an_offer_whose_time_ran_out_is_too_late_even_before_the_sweep_ends_it() {
        Enrollment offer = offer();
        String token = token(EnrollmentMail.ACCEPT, offer, Duration.ofDays(3));
        OfferLinkPage page = openLink(EnrollmentMail.ACCEPT_PAGE, token); // opened in time, pressed too late
        clock.advance(Duration.ofHours(25));
        test(page.answer).click();
        assertThat(page.state).isEqualTo(LinkState.TOO_LATE);
        assertThat(heading()).isEqualTo("제안 기한이 지났습니다");
        assertThat(status(offer)).isNotEqualTo(EnrollmentStatus.ENROLLED);
    }

    @Test
    void opening_a_link_to_an_offer_past_its_deadline_says_too_late_before_the_sweep_ends_it_and_shows_no_button() {
        Enrollment offer = offer();
        String accept = token(EnrollmentMail.ACCEPT, offer, Duration.ofDays(3));
        String decline = token(EnrollmentMail.DECLINE, offer, Duration.ofDays(3));
        clock.advance(Duration.ofHours(24).plusSeconds(1));

        OfferLinkPage page = openLink(EnrollmentMail.ACCEPT_PAGE, accept);
        assertThat(page.state).isEqualTo(LinkState.TOO_LATE);
        assertThat(heading()).isEqualTo("제안 기한이 지났습니다");
        assertThat(page.answer.isAttached()).as("no button to press").isFalse();
        assertThat(page.getElement().getTextRecursively()).as("not 'now: offered'")
                .doesNotContain(page.getTranslation("enrollment.status.OFFERED"));
        page = openLink(EnrollmentMail.DECLINE_PAGE, decline);
        assertThat(page.state).isEqualTo(LinkState.TOO_LATE);
        assertThat(status(offer)).as("the sweep has not run").isEqualTo(EnrollmentStatus.OFFERED);
    }

    @Test
    void an_expired_or_changed_link_says_what_happened() {
        Enrollment offer = offer();
        String token = token(EnrollmentMail.ACCEPT, offer, Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(2));
        OfferLinkPage page = openLink(EnrollmentMail.ACCEPT_PAGE, token);
        assertThat(page.state).isEqualTo(LinkState.EXPIRED);
        assertThat(heading()).isEqualTo("링크 기한이 지났습니다");

        page = openLink(EnrollmentMail.ACCEPT_PAGE, token.substring(0, token.length() - 2) + "xx");
        assertThat(page.state).isEqualTo(LinkState.INVALID);
        assertThat(heading()).isEqualTo("올바르지 않은 링크입니다");

        page = openLink(EnrollmentMail.DECLINE_PAGE, token(EnrollmentMail.ACCEPT, offer, Duration.ofHours(1)));
        assertThat(page.state).as("an accept link used as a decline link").isEqualTo(LinkState.INVALID);
        page = openLink(EnrollmentMail.ACCEPT_PAGE, "");
        assertThat(page.state).isEqualTo(LinkState.INVALID);
        assertThat(status(offer)).isEqualTo(EnrollmentStatus.OFFERED);
    }

    @Test
    void the_pages_speak_english_too() {
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        Enrollment offer = offer();
        OfferLinkPage page = openLink(EnrollmentMail.ACCEPT_PAGE, token(EnrollmentMail.ACCEPT, offer, Duration.ofHours(25)));
        assertThat(heading()).isEqualTo("Accept an offered seat");
        assertThat(page.answer.getText()).isEqualTo("Accept the seat");
        assertThat(page.getElement().getTextRecursively()).contains("Answer by:");
    }
}
