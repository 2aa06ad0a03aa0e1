package org.baeum.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;

/** What the portal offers, for everyone; and what the signed-in role can do here. */
@Route("")
@AnonymousAllowed
@Menu(order = 0, title = "nav.home", icon = "vaadin:home")
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(CurrentUser currentUser) {
        addClassName("baeum-home");
        setPadding(true);
        H1 title = new H1(getTranslation("home.title"));
        Paragraph lead = new Paragraph(getTranslation("home.lead"));
        lead.addClassName("baeum-lead");
        add(title, lead);
        currentUser.get().ifPresentOrElse(user -> add(forRole(user)), () -> {
            Paragraph join = new Paragraph(getTranslation("home.join") + " ");
            com.vaadin.flow.component.html.Anchor signUp = new com.vaadin.flow.component.html.Anchor("signup",
                    getTranslation("login.signUp"));
            signUp.addClassName("baeum-signup-link");
            // a link inside a sentence is underlined, not told apart by colour alone (WCAG 1.4.1)
            signUp.getStyle().set("text-decoration", "underline");
            join.add(signUp);
            add(join);
        });

        Div cards = new Div(
                card("home.offer.classes"),
                card("home.offer.sports"),
                card("home.offer.spaces"),
                card("home.offer.support"));
        cards.addClassName("baeum-cards");
        Section offers = new Section(new H2(getTranslation("home.offers")), cards);
        offers.setWidthFull();
        add(offers);
    }

    private Component card(String key) {
        Div card = new Div();
        card.addClassName("baeum-card");
        card.add(new H2(getTranslation(key + ".title")), new Paragraph(getTranslation(key + ".text")));
        card.getElement().getChild(0).getClassList().add("baeum-card-title");
        return card;
    }

    private Component forRole(BaeumUser user) {
        Role main = user.roles().stream().max(Enum::compareTo).orElse(Role.CITIZEN);
        Section section = new Section(
                new H2(getTranslation("home.welcome", user.displayName())),
                new Paragraph(getTranslation("home.role." + main.name())));
        section.addClassName("baeum-role-" + main.name().toLowerCase(java.util.Locale.ROOT));
        section.addClassName("baeum-welcome");
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " — " + getTranslation("home.title");
    }
}
