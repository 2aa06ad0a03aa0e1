package org.baeum.recruitment.ui;

import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.baeum.base.i18n.Formats;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundDrawsService;
import org.baeum.recruitment.RoundId;
import org.baeum.recruitment.RoundService;
import org.baeum.recruitment.RoundStatus;
import org.baeum.recruitment.draw.DrawRecord;
import org.baeum.recruitment.draw.DrawRecord.Application;
import org.baeum.recruitment.draw.DrawRecord.Result;

/**
 * A round's public draw record (decision 0027), for anyone: the rule in words, the commitment, the seed once drawn,
 * the draw order and every application's result, and a status line that the visitor's own browser fills: it fetches
 * {@code /api/v1/rounds/{id}/draw} and recomputes the draw with Web Crypto ({@code frontend/draw-verify.js}), so the
 * citizen need not trust this page's server-side text. Before the lottery closes only the commitment is shown.
 */
@Route("rounds/:id/draw")
@AnonymousAllowed
@JsModule("./draw-verify.js")
class DrawRecordView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String STATUS_ID = "draw-verification";

    private final transient RoundService rounds;
    private final transient RoundDrawsService draws;
    private final transient CatalogService catalog;
    private String title = "";

    DrawRecordView(RoundService rounds, RoundDrawsService draws, CatalogService catalog) {
        this.rounds = rounds;
        this.draws = draws;
        this.catalog = catalog;
        addClassName("baeum-draw-record");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Round> round = event.getRouteParameters().get("id").filter(RoundId::wellFormed)
                .flatMap(id -> rounds.round(new RoundId(id)));
        if (round.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show(round.get());
    }

    private void show(Round round) {
        Locale locale = getLocale();
        title = getTranslation("draw.heading", round.title(locale));
        add(new H1(title));
        add(new Paragraph(getTranslation("draw.rule.words")),
                new Paragraph(getTranslation("draw.rule.id", org.baeum.recruitment.draw.Draw.RULE)));
        DescriptionList facts = new DescriptionList();
        if (round.commitment() != null) {
            fact(facts, "draw.commitment", round.commitment());
            fact(facts, "draw.committedAt", Formats.dateTime(round.committedAt(), locale));
        }
        if (round.status() == RoundStatus.UPCOMING || round.status() == RoundStatus.OPEN) {
            add(facts, new Paragraph(getTranslation("draw.notClosed",
                    Formats.dateTime(round.lottery().closesAt(), locale))));
            return;
        }
        DrawRecord record = draws.record(round.id());
        fact(facts, "draw.seed", record.seed() == null ? getTranslation("draw.seed.notYet") : record.seed());
        if (record.drawnAt() != null) {
            fact(facts, "draw.drawnAt", Formats.dateTime(Instant.parse(record.drawnAt()), locale));
        }
        add(facts);
        Paragraph status = new Paragraph();
        status.setId(STATUS_ID);
        status.getElement().setAttribute("aria-live", "polite");
        add(new H2(getTranslation("draw.results")), grid(record, locale), status);
        if (record.seed() == null) {
            status.setText(getTranslation("draw.verify.notDrawn"));
            return;
        }
        status.setText(getTranslation("draw.verify.running"));
        status.getElement().executeJs("""
                const show = text => { this.textContent = text; };
                fetch($0, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
                  .then(response => { if (!response.ok) throw new Error(String(response.status)); return response.json(); })
                  .then(record => window.baeumVerifyDraw(record))
                  .then(v => show(v.ok ? $1 : $2.split('{field}').join(v.field)
                      .split('{expected}').join(v.expected).split('{found}').join(v.found)))
                  .catch(() => show($3));
                """, "api/v1/rounds/" + round.id().value() + "/draw", getTranslation("draw.verify.ok"),
                getTranslation("draw.verify.mismatch", "{field}", "{expected}", "{found}"),
                getTranslation("draw.verify.failed"));
    }

    /** The applications in draw order (before the draw: in number order), each with its result. */
    private Grid<Row> grid(DrawRecord record, Locale locale) {
        Map<String, String> titles = new HashMap<>();
        record.offerings().forEach(o -> titles.put(o.id(), catalog.offering(new OfferingId(o.id()))
                .map(found -> found.title(locale)).orElse(o.id())));
        Map<String, Result> results = record.results().stream().collect(Collectors.toMap(Result::number, r -> r));
        Map<String, Application> byNumber = record.applications().stream()
                .collect(Collectors.toMap(Application::number, a -> a));
        List<String> numbers = record.order().isEmpty()
                ? record.applications().stream().map(Application::number).toList() : record.order();
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            Application a = byNumber.get(numbers.get(i));
            Result r = results.get(a.number());
            String result = r == null ? getTranslation("draw.result.pending")
                    : r.won() ? getTranslation("draw.result.won." + r.share().json(), titles.get(r.offering()))
                    : getTranslation("draw.result.lost");
            rows.add(new Row(record.order().isEmpty() ? "" : String.valueOf(i + 1), a.number(), a.weight(),
                    a.choices().stream().map(c -> titles.getOrDefault(c, c)).collect(Collectors.joining(" › ")),
                    a.seats(), result));
        }
        Grid<Row> grid = new Grid<>();
        grid.addColumn(Row::rank).setHeader(getTranslation("draw.column.rank")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Row::number).setHeader(getTranslation("draw.column.number")).setAutoWidth(true);
        grid.addColumn(Row::weight).setHeader(getTranslation("draw.column.weight")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Row::choices).setHeader(getTranslation("draw.column.choices"));
        grid.addColumn(Row::seats).setHeader(getTranslation("draw.column.seats")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Row::result).setHeader(getTranslation("draw.column.result")).setAutoWidth(true);
        grid.setItems(rows);
        grid.setAllRowsVisible(rows.size() <= 50);
        grid.setAriaLabel(getTranslation("draw.results"));
        return grid;
    }

    private void fact(DescriptionList facts, String key, String value) {
        facts.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
    }

    @Override
    public String getPageTitle() {
        return title + " | " + getTranslation("app.name");
    }

    /** One line of the grid: the place in the draw order (empty before the draw), the entry and its result. */
    record Row(String rank, String number, int weight, String choices, int seats, String result) {
    }
}
