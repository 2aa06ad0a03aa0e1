package org.baeum.reporting.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.baeum.base.i18n.Formats;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.HeaderCell;
import org.baeum.reporting.ReportColumn;
import org.baeum.reporting.ReportTable;

/**
 * A {@link ReportTable} as a real HTML table, the accessible version of its chart: the title as the caption, the
 * merged headings as {@code <th colspan rowspan scope>}, then a row of the column labels (a column whose heading
 * already reaches down into that row through its rowspan gets no second label), the first TEXT column as row headings,
 * numbers right-aligned in Korean grouping (KRW with 원, percent with one decimal), "—" where there is no figure (read
 * out as "no figure"), the footnotes as an ordered list and the time the figures were taken, in Asia/Seoul. A wide table
 * scrolls inside a focusable region, so keyboard users can scroll it too.
 */
class ReportTableView extends Div {

    private final Locale locale;
    private final ReportTable table;

    ReportTableView(ReportTable table, Locale locale) {
        this.table = table;
        this.locale = locale;
        addClassName("baeum-report-table");
        Div region = new Div();
        region.addClassName("baeum-report-table-region");
        region.getElement().setAttribute("role", "region").setAttribute("tabindex", "0")
                .setAttribute("aria-label", getTranslation("report.ui.tableRegion", table.title()));
        region.getStyle().set("overflow-x", "auto").set("max-width", "100%");
        Element html = new Element("table");
        html.getStyle().set("border-collapse", "collapse").set("font-variant-numeric", "tabular-nums");
        html.appendChild(new Element("caption").setText(table.title()));
        html.appendChild(head(), body());
        region.getElement().appendChild(html);
        add(region);
        if (!table.footnotes().isEmpty()) {
            Element notes = new Element("ol");
            notes.getClassList().add("baeum-report-footnotes");
            table.footnotes().forEach(n -> notes.appendChild(new Element("li").setText(n)));
            getElement().appendChild(notes);
        }
        Element asOf = new Element("p");
        asOf.getClassList().add("baeum-report-as-of");
        asOf.setText(getTranslation("report.ui.asOf", Formats.dateTime(table.asOf(), locale)));
        getElement().appendChild(asOf);
    }

    private Element head() {
        Element thead = new Element("thead");
        int columns = table.columns().size();
        int levels = table.headerRows().size() + 1;
        boolean[][] taken = new boolean[levels][columns];
        for (int r = 0; r < table.headerRows().size(); r++) {
            Element tr = new Element("tr");
            int c = 0;
            for (HeaderCell cell : table.headerRows().get(r)) {
                while (c < columns && taken[r][c]) {
                    c++;
                }
                for (int dr = 0; dr < cell.rowspan() && r + dr < levels; dr++) {
                    for (int dc = 0; dc < cell.colspan() && c + dc < columns; dc++) {
                        taken[r + dr][c + dc] = true;
                    }
                }
                c += cell.colspan();
                tr.appendChild(th(cell.label(), cell.colspan(), cell.rowspan()));
            }
            thead.appendChild(tr);
        }
        Element labels = new Element("tr");
        for (int c = 0; c < columns; c++) {
            if (!taken[levels - 1][c]) {
                labels.appendChild(th(table.columns().get(c).label(), 1, 1));
            }
        }
        if (labels.getChildCount() > 0) {
            thead.appendChild(labels);
        }
        return thead;
    }

    private static Element th(String label, int colspan, int rowspan) {
        Element th = new Element("th").setText(label).setAttribute("scope", colspan > 1 ? "colgroup" : "col");
        if (colspan > 1) {
            th.setAttribute("colspan", Integer.toString(colspan));
        }
        if (rowspan > 1) {
            th.setAttribute("rowspan", Integer.toString(rowspan));
        }
        cellStyle(th);
        th.getStyle().set("text-align", "center");
        return th;
    }

    private Element body() {
        Element tbody = new Element("tbody");
        int rowHeading = -1;
        for (int c = 0; c < table.columns().size(); c++) {
            if (table.columns().get(c).kind() == ColumnKind.TEXT) {
                rowHeading = c;
                break;
            }
        }
        for (List<Object> row : table.rows()) {
            Element tr = new Element("tr");
            for (int c = 0; c < table.columns().size(); c++) {
                ReportColumn column = table.columns().get(c);
                Object value = c < row.size() ? row.get(c) : null;
                Element cell = new Element(c == rowHeading ? "th" : "td");
                if (c == rowHeading) {
                    cell.setAttribute("scope", "row");
                    cell.getStyle().set("text-align", "start");
                }
                cellStyle(cell);
                fill(cell, column.kind(), value);
                tr.appendChild(cell);
            }
            tbody.appendChild(tr);
        }
        return tbody;
    }

    private static void cellStyle(Element cell) {
        cell.getStyle().set("border", "1px solid var(--lumo-contrast-30pct, #b3b3b3)").set("padding", "0.25em 0.5em");
    }

    private void fill(Element cell, ColumnKind kind, Object value) {
        if (kind != ColumnKind.TEXT) {
            cell.getStyle().set("text-align", "end").set("white-space", "nowrap");
        }
        if (value == null) {
            Element dash = new Element("span").setText("—").setAttribute("aria-hidden", "true");
            Element said = new Element("span").setText(getTranslation("report.ui.noFigure"));
            said.getClassList().add(LumoUtility.Accessibility.SCREEN_READER_ONLY);
            cell.appendChild(dash, said);
            return;
        }
        cell.setText(format(kind, value, locale));
    }

    /** A value as the table shows it: 10,840 for counts, 85,958,000원 for KRW, 96.4% for percent. */
    static String format(ColumnKind kind, Object value, Locale locale) {
        if (value == null) {
            return "—";
        }
        if (!(value instanceof Number number)) {
            return value.toString();
        }
        return switch (kind) {
            case KRW -> Formats.won(number.longValue(), locale);
            case PERCENT -> {
                NumberFormat f = NumberFormat.getNumberInstance(Locale.KOREA);
                f.setMinimumFractionDigits(1);
                f.setMaximumFractionDigits(1);
                yield f.format(number.doubleValue()) + "%";
            }
            default -> NumberFormat.getIntegerInstance(Locale.KOREA).format(number.longValue());
        };
    }
}
