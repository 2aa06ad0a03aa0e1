package org.baeum.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.notification.Notification;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.mail.SentMailbox;
import org.baeum.base.security.Role;
import org.baeum.notification.NotificationKind;
import org.baeum.notification.NotificationService;
import org.baeum.notification.OutboxEntry;
import org.baeum.notification.OutboxRows;
import org.baeum.notification.OutboxState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/** Staff's outbox: masked recipients, counts, filters, a notification's content and "send again". */
@BaeumIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxViewBrowserlessTest extends SpringBrowserlessTest {

    static final String WAITING = "park.jiwoo@example.com";
    static final String SENT = "choi.seoyeon@example.com";
    static final String FAILED = "lee.minho@example.com";
    static final String ERROR = "SMTPSendFailedException: 550 mailbox unavailable";
    static String waitingId;
    static String sentId;
    static String failedId;

    @Autowired
    NotificationService notifications;
    @Autowired
    SentMailbox mailbox;

    @BeforeAll
    static void data(@Autowired TestAccounts accounts, @Autowired OutboxRows rows) {
        accounts.create("outbox-staff", Role.STAFF);
        sentId = rows.sent("view-sent", NotificationKind.CANCELLATION, OutboxRows.recipient(SENT, "최서연"),
                List.of("수영 초급", "강좌 폐강", "전액 환불"));
        waitingId = rows.waiting("view-waiting", OutboxRows.recipient(WAITING, "박지우"));
        failedId = rows.failed("view-failed", OutboxRows.recipient(FAILED, "이민호"), ERROR);
    }

    private OutboxView view() {
        return AopTestUtils.getUltimateTargetObject(navigate(OutboxView.class));
    }

    private List<OutboxEntry> rows(OutboxView view) {
        return IntStream.range(0, test(view.grid).size()).mapToObj(i -> test(view.grid).getRow(i)).toList();
    }

    private int rowOf(OutboxView view, String id) {
        List<OutboxEntry> rows = rows(view);
        return IntStream.range(0, rows.size()).filter(i -> rows.get(i).id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    @WithUserDetails("outbox-staff")
    void staff_see_counts_per_state_and_every_notification_with_the_recipient_masked() {
        OutboxView view = view();
        assertThat(view.counts.getText()).isEqualTo("대기 중 1건 · 보내는 중 0건 · 보냄 1건 · 실패 1건");
        assertThat(view.summary.getText()).isEqualTo("조건에 맞는 알림 3건");
        assertThat(rows(view)).extracting(OutboxEntry::id).containsExactly(failedId, waitingId, sentId);

        var grid = test(view.grid);
        for (int row = 0; row < grid.size(); row++) {
            for (int column = 0; column < 7; column++) {
                assertThat(grid.getCellText(row, column)).as("row %d, column %d", row, column)
                        .doesNotContain("lee.minho", "park.jiwoo", "choi.seoyeon");
            }
        }
        assertThat(grid.getCellText(0, 1)).isEqualTo("수업 전날 알림");
        assertThat(grid.getCellText(0, 2)).isEqualTo("l***@example.com");
        assertThat(grid.getCellText(0, 3)).isEqualTo("실패");
        assertThat(grid.getCellText(0, 4)).isEqualTo("1");
        assertThat(grid.getCellText(0, 6)).isEqualTo(ERROR);
        assertThat(grid.getCellText(1, 3)).isEqualTo("대기 중");
        assertThat(grid.getCellText(1, 5)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} 예정");
        assertThat(grid.getCellText(2, 1)).isEqualTo("취소 안내");
        assertThat(grid.getCellText(2, 2)).isEqualTo("c***@example.com");
        assertThat(grid.getCellText(2, 3)).isEqualTo("보냄");
        assertThat(grid.getCellText(2, 5)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} 보냄");
        assertThat(view.grid.getAriaLabel()).hasValue("알림 발송 현황");
        assertThat(List.of(view.state.getLabel(), view.kind.getLabel(), view.recipient.getLabel()))
                .containsExactly("상태", "알림 종류", "받는 사람 이메일");
    }

    @Test
    @WithUserDetails("outbox-staff")
    void filters_narrow_by_state_kind_and_exact_recipient_address() {
        OutboxView view = view();
        test(view.state).selectItem("실패");
        assertThat(rows(view)).extracting(OutboxEntry::id).containsExactly(failedId);
        assertThat(view.summary.getText()).isEqualTo("조건에 맞는 알림 1건");
        test(view.state).selectItem("모든 상태");
        assertThat(test(view.grid).size()).isEqualTo(3);

        test(view.kind).selectItem("취소 안내");
        assertThat(rows(view)).extracting(OutboxEntry::id).containsExactly(sentId);
        test(view.kind).selectItem("수업 전날 알림");
        assertThat(rows(view)).extracting(OutboxEntry::id).containsExactly(failedId, waitingId);

        test(view.recipient).setValue("  Park.JiWoo@Example.com ");
        assertThat(rows(view)).extracting(OutboxEntry::id).containsExactly(waitingId);
        test(view.recipient).setValue("park@example.com");
        assertThat(test(view.grid).size()).isZero();
        assertThat(view.summary.getText()).isEqualTo("조건에 맞는 알림 0건");
    }

    @Test
    @WithUserDetails("outbox-staff")
    void opening_a_notification_shows_subject_masked_recipient_message_id_and_text_body() {
        OutboxView view = view();
        test(view.grid).select(rowOf(view, failedId));
        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(view.dialog.getHeaderTitle()).isEqualTo("[배움] 내일 수업 안내: 12월 8일(화)");
        String facts = $(DescriptionList.class, view.dialog).single().getElement().getTextRecursively();
        assertThat(facts).contains("l***@example.com", "<" + failedId + "@", ERROR).doesNotContain(FAILED);
        assertThat(view.body.getText()).contains("이민호님", "내일 12월 8일(화)에 있는 수업 1건을 알려 드립니다.", "수영 초급 · 10:00 · 본관 수영장");
        IFrame html = $(IFrame.class, view.dialog).single();
        assertThat(html.getElement().getAttribute("sandbox")).isEmpty();
        assertThat(html.getSrcdoc()).hasValueSatisfying(doc -> assertThat(doc).contains("본관 수영장"));
        assertThat(html.getElement().getAttribute("title")).isEqualTo("HTML 미리 보기");
        assertThat(view.resend.getText()).isEqualTo("다시 보내기");
        view.dialog.close();

        view.open(waitingId);
        assertThat(view.dialog.getHeaderTitle()).isEqualTo("[배움] 내일 수업 안내: 12월 8일(화)");
        assertThat(view.resend).as("only a failed notification can be sent again").isNull();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    @WithUserDetails("outbox-staff")
    void send_again_puts_a_failed_notification_back_in_line_and_it_is_sent() {
        int mailBefore = org.baeum.base.mail.EmbeddedSmtp.count(mailbox);
        OutboxView view = view();
        view.open(failedId);
        test(view.resend).click();

        assertThat(view.dialog.isOpened()).isFalse();
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("알림을 다시 보내도록 대기열에 넣었습니다. 곧 발송됩니다.");
        OutboxEntry requeued = notifications.message(failedId).orElseThrow().entry();
        assertThat(requeued.state()).isIn(OutboxState.PENDING, OutboxState.CLAIMED, OutboxState.DONE);
        await().pollInSameThread().atMost(Duration.ofSeconds(30))
                .until(() -> notifications.message(failedId).orElseThrow().entry().state() == OutboxState.DONE);
        await().atMost(Duration.ofSeconds(10)).until(() -> org.baeum.base.mail.EmbeddedSmtp.whole(mailbox, 0, 50).stream()
                .anyMatch(m -> m.to().contains(FAILED)));
        assertThat(org.baeum.base.mail.EmbeddedSmtp.count(mailbox)).isGreaterThan(mailBefore);
        assertThat(notifications.countByState(OutboxState.FAILED)).isZero();

        assertThat(notifications.resend(failedId)).as("a row that is not failed is not queued again").isFalse();
    }
}
