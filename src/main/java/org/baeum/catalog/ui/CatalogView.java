package org.baeum.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.baeum.base.i18n.Formats;
import org.baeum.catalog.Audience;
import org.baeum.catalog.Branch;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.CatalogPage;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.CatalogSort;
import org.baeum.catalog.DeliveryFormat;
import org.baeum.catalog.InvalidQueryException;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingStatus;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.Term;
import org.baeum.catalog.TermId;
import org.baeum.catalog.TimeOfDay;

/**
 * Citizens find classes, pool and gym programs: a search box that finds part of a Korean word, filters,
 * sorting and pages. Every filter is in the URL, so a search can be bookmarked or shared.
 */
@Route("catalog")
@AnonymousAllowed
@Menu(order = 5, title = "nav.catalog", icon = "vaadin:search")
class CatalogView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CatalogService catalog;
    private final transient Clock clock;
    private final TextField search = new TextField();
    private final Select<Optional<PolicyDomain>> domain = new Select<>();
    private final Select<Optional<Audience>> audience = new Select<>();
    private final Select<Optional<BranchId>> branch = new Select<>();
    private final Select<Optional<DayOfWeek>> weekday = new Select<>();
    private final Select<Optional<TimeOfDay>> time = new Select<>();
    private final Select<Optional<TermId>> term = new Select<>();
    private final Select<Optional<Boolean>> fee = new Select<>();
    private final Select<Optional<DeliveryFormat>> format = new Select<>();
    private final IntegerField age = new IntegerField();
    private final Checkbox seatsLeft = new Checkbox();
    private final Select<CatalogSort> sort = new Select<>();
    private final Paragraph summary = new Paragraph();
    private final Paragraph notice = new Paragraph();
    private final UnorderedList results = new UnorderedList();
    private final Button previous = new Button();
    private final Button next = new Button();
    private final Span pageLabel = new Span();
    private CatalogQuery query = CatalogQuery.all();
    private boolean updating;

    CatalogView(CatalogService catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
        addClassName("baeum-catalog");
        Locale locale = getLocale();
        // names of the branches only, for the branch filter's labels; a card looks its branch and room up when it is
        // made (show), so the view keeps no copy of every room's name (memory per session, docs/performance.md)
        List<Branch> branches = catalog.branches();
        Map<BranchId, String> branchNames = new HashMap<>();
        branches.forEach(b -> branchNames.put(b.id(), b.name(locale)));

        search.setLabel(getTranslation("catalog.search"));
        search.setClearButtonVisible(true);
        search.setWidthFull();
        search.setMaxLength(100);
        search.addKeyPressListener(Key.ENTER, e -> apply());
        Button searchButton = new Button(getTranslation("catalog.searchButton"), VaadinIcon.SEARCH.create(), e -> apply());
        searchButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        searchButton.addClassName("baeum-search-button");
        HorizontalLayout searchRow = new HorizontalLayout(search, searchButton);
        searchRow.setWidthFull();
        searchRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        searchRow.setFlexGrow(1, search);

        options(domain, "catalog.domain", Arrays.asList(PolicyDomain.values()), d -> getTranslation("domain." + d.name()));
        options(audience, "catalog.audience", Arrays.asList(Audience.values()), a -> getTranslation("audience." + a.name()));
        options(branch, "catalog.branch", branches.stream().map(Branch::id).toList(),
                b -> branchNames.getOrDefault(b, b.value()));
        options(weekday, "catalog.weekday", Arrays.asList(DayOfWeek.values()), d -> getTranslation("weekday." + d.name()));
        options(time, "catalog.time", Arrays.asList(TimeOfDay.values()), t -> getTranslation("timeOfDay." + t.name()));
        List<Term> terms = catalog.terms();
        Map<TermId, String> termNames = new HashMap<>();
        terms.forEach(t -> termNames.put(t.id(), t.name(locale)));
        options(term, "catalog.term", terms.stream().map(Term::id).toList(), t -> termNames.getOrDefault(t, t.value()));
        options(fee, "catalog.fee", List.of(Boolean.TRUE, Boolean.FALSE),
                free -> getTranslation(free ? "catalog.fee.free" : "catalog.fee.paid"));
        options(format, "catalog.format", Arrays.asList(DeliveryFormat.values()), f -> getTranslation("format." + f.name()));
        age.setLabel(getTranslation("catalog.age"));
        age.setMin(0);
        age.setMax(130);
        age.setStepButtonsVisible(true);
        age.addValueChangeListener(e -> changed());
        seatsLeft.setLabel(getTranslation("catalog.seatsLeft"));
        seatsLeft.addValueChangeListener(e -> changed());
        sort.setLabel(getTranslation("catalog.sort"));
        sort.setItems(CatalogSort.values());
        sort.setItemLabelGenerator(s -> getTranslation("sort." + s.name()));
        sort.setValue(CatalogSort.STARTING_SOON);
        sort.addValueChangeListener(e -> changed());

        FormLayout filters = new FormLayout(domain, audience, branch, weekday, time, term, fee, format, age, seatsLeft, sort);
        filters.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2),
                new FormLayout.ResponsiveStep("52em", 3));
        Button reset = new Button(getTranslation("catalog.reset"), e -> navigate(CatalogQuery.all()));
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Details details = new Details(getTranslation("catalog.filters"), new Div(filters, reset));
        details.setOpened(true);
        details.setWidthFull();

        summary.addClassName("baeum-result-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        notice.addClassName("baeum-notice");
        notice.setVisible(false);
        results.addClassName("baeum-results");
        previous.setText(getTranslation("catalog.previous"));
        previous.addClickListener(e -> navigate(query.withPage(query.page() - 1, query.size())));
        next.setText(getTranslation("catalog.next"));
        next.addClickListener(e -> navigate(query.withPage(query.page() + 1, query.size())));
        HorizontalLayout pager = new HorizontalLayout(previous, pageLabel, next);
        pager.setAlignItems(FlexComponent.Alignment.CENTER);
        pager.addClassName("baeum-pager");

        add(new H1(getTranslation("catalog.title")), searchRow, details, notice, summary, results, pager);
    }

    private <T> void options(Select<Optional<T>> select, String labelKey, List<T> values, Function<T, String> label) {
        select.setLabel(getTranslation(labelKey));
        List<Optional<T>> items = new ArrayList<>();
        items.add(Optional.empty());
        values.forEach(v -> items.add(Optional.of(v)));
        select.setItems(items);
        select.setItemLabelGenerator(o -> o.map(label).orElse(getTranslation("catalog.any")));
        select.setValue(Optional.empty());
        select.addValueChangeListener(e -> changed());
    }

    private void changed() {
        if (!updating) {
            apply();
        }
    }

    private void apply() {
        navigate(new CatalogQuery(search.getValue(), domain.getValue().orElse(null), audience.getValue().orElse(null),
                branch.getValue().orElse(null), weekday.getValue().orElse(null), time.getValue().orElse(null),
                term.getValue().orElse(null), fee.getValue().orElse(null), format.getValue().orElse(null),
                age.getValue() == null || age.isInvalid() ? null : Math.max(0, Math.min(130, age.getValue())),
                seatsLeft.getValue(), sort.getValue(), 0, query.size()));
    }

    private void navigate(CatalogQuery next) {
        Map<String, List<String>> parameters = new HashMap<>();
        next.toParameters().forEach((k, v) -> parameters.put(k, List.of(v)));
        UI.getCurrent().navigate("catalog", new QueryParameters(parameters));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = new HashMap<>(event.getLocation().getQueryParameters().getParameters());
        List<String> ignored = new ArrayList<>();
        CatalogQuery parsed = null;
        while (parsed == null) {
            try {
                parsed = CatalogQuery.parse(parameters);
            } catch (InvalidQueryException e) {
                ignored.add(getTranslation("catalog.invalid", e.parameter(), e.value()));
                parameters.remove(e.parameter());
            }
        }
        notice.setText(String.join(" ", ignored));
        notice.setVisible(!ignored.isEmpty());
        show(parsed);
    }

    private void show(CatalogQuery q) {
        this.query = q;
        updating = true;
        try {
            search.setValue(q.text() == null ? "" : q.text());
            domain.setValue(Optional.ofNullable(q.domain()));
            audience.setValue(Optional.ofNullable(q.audience()));
            branch.setValue(Optional.ofNullable(q.branch()));
            weekday.setValue(Optional.ofNullable(q.weekday()));
            time.setValue(Optional.ofNullable(q.timeOfDay()));
            if (q.term() == null || term.getListDataView().contains(Optional.of(q.term()))) {
                term.setValue(Optional.ofNullable(q.term()));
            }
            fee.setValue(Optional.ofNullable(q.free()));
            format.setValue(Optional.ofNullable(q.format()));
            age.setValue(q.age());
            seatsLeft.setValue(q.seatsLeftOnly());
            sort.setValue(q.sort());
        } finally {
            updating = false;
        }
        CatalogPage<Offering> page = catalog.search(q);
        // pages beyond CatalogQuery.MAX_OFFSET cannot be asked for: the last reachable one is the last offered
        long pages = Math.min(Math.max(1, (page.total() + q.size() - 1) / q.size()), CatalogQuery.lastPage(q.size()) + 1L);
        summary.setText(page.total() == 0 ? getTranslation("catalog.none") : getTranslation("catalog.results", page.total()));
        results.removeAll();
        List<Branch> branches = page.items().isEmpty() ? List.of() : catalog.branches();
        page.items().forEach(o -> results.add(card(o, branches)));
        previous.setEnabled(q.page() > 0);
        next.setEnabled(q.page() + 1 < pages);
        pageLabel.setText(getTranslation("catalog.page", q.page() + 1, pages));
    }

    private Component card(Offering o, List<Branch> branches) {
        Locale locale = getLocale();
        ListItem item = new ListItem();
        item.addClassName("baeum-offering-card");
        RouterLink link = new RouterLink(OfferingView.class, new RouteParameters("id", o.id().value()));
        link.setText(o.title(locale));
        H2 title = new H2(link);
        title.addClassName("baeum-offering-title");
        OfferingStatus status = o.status(clock.instant());
        Span badge = new Span(getTranslation("offeringStatus." + status.name()));
        badge.getElement().getThemeList().add("badge" + (status == OfferingStatus.RECRUITING ? " success" : ""));
        Paragraph when = new Paragraph(o.schedule().describe(locale) + " · "
                + Formats.date(o.schedule().firstDate(), locale) + " ~ " + Formats.date(o.schedule().lastDate(), locale));
        Branch branch = branches.stream().filter(b -> b.id().equals(o.program().branchId())).findFirst().orElse(null);
        String room = branch == null ? o.roomId() : branch.rooms().stream().filter(r -> r.id().equals(o.roomId()))
                .map(r -> r.name(locale)).findFirst().orElse(o.roomId());
        Paragraph where = new Paragraph((branch == null ? "" : branch.name(locale)) + " · " + room + " · "
                + getTranslation("audience." + o.program().audience().name()));
        String seats = o.seatsLeft() > 0 ? getTranslation("catalog.seats", o.seatsLeft(), o.capacity())
                : getTranslation("catalog.full", o.waitlistLength());
        Paragraph money = new Paragraph((o.program().fee() == 0 ? getTranslation("catalog.free")
                : Formats.won(o.program().fee(), locale)) + " · " + seats);
        item.add(title, badge, when, where, money);
        if (status == OfferingStatus.PUBLISHED || status == OfferingStatus.RECRUITING) {
            Paragraph recruitment = new Paragraph(getTranslation("catalog.recruitment", PhaseTexts.summary(this, locale, o.recruitment())));
            recruitment.addClassName("baeum-offering-phases");
            item.add(recruitment);
        }
        return item;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("catalog.title") + " | " + getTranslation("app.name");
    }
}
