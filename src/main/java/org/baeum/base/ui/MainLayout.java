package org.baeum.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Locale;
import org.baeum.base.i18n.Locales;
import org.baeum.base.i18n.UiLocale;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.SessionLimits;

/**
 * The frame of every page: brand, language switch, larger-text switch, sign-in or the user's name with
 * sign-out (and the warning before an idle session ends), and a menu that lists only the views the current role
 * may open (Vaadin's menu configuration applies the same access rules as navigation).
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    static final String LARGE_TEXT = "baeum.largeText";

    private final transient AuthenticationContext authentication;
    private final transient CurrentUser currentUser;
    private final transient UiLocale uiLocale;
    private final transient SessionLimits sessionLimits;
    private final SideNav nav = new SideNav();

    public MainLayout(AuthenticationContext authentication, CurrentUser currentUser, UiLocale uiLocale,
                      SessionLimits sessionLimits) {
        this.authentication = authentication;
        this.currentUser = currentUser;
        this.uiLocale = uiLocale;
        this.sessionLimits = sessionLimits;
        setPrimarySection(Section.NAVBAR);
        addClassName("baeum-layout");

        Anchor skip = new Anchor("#main-content", getTranslation("layout.skipToContent"));
        skip.addClassName("baeum-skip-link");
        // The content is focusable (tabindex -1) only while the skip link puts focus on it: a permanent negative
        // tabindex on a shadow host (a Vaadin layout) takes its whole content out of the Tab order in Chromium, so
        // Tab from the top bar would leave the page instead of reaching the content (decision 0047).
        skip.getElement().executeJs("this.addEventListener('click', e => { e.preventDefault();"
                + " const m = document.getElementById('main-content'); if (m) { m.setAttribute('tabindex', '-1');"
                + " m.addEventListener('blur', () => m.removeAttribute('tabindex'), { once: true }); m.focus(); } })");

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.menu"));

        Anchor brand = new Anchor("", getTranslation("app.name"));
        brand.addClassName("baeum-brand");
        brand.getElement().setAttribute("aria-label", getTranslation("layout.homeLink"));

        HorizontalLayout tools = new HorizontalLayout(textSizeButton(), languageButton(), accountArea());
        tools.setAlignItems(FlexComponent.Alignment.CENTER);
        tools.setSpacing(true);
        tools.addClassName("baeum-tools");

        addToNavbar(skip, toggle, brand, tools);

        nav.setLabel(getTranslation("layout.navigation"));
        nav.addClassName("baeum-nav");
        addToDrawer(nav);
        buildMenu();
    }

    private void buildMenu() {
        nav.removeAll();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                Icon icon = new Icon(entry.icon());
                icon.getElement().setAttribute("aria-hidden", "true");
                item.setPrefixComponent(icon);
            }
            nav.addItem(item);
        }
    }

    private Component textSizeButton() {
        boolean large = Boolean.TRUE.equals(VaadinSession.getCurrent().getAttribute(LARGE_TEXT));
        Button button = new Button(getTranslation("layout.largeText"), new Icon(VaadinIcon.TEXT_HEIGHT));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.addClassName("baeum-text-size");
        button.getElement().setAttribute("aria-pressed", Boolean.toString(large));
        applyTextSize(large);
        button.addClickListener(e -> {
            boolean now = !Boolean.TRUE.equals(VaadinSession.getCurrent().getAttribute(LARGE_TEXT));
            VaadinSession.getCurrent().setAttribute(LARGE_TEXT, now);
            button.getElement().setAttribute("aria-pressed", Boolean.toString(now));
            applyTextSize(now);
        });
        return button;
    }

    private void applyTextSize(boolean large) {
        getElement().executeJs("document.documentElement.classList.toggle('baeum-large-text', $0)", large);
    }

    private Component languageButton() {
        Locale current = Locales.supported(getLocale());
        Locale other = current.equals(Locales.KOREAN) ? Locales.ENGLISH : Locales.KOREAN;
        Button button = new Button(other.equals(Locales.KOREAN) ? "한국어" : "English", new Icon(VaadinIcon.GLOBE));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.addClassName("baeum-language");
        button.getElement().setAttribute("lang", other.toLanguageTag());
        button.getElement().setAttribute("aria-label", getTranslation("layout.switchLanguage") + " — "
                + (other.equals(Locales.KOREAN) ? "한국어" : "English"));
        button.addClickListener(e -> uiLocale.switchTo(UI.getCurrent(), other));
        return button;
    }

    private Component accountArea() {
        return currentUser.get().<Component>map(this::signedIn).orElseGet(() -> {
            Anchor login = new Anchor("login", getTranslation("layout.signIn"));
            login.addClassName("baeum-sign-in");
            return login;
        });
    }

    private Component signedIn(BaeumUser user) {
        Span name = new Span(user.displayName());
        name.addClassName("baeum-user-name");
        Span role = new Span(user.roles().stream().sorted().map(r -> getTranslation("role." + r.name()))
                .reduce((a, b) -> a + ", " + b).orElse(""));
        role.addClassName("baeum-user-role");
        Div who = new Div(name, role);
        who.addClassName("baeum-user");
        Button logout = new Button(getTranslation("layout.signOut"), new Icon(VaadinIcon.SIGN_OUT),
                e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.addClassName("baeum-sign-out");
        HorizontalLayout area = new HorizontalLayout(who, logout, new SessionWarning(sessionLimits, authentication));
        area.setAlignItems(FlexComponent.Alignment.CENTER);
        return area;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Component content = getContent();
        if (content != null) {
            content.getElement().setAttribute("id", "main-content"); // no tabindex: see the skip link
            content.getElement().setAttribute("role", "main");
            // the page's heading can take focus (not in the Tab order): a page of text alone, scrolled in the layout's
            // content area, then still has a focus target inside it (axe: scrollable-region-focusable), and the
            // heading is where focus can go on a page change. A plain element: its tabindex leaves the rest alone.
            heading(content.getElement()).ifPresent(h1 -> h1.setAttribute("tabindex", "-1"));
        }
        if (isOverlay()) {
            setDrawerOpened(false);
        }
    }

    /** The first {@code h1} under the element (light DOM, a few levels deep), breadth first. */
    static java.util.Optional<com.vaadin.flow.dom.Element> heading(com.vaadin.flow.dom.Element root) {
        java.util.ArrayDeque<com.vaadin.flow.dom.Element> level = new java.util.ArrayDeque<>(java.util.List.of(root));
        for (int d = 0; d <= 6 && !level.isEmpty(); d++) {
            java.util.ArrayDeque<com.vaadin.flow.dom.Element> next = new java.util.ArrayDeque<>();
            for (com.vaadin.flow.dom.Element e : level) {
                if ("h1".equalsIgnoreCase(e.getTag())) {
                    return java.util.Optional.of(e);
                }
                e.getChildren().forEach(next::add);
            }
            level = next;
        }
        return java.util.Optional.empty();
    }
}
