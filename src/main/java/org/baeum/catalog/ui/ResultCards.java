package org.baeum.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.baeum.base.i18n.Formats;
import org.baeum.catalog.Branch;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingStatus;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page of catalog results as the markup of its list items, for one {@code innerHTML} property of the result list
 * instead of some fourteen server-side components per card (memory per open catalog, decision 0055). The markup is
 * what the components drew: {@code li.baeum-offering-card} with an {@code h2} whose link opens the offering (an
 * in-app link, so the client's router follows it without reloading the page), a status badge and the paragraphs.
 * Every text and attribute is written by jsoup, which escapes it: a title is text, never markup.
 */
final class ResultCards {

    private ResultCards() {
    }

    /**
     * @param texts    the component whose translations the cards use, in {@code locale}
     * @param branches every branch, to name each card's branch and room (read for this page, not kept)
     */
    static String html(Component texts, Locale locale, List<Offering> offerings, List<Branch> branches, Instant now) {
        Document page = Document.createShell("");
        page.outputSettings().prettyPrint(false);
        offerings.forEach(o -> page.body().appendChild(card(texts, locale, o, branches, now)));
        return page.body().html();
    }

    private static Element card(Component texts, Locale locale, Offering o, List<Branch> branches, Instant now) {
        Element item = new Element("li").addClass("baeum-offering-card");
        String href = RouteConfiguration.forApplicationScope().getUrl(OfferingView.class,
                new RouteParameters("id", o.id().value()));
        item.appendElement("h2").addClass("baeum-offering-title")
                .appendElement("a").attr("href", href).attr("router-link", "").text(o.title(locale));
        OfferingStatus status = o.status(now);
        item.appendElement("span").attr("theme", "badge" + (status == OfferingStatus.RECRUITING ? " success" : ""))
                .text(texts.getTranslation("offeringStatus." + status.name()));
        item.appendElement("p").text(o.schedule().describe(locale) + " · "
                + Formats.date(o.schedule().firstDate(), locale) + " ~ " + Formats.date(o.schedule().lastDate(), locale));
        Branch branch = branches.stream().filter(b -> b.id().equals(o.program().branchId())).findFirst().orElse(null);
        String room = branch == null ? o.roomId() : branch.rooms().stream().filter(r -> r.id().equals(o.roomId()))
                .map(r -> r.name(locale)).findFirst().orElse(o.roomId());
        item.appendElement("p").text((branch == null ? "" : branch.name(locale)) + " · " + room + " · "
                + texts.getTranslation("audience." + o.program().audience().name()));
        String seats = o.seatsLeft() > 0 ? texts.getTranslation("catalog.seats", o.seatsLeft(), o.capacity())
                : texts.getTranslation("catalog.full", o.waitlistLength());
        item.appendElement("p").text((o.program().fee() == 0 ? texts.getTranslation("catalog.free")
                : Formats.won(o.program().fee(), locale)) + " · " + seats);
        if (status == OfferingStatus.PUBLISHED || status == OfferingStatus.RECRUITING) {
            item.appendElement("p").addClass("baeum-offering-phases").text(texts.getTranslation("catalog.recruitment",
                    PhaseTexts.summary(texts, locale, o.recruitment())));
        }
        return item;
    }
}
