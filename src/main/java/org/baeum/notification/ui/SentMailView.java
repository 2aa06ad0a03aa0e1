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
import org.baeum.base.mail.SentMailbox;
import org.baeum.base.security.Role;

/**
 * What the portal sent through the in-process mail server, newest first, for STAFF and ADMIN: a newcomer
 * reads verification mail here without a mail client. With a real SMTP server the view says where mail went.
 */
@Route("staff/sent-mail")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 90, title = "nav.sentMail", icon = "vaadin:envelopes-o")
class SentMailView extends VerticalLayout implements HasDynamicTitle {

    SentMailView(SentMailbox mailbox) {
        addClassName("baeum-sent-mail");
        setSizeFull();
        add(new H1(getTranslation("sentMail.title")));
        if (!mailbox.available()) {
            add(new Paragraph(getTranslation("sentMail.external", mailbox.destination())));
            return;
        }
        add(new Paragraph(getTranslation("sentMail.embedded", mailbox.destination())));
        Grid<SentMail> grid = new Grid<>();
        grid.setAriaLabel(getTranslation("sentMail.title"));
        grid.addColumn(m -> Formats.shortDateTime(m.sentAt(), getLocale())).setHeader(getTranslation("sentMail.sentAt"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> String.join(", ", m.to())).setHeader(getTranslation("sentMail.to")).setAutoWidth(true);
        grid.addColumn(SentMail::subject).setHeader(getTranslation("sentMail.subject")).setFlexGrow(1);
        grid.setItems(query -> mailbox.newest(query.getOffset(), query.getLimit()).stream(), query -> mailbox.count());
        grid.setEmptyStateText(getTranslation("sentMail.none"));
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(mail -> {
            open(mail);
            grid.deselectAll();
        }));
        grid.setSizeFull();
        add(grid);
    }

    private void open(SentMail mail) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(mail.subject());
        dialog.add(new Paragraph(getTranslation("sentMail.from") + ": " + mail.from()),
                new Paragraph(getTranslation("sentMail.to") + ": " + String.join(", ", mail.to())),
                new Pre(mail.textBody()));
        dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()));
        dialog.setWidth("min(95vw, 48rem)");
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sentMail.title") + " | " + getTranslation("app.name");
    }
}
