package org.baeum.catalog.imports.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.baeum.base.security.Role;
import org.baeum.catalog.imports.CatalogImportTemplate;
import org.baeum.catalog.imports.CatalogImports;
import org.baeum.catalog.imports.ImportColumns;
import org.baeum.catalog.imports.ImportFileException;
import org.baeum.catalog.imports.ImportOutcome;
import org.baeum.catalog.imports.ImportPreview;
import org.baeum.catalog.imports.ImportRowResult;

/**
 * Staff import programs and offerings from a spreadsheet (decision 0041): download the template, upload the filled
 * file, read the preview (a row per line of the file with its outcome and every problem at its column), and apply it
 * when no row has an error. The file (at most {@link CatalogImports#MAX_BYTES}) is kept in memory until the next upload
 * or the apply, which checks it again on the server.
 */
@Route("staff/catalog-import")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
class CatalogImportView extends VerticalLayout implements HasDynamicTitle {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final transient CatalogImports imports;
    final Upload upload;
    final Grid<ImportRowResult> grid = new Grid<>();
    final Button apply = new Button();
    /** What the last upload or apply came to; announced politely (errors as an alert). */
    final Div status = new Div();
    private byte[] file;

    CatalogImportView(CatalogImports imports, CatalogImportTemplate template) {
        this.imports = imports;
        addClassName("baeum-catalog-import");
        H1 title = new H1(getTranslation("catalog.import.title"));
        Paragraph intro = new Paragraph(getTranslation("catalog.import.intro"));

        DownloadHandler download = (DownloadEvent event) -> {
            event.setFileName(CatalogImportTemplate.FILE_NAME);
            event.setContentType(XLSX);
            try (OutputStream out = event.getOutputStream()) {
                template.write(out);
            }
        };
        Anchor templateLink = new Anchor(download, "");
        var icon = VaadinIcon.DOWNLOAD_ALT.create();
        icon.getElement().setAttribute("aria-hidden", "true");
        templateLink.add(icon, new Span(getTranslation("catalog.import.template")));

        // in memory, but never more than the limit (+1 byte to tell a larger file) whatever the browser claims
        upload = new Upload((UploadHandler) event -> {
            byte[] data;
            try (InputStream in = event.getInputStream()) {
                data = in.readNBytes(CatalogImports.MAX_BYTES + 1);
            }
            event.getUI().access(() -> received(data));
        });
        upload.setMaxFiles(1);
        upload.setMaxFileSize(CatalogImports.MAX_BYTES);
        upload.setAcceptedFileTypes(".xlsx", XLSX);
        Button pick = new Button(getTranslation("catalog.import.upload"));
        upload.setUploadButton(pick);
        upload.setDropLabel(new Span(getTranslation("catalog.import.uploadHint")));
        upload.getElement().setAttribute("aria-label", getTranslation("catalog.import.upload"));
        upload.addFileRejectedListener(e -> problem(getTranslation(e.getErrorMessage().toLowerCase(java.util.Locale.ROOT).contains("big")
                ? "catalog.import.file.tooLarge" : "catalog.import.file.notXlsx", CatalogImports.MAX_BYTES / 1024 / 1024)));

        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");

        grid.setAriaLabel(getTranslation("catalog.import.grid"));
        grid.addColumn(ImportRowResult::sheet).setHeader(getTranslation("catalog.import.column.sheet")).setAutoWidth(true);
        grid.addColumn(ImportRowResult::row).setHeader(getTranslation("catalog.import.column.row")).setAutoWidth(true);
        grid.addColumn(ImportRowResult::code).setHeader(getTranslation("catalog.import.column.code")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("catalog.import.outcome." + r.outcome().name()))
                .setHeader(getTranslation("catalog.import.column.outcome")).setAutoWidth(true);
        grid.addColumn(this::messages).setHeader(getTranslation("catalog.import.column.messages")).setFlexGrow(3);
        grid.setPartNameGenerator(r -> r.outcome() == ImportOutcome.ERROR ? "baeum-import-error" : null);
        grid.setHeight("28rem");

        apply.setText(getTranslation("catalog.import.apply"));
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> applyFile());

        HorizontalLayout bar = new HorizontalLayout(templateLink, apply);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        add(title, intro, bar, upload, status, grid);
    }

    /** The uploaded file: previewed at once, kept for apply. */
    void received(byte[] data) {
        file = data;
        try {
            show(imports.preview(data));
        } catch (ImportFileException bad) {
            file = null;
            grid.setItems(List.of());
            apply.setEnabled(false);
            problem(getTranslation(bad.messageKey(), bad.arguments()));
        }
    }

    private void applyFile() {
        if (file == null) {
            return;
        }
        try {
            show(imports.apply(file));
        } catch (ImportFileException bad) {
            problem(getTranslation(bad.messageKey(), bad.arguments()));
        }
    }

    private void show(ImportPreview preview) {
        grid.setItems(preview.rows());
        long errors = preview.count(ImportOutcome.ERROR);
        long create = preview.count(ImportOutcome.CREATE);
        long update = preview.count(ImportOutcome.UPDATE);
        long unchanged = preview.count(ImportOutcome.UNCHANGED);
        if (preview.applied()) {
            file = null;
            apply.setEnabled(false);
            message(getTranslation("catalog.import.appliedSummary", create, update, unchanged), false);
        } else if (errors > 0 && apply.isEnabled()) {
            apply.setEnabled(false);
            problem(getTranslation("catalog.import.notApplied", errors));
        } else {
            boolean fine = errors == 0 && (create + update) > 0;
            apply.setEnabled(fine);
            String summary = getTranslation("catalog.import.previewSummary", create, update, unchanged, errors);
            message(errors > 0 ? summary + " " + getTranslation("catalog.import.applyDisabled") : summary, errors > 0);
        }
    }

    private void problem(String text) {
        message(text, true);
    }

    /** Replaces the status text; a problem is an alert so that screen readers read it at once. */
    private void message(String text, boolean alert) {
        status.setText(text);
        status.getElement().setAttribute("role", alert ? "alert" : "status");
        status.getElement().setAttribute("aria-live", alert ? "assertive" : "polite");
    }

    private String messages(ImportRowResult r) {
        return r.problems().stream().map(p -> getTranslation("catalog.import.problem",
                        ImportColumns.heading(r.sheet(), p.field()), getTranslation(p.messageKey(), p.arguments().toArray())))
                .collect(Collectors.joining(" · "));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("catalog.import.title");
    }
}
