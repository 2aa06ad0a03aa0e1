package org.baeum.notification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baeum.base.i18n.Formats;
import org.baeum.notification.OwnMail;
import org.baeum.notification.SentMailService;

/**
 * 내 메일함: the mail the portal sent to the signed-in person, whole and with working links, when the in-process mail
 * server delivers it (the demo and development set-up, where no real mailbox receives it). With a real mail server the
 * page says that mail goes to the person's address.
 */
@Route("my/mail")
@PermitAll
@Menu(order = 85, title = "nav.myMail", icon = "vaadin:envelope-open-o")
class MyMailView extends VerticalLayout implements HasDynamicTitle {

    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private final transient SentMailService mail;

    MyMailView(SentMailService mail) {
        this.mail = mail;
        addClassName("baeum-my-mail");
        setSizeFull();
        add(new H1(getTranslation("myMail.title")));
        if (!mail.readableHere()) {
            add(new Paragraph(getTranslation("myMail.external")));
            return;
        }
        add(new Paragraph(getTranslation("myMail.embedded")));
        Grid<OwnMail> grid = new Grid<>();
        grid.setAriaLabel(getTranslation("myMail.title"));
        grid.addColumn(m -> Formats.shortDateTime(m.sentAt(), getLocale())).setHeader(getTranslation("sentMail.sentAt"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OwnMail::subject).setHeader(getTranslation("sentMail.subject")).setFlexGrow(1);
        grid.setItems(query -> mail.mine(query.getOffset(), query.getLimit()).stream(), query -> (int) mail.countMine());
        grid.setEmptyStateText(getTranslation("myMail.none"));
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(m -> {
            open(m);
            grid.deselectAll();
        }));
        grid.setSizeFull();
        add(grid);
    }

    private void open(OwnMail m) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(m.subject());
        dialog.add(new Paragraph(getTranslation("sentMail.to") + ": " + m.to()), body(m.textBody()));
        dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()));
        dialog.setWidth("min(95vw, 48rem)");
        dialog.open();
    }

    /** The text as written, with each address made a link that opens in this tab, as a mail client would. */
    private static Component body(String text) {
        Div body = new Div();
        body.addClassName("baeum-my-mail-text");
        body.getStyle().set("white-space", "pre-wrap");
        String source = text == null ? "" : text;
        Matcher m = URL.matcher(source);
        int at = 0;
        while (m.find()) {
            body.add(source.substring(at, m.start()));
            body.add(new Anchor(m.group(), m.group()));
            at = m.end();
        }
        body.add(source.substring(at));
        return body;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("myMail.title") + " | " + getTranslation("app.name");
    }
}
