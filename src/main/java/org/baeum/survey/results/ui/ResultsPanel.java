package org.baeum.survey.results.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.baeum.survey.results.GroupResult;
import org.baeum.survey.results.ItemResult;
import org.baeum.survey.results.ResultQuestion;
import org.baeum.survey.results.Results;

/**
 * One group's results as accessible HTML (decision 0052): a heading, the invitations, answers and response rate in
 * words; a table of the scale items (captioned, column and row headings with {@code scope}: answers, the distribution
 * as a list of "label: count (share)", the mean and the share satisfied or better; "—" read out as "no figure"), and
 * the free texts as a list. Meaning is carried by text alone, never by colour. A group under five answers says why it
 * shows nothing (instructors) or no free texts (staff).
 */
class ResultsPanel extends Div {

    /** {@code level}: the heading level of the group's heading (2 or 3); the free-text questions' are one below. */
    ResultsPanel(GroupResult g, String heading, int level) {
        addClassName("baeum-survey-result");
        getElement().appendChild(new Element("h" + level).setText(heading));
        add(new Paragraph(getTranslation("surveyResults.ui.counts", g.invited(), g.answered(),
                g.responseRate() == null ? getTranslation("surveyResults.ui.noFigure") : percent(g.responseRate()))));
        if (g.hidden()) {
            Paragraph hidden = new Paragraph(getTranslation("surveyResults.ui.hidden", Results.MIN_ANSWERS));
            hidden.addClassName("baeum-survey-hidden");
            add(hidden);
            return;
        }
        List<ItemResult> scales = g.items().stream().filter(i -> i.type() == ResultQuestion.Kind.SCALE).toList();
        if (!scales.isEmpty()) {
            getElement().appendChild(table(heading, scales));
        }
        for (ItemResult text : g.items().stream().filter(i -> i.type() == ResultQuestion.Kind.TEXT).toList()) {
            Div texts = new Div();
            texts.getElement().appendChild(new Element("h" + (level + 1)).setText(text.text()));
            texts.addClassName("baeum-survey-texts");
            if (g.textsHidden()) {
                texts.add(new Paragraph(getTranslation("surveyResults.ui.textsHidden", Results.MIN_ANSWERS)));
            } else if (text.texts().isEmpty()) {
                texts.add(new Paragraph(getTranslation("surveyResults.ui.noTexts")));
            } else {
                UnorderedList list = new UnorderedList();
                text.texts().forEach(t -> list.add(new ListItem(t)));
                texts.add(list);
            }
            add(texts);
        }
    }

    private Element table(String heading, List<ItemResult> scales) {
        Element table = new Element("table");
        table.getClassList().add("baeum-survey-table");
        table.getStyle().set("border-collapse", "collapse").set("font-variant-numeric", "tabular-nums");
        String caption = getTranslation("surveyResults.ui.caption", heading);
        table.appendChild(new Element("caption").setText(caption));
        Element head = new Element("tr");
        for (String key : List.of("question", "answers", "distribution", "mean", "satisfied")) {
            head.appendChild(cell("th", getTranslation("surveyResults.ui.col." + key)).setAttribute("scope", "col"));
        }
        table.appendChild(new Element("thead").appendChild(head));
        Element body = new Element("tbody");
        for (ItemResult i : scales) {
            Element tr = new Element("tr");
            tr.appendChild(cell("th", i.text()).setAttribute("scope", "row"));
            tr.appendChild(number(Long.toString(i.count())));
            tr.appendChild(cell("td", "").appendChild(distribution(i)));
            tr.appendChild(i.mean() == null ? none() : number(decimals(i.mean(), 2)));
            tr.appendChild(i.satisfiedShare() == null ? none() : number(percent(i.satisfiedShare())));
            body.appendChild(tr);
        }
        table.appendChild(body);
        // a data table keeps its columns (WCAG 1.4.10 allows two-dimensional scrolling for it): on a narrow screen it
        // scrolls sideways inside this region, which the keyboard can reach, instead of the whole page
        Element region = new Element("div").setAttribute("role", "region").setAttribute("aria-label", caption)
                .setAttribute("tabindex", "0").appendChild(table);
        region.getClassList().add("baeum-survey-table-region");
        // its own width never widens the page: inline-size containment leaves the table out of the widths the layout
        // sums up, and the region takes the width it is given
        region.getStyle().set("overflow-x", "auto").set("width", "100%").set("contain", "inline-size");
        return region;
    }

    private Element distribution(ItemResult i) {
        Element list = new Element("ul");
        list.getStyle().set("margin", "0").set("padding-inline-start", "1.2em");
        for (int p = 0; p < i.distribution().size(); p++) {
            long n = i.distribution().get(p);
            String label = p < i.labels().size() ? i.labels().get(p) : Integer.toString(p + 1);
            String share = i.count() == 0 ? "—" : percent(Results.percent(n, i.count()));
            list.appendChild(new Element("li").setText(getTranslation("surveyResults.ui.point", p + 1, label, n, share)));
        }
        return list;
    }

    private static Element cell(String tag, String text) {
        Element e = new Element(tag).setText(text);
        e.getStyle().set("border", "1px solid var(--lumo-contrast-30pct, #b3b3b3)").set("padding", "0.25em 0.5em")
                .set("text-align", "start").set("vertical-align", "top");
        return e;
    }

    private static Element number(String text) {
        Element e = cell("td", text);
        e.getStyle().set("text-align", "end").set("white-space", "nowrap");
        return e;
    }

    private Element none() {
        Element e = number("");
        e.appendChild(new Element("span").setText("—").setAttribute("aria-hidden", "true"));
        Element said = new Element("span").setText(getTranslation("surveyResults.ui.noFigure"));
        said.getClassList().add(LumoUtility.Accessibility.SCREEN_READER_ONLY);
        return e.appendChild(said);
    }

    static String percent(double value) {
        return decimals(value, 1) + "%";
    }

    private static String decimals(double value, int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.KOREA);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(value);
    }
}
