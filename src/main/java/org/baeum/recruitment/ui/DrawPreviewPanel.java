package org.baeum.recruitment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.util.Map;
import org.baeum.recruitment.DrawPreview;
import org.baeum.recruitment.RoundId;
import org.baeum.recruitment.RoundPreviews;

/**
 * The dry-run draw on the round's page: a button that draws a copy of the current applications with a throw-away
 * seed ({@link RoundPreviews}) and shows, clearly marked as a test that changes nothing, per offering the seats, the
 * winners and the losers, and overall how many applications won and lost. Each click is a new draw.
 */
class DrawPreviewPanel extends Section {

    final Button run = new Button();
    final Paragraph summary = new Paragraph();
    final Grid<DrawPreview.PerOffering> grid = new Grid<>();
    private final H3 heading = new H3();
    private final Paragraph note = new Paragraph();

    DrawPreviewPanel(RoundPreviews previews, RoundId round, Map<String, String> titles) {
        addClassName("baeum-draw-preview");
        setWidthFull();
        run.setText(getTranslation("roundDesk.preview"));
        run.addClickListener(e -> show(previews.preview(round)));
        heading.setText(getTranslation("roundDesk.preview.heading"));
        note.setText(getTranslation("roundDesk.preview.note"));
        summary.getElement().setAttribute("aria-live", "polite");
        grid.setAriaLabel(getTranslation("roundDesk.preview.heading"));
        grid.addColumn(p -> titles.getOrDefault(p.offering().value(), p.offering().value()))
                .setHeader(getTranslation("roundDesk.column.offering")).setFlexGrow(1);
        grid.addColumn(DrawPreview.PerOffering::seats).setHeader(getTranslation("roundDesk.column.seats")).setAutoWidth(true);
        grid.addColumn(DrawPreview.PerOffering::seatsGiven).setHeader(getTranslation("roundDesk.column.seatsGiven"))
                .setAutoWidth(true);
        grid.addColumn(p -> p.winners().size()).setHeader(getTranslation("roundDesk.column.winners"))
                .setAutoWidth(true);
        grid.addColumn(p -> p.losers().size()).setHeader(getTranslation("roundDesk.column.losers"))
                .setAutoWidth(true);
        grid.addColumn(p -> String.join(", ", p.winners())).setHeader(getTranslation("roundDesk.column.winnerNumbers"))
                .setFlexGrow(1);
        grid.setAllRowsVisible(true);
        heading.setVisible(false);
        note.setVisible(false);
        grid.setVisible(false);
        add(new H2(getTranslation("roundDesk.preview.section")), new Paragraph(getTranslation("roundDesk.preview.intro")),
                run, summary, heading, note, grid);
    }

    void show(DrawPreview preview) {
        heading.setVisible(true);
        note.setVisible(true);
        grid.setVisible(true);
        grid.setItems(preview.offerings());
        summary.setText(getTranslation("roundDesk.preview.summary", preview.applications(), preview.won(), preview.lost()));
    }
}
