package org.baeum.attendance.transcript.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.List;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.BaeumIntegrationTest;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.completion.Completion;
import org.baeum.attendance.completion.CompletionRules;
import org.baeum.attendance.completion.Completions;
import org.baeum.attendance.transcript.CompletedClass;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.attendance.AttendanceClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * 학습 이력: the completed program of the signed-in household with its hours, a link to its verification page and a
 * certificate download, and the whole history as one PDF; none of the neighbour's; an empty history says so in words.
 */
@BaeumIntegrationTest
class TranscriptViewBrowserlessTest extends SpringBrowserlessTest {

    static final String HOLDER = "trn.view.holder@test.baeum";
    static final String NEIGHBOUR = "trn.view.neighbour@test.baeum";
    static final String NOBODY = "trn.view.nobody@test.baeum";
    static CompletedClass completed;

    @BeforeAll
    static void data(@Autowired TestAccounts accounts, @Autowired CatalogService catalog,
                     @Autowired MutableClock clock, @Autowired AttendanceClasses fixture,
                     @Autowired CompletionRules rules, @Autowired Attendance attendance,
                     @Autowired Completions completions) {
        fixture.withDemoCatalog();
        BaeumUser teacher = accounts.create("trn-view-teacher", Role.INSTRUCTOR);
        BaeumUser staff = accounts.create("trn-view-staff", Role.STAFF);
        BaeumUser holder = accounts.citizen(HOLDER, "한수료", LocalDate.of(1955, 6, 6));
        BaeumUser neighbour = accounts.citizen(NEIGHBOUR, "두이웃", LocalDate.of(1956, 7, 7));
        BaeumUser absent = accounts.citizen("trn.view.absent@test.baeum", "세결석", LocalDate.of(1957, 8, 8));
        accounts.citizen(NOBODY, "무이력", LocalDate.of(1960, 1, 1));
        completed = CompletedClass.of(teacher, staff, List.of(holder, neighbour, absent), fixture, catalog, clock,
                rules, attendance, completions);
    }

    @Test
    @WithUserDetails(HOLDER)
    void the_household_sees_its_completed_program_with_hours_verification_link_and_download() {
        Completion own = of("한수료");
        UI.getCurrent().navigate(TranscriptView.class);
        // the participant's section, then the honorary degree's (DegreeSection)
        assertThat($(H2.class).all()).extracting(H2::getText).containsExactly("한수료", "명예시민학위");
        assertThat($(Paragraph.class).withClassName("baeum-degree-hours").single().getText())
                .isEqualTo("한수료: 인정 학습 시간 " + TranscriptView.hours(own.hours(), UI.getCurrent().getLocale())
                        + "시간");
        List<ListItem> items = $(ListItem.class).withClassName("baeum-transcript-item").all();
        assertThat(items).singleElement().satisfies(li -> assertThat(li.getElement().getTextRecursively())
                .contains(completed.offering().program().titleKo(), TranscriptView.hours(own.hours(), UI.getCurrent()
                        .getLocale()) + "시간"));
        Anchor verify = $(Anchor.class).withClassName("baeum-transcript-verify").single();
        assertThat(verify.getHref()).isEqualTo("certificates/" + own.certificateCode());
        assertThat(verify.getElement().getAttribute("aria-label")).contains(completed.offering().program().titleKo());
        Anchor pdf = $(Anchor.class).withClassName("baeum-transcript-pdf").single();
        assertThat(pdf.getHref()).isNotBlank();
        assertThat(pdf.getElement().getTextRecursively()).contains("수료증 PDF 내려받기");
        // the accessible name starts with the visible text (WCAG 2.5.3), then the program
        assertThat(pdf.getElement().getAttribute("aria-label"))
                .isEqualTo("수료증 PDF 내려받기: " + completed.offering().program().titleKo());
        assertThat(verify.getElement().getAttribute("aria-label")).startsWith("진위 확인: ");
        assertThat($(Paragraph.class).withClassName("baeum-transcript-total").single().getText())
                .isEqualTo("총 학습 시간: " + TranscriptView.hours(own.hours(), UI.getCurrent().getLocale()) + "시간");
        assertThat($(Anchor.class).all()).extracting(Anchor::getHref)
                .doesNotContain("certificates/" + of("두이웃").certificateCode());
        assertThat($(Paragraph.class).withClassName("baeum-transcript-empty").all()).isEmpty();
        // the whole learning history as one PDF, named by its visible text first
        Anchor whole = $(Anchor.class).withClassName("baeum-transcript-all-pdf").single();
        assertThat(whole.getHref()).isNotBlank();
        assertThat(whole.getElement().getTextRecursively()).isEqualTo("학습 이력 PDF 내려받기");
        assertThat(whole.getElement().getAttribute("aria-label")).isEqualTo("학습 이력 PDF 내려받기: 가족 모두의 수료 강좌");
    }

    private static Completion of(String name) {
        Completion c = completed.confirmed().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        assertThat(c.certificateCode()).isNotNull();
        return c;
    }

    @Test
    @WithUserDetails(NOBODY)
    void an_empty_history_says_so() {
        UI.getCurrent().navigate(TranscriptView.class);
        assertThat($(Paragraph.class).withClassName("baeum-transcript-empty").single().getText())
                .startsWith("아직 수료한 강좌가 없습니다");
        assertThat($(ListItem.class).withClassName("baeum-transcript-item").all()).isEmpty();
        assertThat($(Anchor.class).withClassName("baeum-transcript-pdf").all()).isEmpty();
        assertThat($(Anchor.class).withClassName("baeum-transcript-all-pdf").all()).isEmpty();
    }
}
