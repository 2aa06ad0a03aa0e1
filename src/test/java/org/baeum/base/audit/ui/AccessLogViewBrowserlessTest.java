package org.baeum.base.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.audit.AccessLogEntry;
import org.baeum.base.audit.AccessLogQuery;
import org.baeum.base.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** ADMIN's access-log page: the grid, its filters and the download links (through the handler the link points at). */
@BaeumIntegrationTest
class AccessLogViewBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    AccessLog accessLog;

    @BeforeAll
    static void setUp(@Autowired TestAccounts accounts, @Autowired AccessLog accessLog) {
        accounts.create("view-admin", Role.ADMIN);
        TestAccounts.signIn(accounts.create("view-staff", Role.STAFF));
        try {
            accessLog.record(AccessAction.VIEW_PROFILE, "subject-view-1", "member search");
            accessLog.record(AccessAction.RESET_PASSWORD, "subject-view-2", "on the phone");
            accessLog.record(AccessAction.VIEW_HOUSEHOLD, "subject-view-1", null);
        } finally {
            TestAccounts.signOut();
        }
    }

    @SuppressWarnings("unchecked")
    private Grid<AccessLogEntry> grid() {
        return $(Grid.class).single();
    }

    private TextField textField(String label) {
        return $(TextField.class).all().stream().filter(f -> label.equals(f.getLabel())).findFirst().orElseThrow();
    }

    private String summary() {
        return $(Paragraph.class).all().stream().filter(p -> p.hasClassName("baeum-result-summary")).findFirst()
                .orElseThrow().getText();
    }

    private Anchor link(String className) {
        return $(Anchor.class).all().stream().filter(a -> a.hasClassName(className)).findFirst().orElseThrow();
    }

    @Test
    @WithUserDetails("view-admin")
    void admin_reads_the_log_newest_first_with_translated_actions() {
        navigate(AccessLogView.class);
        var grid = test(grid());
        assertThat(grid.size()).isEqualTo(3);
        assertThat(grid.getRow(0).action()).isEqualTo(AccessAction.VIEW_HOUSEHOLD);
        assertThat(grid.getCellText(0, 0)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(grid.getCellText(0, 1)).isEqualTo("view-staff");
        assertThat(grid.getCellText(0, 2)).isEqualTo("직원");
        assertThat(grid.getCellText(0, 3)).isEqualTo("가구 정보 열람");
        assertThat(grid.getCellText(0, 4)).isEqualTo("subject-view-1");
        assertThat(summary()).isEqualTo("조건에 맞는 기록 3건");
        assertThat($(DatePicker.class).all()).extracting(DatePicker::getLabel)
                .containsExactly("시작일 (서울 기준)", "종료일 (서울 기준)");
        assertThat($(ComboBox.class).single().getLabel()).isEqualTo("처리 유형");
        assertThat(grid().getAriaLabel()).contains("개인정보 접근 기록");
    }

    @Test
    @WithUserDetails("view-admin")
    void filters_narrow_the_grid_and_the_count() {
        navigate(AccessLogView.class);
        test(textField("정보주체 계정 ID")).setValue("subject-view-1");
        assertThat(test(grid()).size()).isEqualTo(2);
        assertThat(summary()).isEqualTo("조건에 맞는 기록 2건");
        test($(ComboBox.class).single()).selectItem("회원 정보 열람");
        assertThat(test(grid()).size()).isEqualTo(1);
        assertThat(test(grid()).getRow(0).detail()).isEqualTo("member search");
        test(textField("처리자 아이디")).setValue("somebody-else");
        assertThat(test(grid()).size()).isZero();
        assertThat(summary()).isEqualTo("조건에 맞는 기록 0건");
    }

    @Test
    @WithUserDetails("view-admin")
    void the_csv_link_downloads_the_filtered_entries_and_the_download_is_logged() throws Exception {
        navigate(AccessLogView.class);
        test(textField("정보주체 계정 ID")).setValue("subject-view-2");
        Anchor csv = link("baeum-export-csv");
        assertThat(csv.getElement().getTextRecursively()).isEqualTo("CSV로 내려받기");
        assertThat(link("baeum-export-xlsx").getElement().getTextRecursively()).isEqualTo("엑셀(XLSX)로 내려받기");

        VaadinSession session = VaadinSession.getCurrent();
        var resource = session.getResourceRegistry()
                .getResource(StreamResourceRegistry.ElementStreamResource.class, URI.create(csv.getHref())).orElseThrow();
        VaadinResponse response = mock(VaadinResponse.class);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        when(response.getOutputStream()).thenReturn(file);
        resource.getElementRequestHandler().handleRequest(mock(VaadinRequest.class), response, session, csv.getElement());

        String content = new String(file.toByteArray(), StandardCharsets.UTF_8);
        assertThat(content).startsWith("\uFEFF일시 (서울),").contains("비밀번호 초기화", "on the phone")
                .doesNotContain("member search");
        verify(response).setContentType("text/csv;charset=UTF-8");
        assertThat(accessLog.page(new AccessLogQuery(null, null, "view-admin", "subject-view-2",
                AccessAction.EXPORT_ACCESS_LOG), 0, 10)).singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("CSV"));
    }
}
