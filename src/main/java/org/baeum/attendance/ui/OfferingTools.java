package org.baeum.attendance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.OutputStream;
import org.baeum.attendance.export.AttendanceExports;
import org.baeum.attendance.notice.ClassNotices;
import org.baeum.catalog.OfferingId;

/**
 * The tools on top of an offering's attendance page (issue 16, points 7 and 8): "수업 공지 보내기" opens a
 * {@link NoticeDialog}; two download links give the roster and attendance as an XLSX workbook (sheet 1 the roster,
 * sheet 2 the attendance matrix) and the printable sign-in sheet (출석부) as a PDF. The files are made when the link
 * is followed, by {@link AttendanceExports}, which checks the caller again and logs who exported what. Each control
 * has a name that says which class it is for, for screen readers.
 */
class OfferingTools extends Div {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final transient ClassNotices notices;
    private final transient AttendanceExports exports;
    private final OfferingId offeringId;
    private final String title;
    final Button notice = new Button();
    final Anchor xlsx;
    final Anchor pdf;
    final DownloadHandler xlsxHandler;
    final DownloadHandler pdfHandler;
    /** The notice dialog open now (or last), for tests. */
    NoticeDialog dialog;

    OfferingTools(ClassNotices notices, AttendanceExports exports, OfferingId offeringId, String title) {
        this.notices = notices;
        this.exports = exports;
        this.offeringId = offeringId;
        this.title = title;
        addClassName("baeum-offering-tools");
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                .set("align-items", "center").set("width", "100%");
        notice.setText(getTranslation("offeringTools.notice"));
        notice.setIcon(hidden(VaadinIcon.ENVELOPE_O.create()));
        notice.addClassName("baeum-send-notice");
        notice.getElement().setAttribute("aria-label", getTranslation("offeringTools.noticeOf", title));
        notice.getStyle().set("min-height", "44px");
        notice.addClickListener(e -> openNotice());
        xlsxHandler = (DownloadEvent event) -> {
            event.setFileName(AttendanceExports.fileName(offeringId));
            event.setContentType(XLSX);
            try (OutputStream out = event.getOutputStream()) {
                exports.xlsx(offeringId, out);
            }
        };
        pdfHandler = (DownloadEvent event) -> {
            event.setFileName("sign-in-sheet-" + offeringId.value() + ".pdf");
            event.setContentType("application/pdf");
            try (OutputStream out = event.getOutputStream()) {
                exports.signInSheet(offeringId, out);
            }
        };
        xlsx = link(xlsxHandler, "xlsx", "offeringTools.xlsx", "offeringTools.xlsxOf");
        pdf = link(pdfHandler, "pdf", "offeringTools.pdf", "offeringTools.pdfOf");
        add(notice, xlsx, pdf);
    }

    void openNotice() {
        dialog = new NoticeDialog(notices, offeringId, title);
        dialog.open();
    }

    private Anchor link(DownloadHandler handler, String kind, String textKey, String nameKey) {
        Anchor anchor = new Anchor(handler, "");
        anchor.add(hidden(VaadinIcon.DOWNLOAD_ALT.create()), new Span(getTranslation(textKey)));
        anchor.getElement().setAttribute("aria-label", getTranslation(nameKey, title));
        anchor.addClassName("baeum-export");
        anchor.addClassName("baeum-export-" + kind);
        anchor.getStyle().set("min-height", "44px").set("display", "inline-flex").set("align-items", "center")
                .set("gap", "var(--lumo-space-xs)").set("padding-inline", "var(--lumo-space-s)");
        return anchor;
    }

    private static Icon hidden(Icon icon) {
        icon.getElement().setAttribute("aria-hidden", "true");
        return icon;
    }
}
