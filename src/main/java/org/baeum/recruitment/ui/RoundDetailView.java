package org.baeum.recruitment.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baeum.account.FeeReductionCategories;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.recruitment.ApplicationCounts;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundExports;
import org.baeum.recruitment.RoundId;
import org.baeum.recruitment.RoundPhase;
import org.baeum.recruitment.RoundPreviews;
import org.baeum.recruitment.RoundService;

/**
 * One round for STAFF and ADMIN: its status and phases, the submitted applications per offering (first choice, any
 * choice, against the seats), the applications flagged as the same person from two households (number and masked
 * household name), a link to the public draw page, the dry-run draw ({@link DrawPreviewPanel}) and the XLSX export.
 */
@Route("staff/rounds/:id")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
class RoundDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "id";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final transient RoundService rounds;
    private final transient RoundPreviews previews;
    private final transient RoundExports exports;
    private final transient CatalogService catalog;
    private final transient FeeReductionCategories eligibility;
    final Grid<Count> counts = new Grid<>();
    final Grid<ApplicationCounts.Flagged> flagged = new Grid<>();
    final Paragraph totals = new Paragraph();
    DrawPreviewPanel preview;
    private String title = "";

    RoundDetailView(RoundService rounds, RoundPreviews previews, RoundExports exports, CatalogService catalog,
                    FeeReductionCategories eligibility) {
        this.rounds = rounds;
        this.previews = previews;
        this.exports = exports;
        this.catalog = catalog;
        this.eligibility = eligibility;
        addClassName("baeum-round-desk");
        counts.setAriaLabel(getTranslation("roundDesk.applications"));
        counts.addColumn(Count::offering).setHeader(getTranslation("roundDesk.column.offering")).setFlexGrow(1);
        counts.addColumn(Count::seats).setHeader(getTranslation("roundDesk.column.seats")).setAutoWidth(true);
        counts.addColumn(Count::firstChoice).setHeader(getTranslation("roundDesk.column.firstChoice")).setAutoWidth(true);
        counts.addColumn(Count::anyChoice).setHeader(getTranslation("roundDesk.column.anyChoice")).setAutoWidth(true);
        counts.setAllRowsVisible(true);
        flagged.setAriaLabel(getTranslation("roundDesk.flagged"));
        flagged.addColumn(ApplicationCounts.Flagged::number).setHeader(getTranslation("roundDesk.column.number"))
                .setAutoWidth(true);
        flagged.addColumn(ApplicationCounts.Flagged::household).setHeader(getTranslation("roundDesk.column.household"))
                .setFlexGrow(1);
        flagged.setEmptyStateText(getTranslation("roundDesk.flagged.none"));
        flagged.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Round> round = event.getRouteParameters().get(ID).filter(RoundId::wellFormed)
                .flatMap(id -> rounds.round(new RoundId(id)));
        if (round.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show(round.get());
    }

    private void show(Round round) {
        Locale locale = getLocale();
        title = getTranslation("roundDesk.title", round.title(locale));
        Map<String, Offering> offerings = new LinkedHashMap<>();
        round.offerings().forEach(o -> catalog.offering(o).ifPresent(found -> offerings.put(o.value(), found)));
        Map<String, String> titles = new LinkedHashMap<>();
        round.offerings().forEach(o -> titles.put(o.value(), Optional.ofNullable(offerings.get(o.value()))
                .map(found -> StaffRoundTexts.offering(found, locale)).orElse(o.value())));

        DescriptionList facts = new DescriptionList();
        fact(facts, "roundDesk.id", round.id().value());
        fact(facts, "roundDesk.status", getTranslation("round.status." + round.status().name()));
        fact(facts, "roundDesk.confirmationDeadline", Formats.dateTime(round.confirmationDeadline(), locale));
        fact(facts, "roundDesk.secondEntry", getTranslation(round.secondEntryForPreviousLosers()
                ? "roundDesk.yes" : "roundDesk.no"));
        fact(facts, "roundDesk.reserved", round.reserved().percent() == 0 ? getTranslation("roundDesk.reserved.none")
                : getTranslation("roundDesk.reserved.share", round.reserved().percent(),
                        round.reserved().categories().stream()
                                .map(code -> eligibility.category(code).map(k -> k.name(locale)).orElse(code))
                                .collect(java.util.stream.Collectors.joining(", ")), String.join(", ", round.reserved().districts())));
        OrderedList phases = new OrderedList();
        for (RoundPhase p : round.phases()) {
            phases.add(new ListItem(getTranslation("roundDesk.phaseLine", getTranslation("round.phaseKind." + p.kind().name()),
                    Formats.dateTime(p.opensAt(), locale), Formats.dateTime(p.closesAt(), locale))));
        }
        RouterLink back = new RouterLink(getTranslation("roundDesk.back"), StaffRoundsView.class);
        RouterLink drawPage = new RouterLink(getTranslation("roundDesk.drawPage"), DrawRecordView.class,
                new RouteParameters(ID, round.id().value()));
        HorizontalLayout links = new HorizontalLayout(back, drawPage, exportLink(round.id(), locale));
        links.setWrap(true);

        ApplicationCounts c = rounds.applications(round.id());
        totals.setText(getTranslation("roundDesk.totals", c.applications(), c.seats()));
        counts.setItems(c.offerings().stream().map(p -> new Count(titles.getOrDefault(p.offering().value(),
                p.offering().value()), seats(offerings, p.offering()), p.firstChoice(), p.anyChoice())).toList());
        flagged.setItems(c.duplicatePersons());
        preview = new DrawPreviewPanel(previews, round.id(), titles);

        add(new H1(title), links, facts, new H2(getTranslation("roundDesk.phases")), phases,
                new H2(getTranslation("roundDesk.applications")), totals, counts,
                new H2(getTranslation("roundDesk.flagged")), new Paragraph(getTranslation("roundDesk.flagged.intro",
                        c.duplicatePersons().size())), flagged, preview);
    }

    private static int seats(Map<String, Offering> offerings, OfferingId id) {
        Offering o = offerings.get(id.value());
        return o == null ? 0 : o.capacity();
    }

    /** The workbook of applications and results, made when the link is followed (outside the UI lock). */
    private Anchor exportLink(RoundId id, Locale locale) {
        DownloadHandler handler = (DownloadEvent event) -> {
            event.setFileName(RoundExports.fileName(id));
            event.setContentType(XLSX);
            try (OutputStream out = event.getOutputStream()) {
                exports.export(id, locale, out);
            }
        };
        Anchor anchor = new Anchor(handler, "");
        Icon icon = VaadinIcon.DOWNLOAD_ALT.create();
        icon.getElement().setAttribute("aria-hidden", "true");
        anchor.add(icon, new Span(getTranslation("roundDesk.export")));
        anchor.addClassName("baeum-export");
        return anchor;
    }

    private void fact(DescriptionList facts, String key, String value) {
        facts.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
    }

    @Override
    public String getPageTitle() {
        return title + " | " + getTranslation("app.name");
    }

    /** One offering's applications against its seats. */
    record Count(String offering, int seats, int firstChoice, int anyChoice) {
    }
}
