package org.baeum.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.baeum.base.i18n.Formats;
import org.baeum.base.mail.SentMail;
import org.baeum.base.security.Role;
import org.baeum.notification.SentMailService;

/**
 * What the portal sent through the in-process mail server, newest first, for STAFF and ADMIN, with its secrets
 * hidden: recipients masked and the token of every link shown as {@code token=•••} (the recipient reads the mail
 * whole in their own mailbox, {@link MyMailView}). With a real SMTP server the view says where mail went.
 */
@Route("staff/sent-mail")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 90, title = "nav.sentMail", icon = "vaadin:envelopes-o")
class SentMailView extends VerticalLayout implements HasDynamicTitle {

    private final transient SentMailService mail;

    SentMailView(SentMailService mail) {
        this.mail = mail;
        addClassName("baeum-sent-mail");
        setSizeFull();
        add(new H1(getTranslation("sentMail.title")));
        if (!mail.readableHere()) {
            add(new Paragraph(getTranslation("sentMail.external", mail.destination())));
            return;
        }
        add(new Paragraph(getTranslation("sentMail.embedded", mail.destination())),
                new Paragraph(getTranslation("sentMail.secretsHidden")));
        Grid<SentMail> grid = new Grid<>();
        grid.setAriaLabel(getTranslation("sentMail.title"));
        grid.addColumn(m -> Formats.shortDateTime(m.sentAt(), getLocale())).setHeader(getTranslation("sentMail.sentAt"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> String.join(", ", m.to())).setHeader(getTranslation("sentMail.to")).setAutoWidth(true);
        grid.addColumn(SentMail::subject).setHeader(getTranslation("sentMail.subject")).setFlexGrow(1);
        grid.setItems(query -> mail.newest(query.getOffset(), query.getLimit()).stream(), query -> mail.count());
        grid.setEmptyStateText(getTranslation("sentMail.none"));
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(m -> {
            open(m.messageId());
            grid.deselectAll();
        }));
        grid.setSizeFull();
        add(grid);
    }

    private void open(String messageId) {
        mail.open(messageId).ifPresent(m -> {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle(m.subject());
            Pre text = new Pre(m.textBody());
            text.getStyle().set("white-space", "pre-wrap");
            dialog.add(new Paragraph(getTranslation("sentMail.from") + ": " + m.from()),
                    new Paragraph(getTranslation("sentMail.to") + ": " + String.join(", ", m.to())), text);
            dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()));
            dialog.setWidth("min(95vw, 48rem)");
            dialog.open();
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sentMail.title") + " | " + getTranslation("app.name");
    }
}
