package org.baeum.reporting.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.Audience;
import org.baeum.catalog.Branch;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.LearningArea;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.TermType;
import org.baeum.reporting.ReportExports;
import org.baeum.reporting.ReportInfo;
import org.baeum.reporting.ReportQuery;
import org.baeum.reporting.Reports;

/**
 * The reporting dashboard (issue 17 point 4) for STAFF and ADMIN: a year (this year and the two before), the filters
 * every report takes (branch, term type, audience, policy domain, learning area; selects only, "all" by default), and
 * a section per report, the centre's participation table first. A section runs its report only while it is open, so
 * the page holds no more tables than it shows; changing a filter runs the open ones again.
 */
@Route("reports")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 68, title = "report.ui.nav", icon = "vaadin:chart")
class ReportsView extends VerticalLayout implements HasDynamicTitle {

    static final String FIRST = "participation";

    final Select<Integer> year = new Select<>();
    final Select<Optional<BranchId>> branch = new Select<>();
    final Select<Optional<TermType>> termType = new Select<>();
    final Select<Optional<Audience>> audience = new Select<>();
    final Select<Optional<PolicyDomain>> domain = new Select<>();
    final Select<Optional<LearningArea>> area = new Select<>();
    /** The annual report of the chosen year (PDF), and for ADMIN the link to the year's targets. */
    final Div annual = new Div();
    final List<ReportSection> sections = new ArrayList<>();

    ReportsView(Reports reports, ReportExports exports, CatalogService catalog, CurrentUser currentUser, Clock clock) {
        addClassName("baeum-reports");
        int thisYear = LocalDate.now(clock.withZone(Formats.SEOUL)).getYear();
        year.setLabel(getTranslation("report.ui.year"));
        year.setItems(thisYear, thisYear - 1, thisYear - 2);
        year.setItemLabelGenerator(y -> getTranslation("report.ui.yearValue", Integer.toString(y)));
        year.setValue(thisYear);
        year.addValueChangeListener(e -> refresh());

        Map<BranchId, String> branchNames = new HashMap<>();
        for (Branch b : catalog.branches()) {
            branchNames.put(b.id(), b.name(getLocale()));
        }
        options(branch, "report.ui.branch", branchNames.keySet().stream()
                .sorted(Comparator.comparing(BranchId::value)).toList(), b -> branchNames.getOrDefault(b, b.value()));
        options(termType, "report.ui.termType", Arrays.asList(TermType.values()), t -> getTranslation("termType." + t.name()));
        options(audience, "report.ui.audience", Arrays.asList(Audience.values()), a -> getTranslation("audience." + a.name()));
        options(domain, "report.ui.domain", Arrays.asList(PolicyDomain.values()), d -> getTranslation("domain." + d.name()));
        options(area, "report.ui.area", Arrays.asList(LearningArea.values()),
                a -> getTranslation("learningArea." + a.name()));
        FormLayout filters = new FormLayout(year, branch, termType, audience, domain, area);
        filters.addClassName("baeum-report-filters");
        annual.addClassName("baeum-report-annual");
        annual.add(ReportDownloads.annual(exports, year::getValue, getLocale(), getTranslation("report.ui.annual"),
                getTranslation("report.ui.annualOf")));
        if (currentUser.require().hasRole(Role.ADMIN)) {
            annual.add(new Anchor("admin/report-targets", getTranslation("report.ui.targets")));
        }

        add(new H1(getTranslation("report.ui.title")), new Paragraph(getTranslation("report.ui.intro")), filters, annual);
        List<ReportInfo> list = new ArrayList<>(reports.list(getLocale()));
        list.sort(Comparator.comparing(r -> !FIRST.equals(r.name()))); // stable: the rest keep the list's order
        if (list.isEmpty()) {
            add(new Paragraph(getTranslation("report.ui.none")));
        }
        for (ReportInfo info : list) {
            ReportSection section = new ReportSection(reports, exports, info, this::query, getLocale());
            sections.add(section);
            add(section);
        }
        if (!sections.isEmpty()) {
            sections.getFirst().open();
        }
    }

    private <T> void options(Select<Optional<T>> select, String labelKey, List<T> values, Function<T, String> label) {
        select.setLabel(getTranslation(labelKey));
        List<Optional<T>> items = new ArrayList<>();
        items.add(Optional.empty());
        values.forEach(v -> items.add(Optional.of(v)));
        select.setItems(items);
        select.setItemLabelGenerator(o -> o.map(label).orElse(getTranslation("report.ui.all")));
        select.setValue(Optional.empty());
        select.addValueChangeListener(e -> refresh());
    }

    /** The query of the filters as they stand. */
    ReportQuery query() {
        int y = year.getValue();
        return new ReportQuery(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), branch.getValue().orElse(null),
                termType.getValue().orElse(null), audience.getValue().orElse(null), domain.getValue().orElse(null),
                area.getValue().orElse(null), null);
    }

    private void refresh() {
        sections.forEach(ReportSection::refresh);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.ui.title") + " | " + getTranslation("app.name");
    }
}
