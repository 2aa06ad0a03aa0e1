package org.baeum.catalog.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baeum.catalog.Branch;
import org.baeum.catalog.CatalogPage;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.InvalidQueryException;
import org.baeum.catalog.Offering;

/**
 * Citizens find classes, pool and gym programs: a search box that finds part of a Korean word, filters,
 * sorting and pages. Every filter is in the URL, so a search can be bookmarked or shared.
 * <p>
 * Kept small per open tab (decisions 0055 and 0059): the filter fields exist only while the filter panel is open, and
 * are combo boxes whose items go to the browser when opened ({@link CatalogFilters}); a page of results is one list
 * whose items are markup ({@link ResultCards}), not components; the view holds no offering and no copy of the
 * branches.
 */
@Route("catalog")
@AnonymousAllowed
@Menu(order = 5, title = "nav.catalog", icon = "vaadin:search")
class CatalogView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CatalogService catalog;
    private final transient Clock clock;
    private final CatalogFilters filters;
    private final Paragraph summary = new Paragraph();
    private final Paragraph notice = new Paragraph();
    private final UnorderedList results = new UnorderedList();
    private final Button previous = new Button();
    private final Button next = new Button();
    private final Span pageLabel = new Span();
    private CatalogQuery query = CatalogQuery.all();

    CatalogView(CatalogService catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
        addClassName("baeum-catalog");
        // read through the view, whose reference to the service is transient: the session holds no service
        filters = new CatalogFilters(getLocale(), () -> this.catalog.branches(), () -> this.catalog.terms(), this::navigate);
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

        add(new H1(getTranslation("catalog.title")), filters, notice, summary, results, pager);
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
        filters.show(q);
        CatalogPage<Offering> page = catalog.search(q);
        // pages beyond CatalogQuery.MAX_OFFSET cannot be asked for: the last reachable one is the last offered
        long pages = Math.min(Math.max(1, (page.total() + q.size() - 1) / q.size()), CatalogQuery.lastPage(q.size()) + 1L);
        summary.setText(page.total() == 0 ? getTranslation("catalog.none") : getTranslation("catalog.results", page.total()));
        List<Branch> branches = page.items().isEmpty() ? List.of() : catalog.branches();
        results.getElement().setProperty("innerHTML", ResultCards.html(this, getLocale(), page.items(), branches, clock.instant()));
        previous.setEnabled(q.page() > 0);
        next.setEnabled(q.page() + 1 < pages);
        pageLabel.setText(getTranslation("catalog.page", q.page() + 1, pages));
    }

    /** The markup of the results shown (browserless tests read the cards from it). */
    String resultsHtml() {
        return results.getElement().getProperty("innerHTML", "");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("catalog.title") + " | " + getTranslation("app.name");
    }
}
