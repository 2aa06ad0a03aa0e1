package org.baeum.attendance.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.AttendanceClasses.Taught;
import org.baeum.attendance.AttendanceSheet;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.ChangeRecord;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.notification.internal.OutboxRepository;
import org.bson.Document;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/**
 * The tools on the attendance page in the browserless kit: a class notice refused at its field changes nothing, a sent
 * one adds one outbox mail per household and says how many; the XLSX and PDF downloads are there with names and give
 * the class's files; STAFF changing a session past the 7-day limit are asked for a reason, which is recorded.
 */
@BaeumIntegrationTest
class OfferingToolsBrowserlessTest extends SpringBrowserlessTest {

    static final String TEACHER = "ot-teacher";
    static final String STAFF = "ot-staff";
    static BaeumUser staff;
    static List<BaeumUser> citizens;
    static Taught refused;
    static Taught sent;
    static Taught files;
    static Taught late;

    @Autowired
    Attendance attendance;
    @Autowired
    MongoDatabase database;
    @Autowired
    MutableClock clock;

    @BeforeAll
    static void data(@Autowired AttendanceClasses fixture, @Autowired TestAccounts accounts) {
        AttendanceClasses classes = fixture.withDemoCatalog();
        BaeumUser teacher = accounts.create(TEACHER, Role.INSTRUCTOR);
        staff = accounts.create(STAFF, Role.STAFF);
        citizens = accounts.citizens("ot-", "도구반", 3, LocalDate.of(1962, 3, 1));
        refused = classes.taught(teacher, citizens);
        sent = classes.taught(teacher, citizens);
        files = classes.taught(teacher, citizens);
        late = classes.taught(teacher, citizens);
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    private AttendanceView open(Taught c) {
        UI.getCurrent().navigate(AttendanceView.path(c.id()));
        return AopTestUtils.getUltimateTargetObject(getCurrentView());
    }

    private List<Document> outbox(OfferingId offering) {
        return database.getCollection(OutboxRepository.COLLECTION)
                .find(Filters.regex("key", "^" + Pattern.quote("notice:" + offering.value() + ":")))
                .into(new ArrayList<>());
    }

    @Test
    @WithUserDetails(TEACHER)
    void a_notice_without_a_body_is_refused_at_the_field_and_nothing_is_sent() {
        AttendanceView view = open(refused);
        test(view.tools.notice).click();
        roundTrip(); // the dialog is attached on the way to the browser
        NoticeDialog dialog = view.tools.dialog;
        assertThat(dialog.isOpened()).isTrue();
        dialog.subject.setValue("강의실 변경");

        test(dialog.send).click();

        assertThat(dialog.body.isInvalid()).isTrue();
        assertThat(dialog.body.getErrorMessage()).isEqualTo("꼭 입력해 주세요.");
        assertThat(dialog.subject.isInvalid()).isFalse();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.send.isEnabled()).isTrue();
        assertThat(outbox(refused.id())).isEmpty();
    }

    @Test
    @WithUserDetails(TEACHER)
    void sending_a_notice_adds_one_mail_per_household_and_says_how_many() {
        AttendanceView view = open(sent);
        assertThat(view.tools.notice.getElement().getAttribute("aria-label")).isEqualTo("수업 공지 보내기: " + view.title);
        test(view.tools.notice).click();
        roundTrip(); // the dialog is attached on the way to the browser
        NoticeDialog dialog = view.tools.dialog;
        dialog.subject.setValue("준비물 안내");
        dialog.body.setValue("다음 시간에는 색연필을 가져오세요.");

        test(dialog.send).click();

        List<Document> rows = outbox(sent.id());
        assertThat(rows).hasSize(3).allSatisfy(d -> assertThat(d.getString("kind")).isEqualTo("INSTRUCTOR_MESSAGE"));
        assertThat(rows).extracting(d -> d.getString("accountId"))
                .containsExactlyInAnyOrderElementsOf(citizens.stream().map(BaeumUser::accountId).toList());
        assertThat(rows.getFirst().getString("textBody")).contains("다음 시간에는 색연필을 가져오세요.");
        assertThat(dialog.isOpened()).isFalse();
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("공지를 3가구에 보냈습니다.");
    }

    @Test
    @WithUserDetails(TEACHER)
    void the_downloads_are_named_for_the_class_and_give_its_workbook_and_sign_in_sheet() throws IOException {
        AttendanceView view = open(files);
        OfferingTools tools = view.tools;
        assertThat(tools.xlsx.getHref()).isNotBlank();
        assertThat(tools.pdf.getHref()).isNotBlank();
        assertThat(tools.xlsx.getElement().getAttribute("aria-label"))
                .isEqualTo("명단·출석 엑셀(XLSX) 내려받기: " + view.title); // the visible text first (WCAG 2.5.3)
        assertThat(tools.pdf.getElement().getAttribute("aria-label")).isEqualTo("인쇄용 출석부(PDF) 내려받기: " + view.title);

        byte[] xlsx = download(tools.xlsxHandler);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheets().map(s -> s.getName()).toList()).containsExactly("수강생 명단", "출석부");
            List<String> names = new ArrayList<>();
            wb.getFirstSheet().read().forEach(r -> names.add(r.getCellText(0)));
            assertThat(names).contains(citizens.get(0).displayName(), citizens.get(2).displayName());
        }
        byte[] pdf = download(tools.pdfHandler);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("출석부", citizens.get(1).displayName());
        }
    }

    private static byte[] download(DownloadHandler handler) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VaadinResponse response = mock(VaadinResponse.class);
        when(response.getOutputStream()).thenReturn(out);
        handler.handleDownloadRequest(new DownloadEvent(null, response, null, null));
        assertThat(out.size()).isPositive();
        return out.toByteArray();
    }

    @Test
    @WithUserDetails(STAFF)
    void staff_changing_a_session_past_the_limit_are_asked_for_a_reason_and_it_is_recorded() {
        LocalDate day = late.sessions().getFirst();
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, day.plusDays(Attendance.EDIT_DAYS + 1))));
        AttendanceView view = open(late);
        view.session.setValue(day);
        EnrollmentId first = late.entries().getFirst();
        EnrollmentId second = late.entries().get(1);

        test(row(view, first).buttons.get(AttendanceStatus.ABSENT)).click();
        roundTrip();

        assertThat(view.reasonDialog).isNotNull();
        assertThat(view.reasonDialog.isOpened()).isTrue();
        assertThat(view.unsaved).isEqualTo(Map.of(first, AttendanceStatus.ABSENT));
        assertThat(stored(first)).isEmpty();

        test(view.reasonDialog.save).click(); // no reason: refused at the field, still nothing stored
        assertThat(view.reasonDialog.reason.isInvalid()).isTrue();
        assertThat(view.reasonDialog.reason.getErrorMessage())
                .isEqualTo("수업일로부터 7일이 지났습니다. 변경 사유를 입력하세요.");
        assertThat(stored(first)).isEmpty();

        view.reasonDialog.reason.setValue("종이 출석부와 대조해 바로잡음");
        test(view.reasonDialog.save).click();

        assertThat(view.reasonDialog.isOpened()).isFalse();
        assertThat(stored(first)).isEqualTo(Map.of(day, AttendanceStatus.ABSENT));
        assertThat(view.unsaved).isEmpty();
        assertThat(view.status.getText()).isEqualTo("저장했습니다.");
        ChangeRecord change = attendance.lateChanges(late.id()).getFirst();
        assertThat(change.reason()).isEqualTo("종이 출석부와 대조해 바로잡음");
        assertThat(change.byAccountId()).isEqualTo(staff.accountId());
        assertThat(change.to()).isEqualTo(AttendanceStatus.ABSENT);

        LateReasonDialog asked = view.reasonDialog; // the next tap at that session keeps the reason given
        test(row(view, second).buttons.get(AttendanceStatus.EXCUSED)).click();
        assertThat(view.reasonDialog).isSameAs(asked);
        assertThat(stored(second)).isEqualTo(Map.of(day, AttendanceStatus.EXCUSED));
        assertThat(attendance.lateChanges(late.id())).hasSize(2)
                .allSatisfy(c -> assertThat(c.reason()).isEqualTo("종이 출석부와 대조해 바로잡음"));
    }

    private static MarkRow row(AttendanceView view, EnrollmentId id) {
        return view.markRows.stream().filter(r -> r.enrollmentId.equals(id)).findFirst().orElseThrow();
    }

    private Map<LocalDate, AttendanceStatus> stored(EnrollmentId id) {
        return attendance.sheet(late.id()).rows().stream().filter(r -> r.enrollmentId().equals(id))
                .map(AttendanceSheet.Row::marks).findFirst().orElseThrow();
    }
}
