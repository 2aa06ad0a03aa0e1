package org.baeum.closure.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.scheduling.Jobs;
import org.baeum.base.security.Role;
import org.baeum.base.ui.AccessDeniedView;
import org.baeum.calendar.ClosablePlace;
import org.baeum.calendar.Closure;
import org.baeum.calendar.ClosureDraft;
import org.baeum.calendar.ClosureScope;
import org.baeum.calendar.DaysOff;
import org.baeum.catalog.ClassSession;
import org.baeum.catalog.RoomSessions;
import org.baeum.closure.ClosureDesk;
import org.baeum.closure.ClosureImpact.SessionHit;
import org.baeum.closure.ClosurePlan;
import org.baeum.closure.SessionChoice;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/**
 * The closure screens: STAFF preview a closure of a room on a day with a demo class session, see that class with a
 * choice, cannot confirm before choosing, confirm and land on the plan, lift it; the list links declared closures and
 * still removes a plain one entered before; a citizen is refused all three routes.
 */
@BaeumIntegrationTest
class ClosureViewsBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    DaysOff daysOff;
    @Autowired
    ClosureDesk desk;
    @Autowired
    RoomSessions roomSessions;
    @Autowired
    MutableClock clock;
    @Autowired
    Jobs jobs;
    @Autowired
    TestAccounts accounts;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts) {
        DemoCatalogFixture.load(contributors);
        accounts.userOrCreate("closure-ui-staff", Role.STAFF);
        accounts.userOrCreate("closure-ui-citizen", Role.CITIZEN);
        accounts.userOrCreate("closure-ui-admin", Role.ADMIN);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.SEOUL));
    }

    /** A demo class session in a room, the {@code nth} from a week on (each test takes its own day). */
    private ClassSession session(int nth) {
        List<ClassSession> sessions = roomSessions.between(null, null, today().plusDays(7), today().plusDays(120));
        LocalDate day = sessions.stream().map(ClassSession::date).distinct().skip(nth).findFirst().orElseThrow();
        return sessions.stream().filter(s -> s.date().equals(day)).findFirst().orElseThrow();
    }

    private ClosablePlace room(String roomId) {
        return daysOff.places().stream().filter(p -> p.scope() == ClosureScope.ROOM && p.id().equals(roomId))
                .findFirst().orElseThrow();
    }

    private NewClosureView closeRoom(ClassSession session) {
        NewClosureView view = AopTestUtils.getUltimateTargetObject(navigate(NewClosureView.class));
        view.scope.setValue(ClosureScope.ROOM);
        view.place.setValue(room(session.roomId()));
        view.firstDay.setValue(session.date());
        view.lastDay.setValue(session.date());
        view.reasonKo.setValue("배관 공사");
        view.reasonEn.setValue("Pipe works");
        return view;
    }

    private Button button(String text) {
        return $(Button.class).all().stream().filter(b -> text.equals(b.getText())).reduce((a, b) -> b).orElseThrow();
    }

    /** Starts the due job now (as ADMIN, instead of waiting up to 30 s) and waits until it applied the plan. */
    private ClosurePlan applied(String planId) {
        TestAccounts.signIn(accounts.user("closure-ui-admin"));
        assertThat(jobs.runNow("closure-apply")).isTrue();
        TestAccounts.signIn(accounts.user("closure-ui-staff"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInSameThread()
                .until(() -> desk.plan(planId).orElseThrow().status() == ClosurePlan.Status.APPLIED);
        return desk.plan(planId).orElseThrow();
    }

    @Test
    @WithUserDetails("closure-ui-staff")
    void staff_preview_a_room_closure_choose_per_class_confirm_and_land_on_the_plan() {
        ClassSession session = session(0);
        NewClosureView view = closeRoom(session);
        assertThat(view.confirm.isEnabled()).isFalse();

        test(view.preview).click();
        assertThat(view.impact.sessions()).extracting(SessionHit::offeringId).contains(session.offeringId().value());
        assertThat($(H3.class, view.impactArea).all()).extracting(H3::getText).contains(session.titleKo());
        assertThat(view.panel.choices).containsKey(session.offeringId().value());
        assertThat(view.confirm.isEnabled()).as("no choice made yet").isFalse();
        assertThat(view.status.getText()).isEqualTo(view.getTranslation("closure.ui.previewed.choose",
                view.impact.sessions().size(), view.impact.bookings().size(), view.impact.clubSlots().size(),
                view.impact.offers().size(), view.impact.people(), view.panel.choices.size()));
        assertThat(view.status.getElement().getAttribute("aria-live")).isEqualTo("polite");

        view.reasonKo.setValue("배관 교체 공사");
        assertThat(view.impact).as("a changed input clears the preview").isNull();
        assertThat(view.impactArea.getChildren()).isEmpty();
        assertThat(view.confirm.isEnabled()).isFalse();

        test(view.preview).click();
        List<String> offerings = List.copyOf(view.panel.choices.keySet());
        view.panel.choices.get(offerings.getFirst()).setValue(SessionChoice.MOVE);
        List<SessionHit> moved = view.impact.sessions().stream()
                .filter(h -> h.offeringId().equals(offerings.getFirst())).toList();
        assertThat(moved).allMatch(h -> h.choice() == SessionChoice.MOVE);
        SessionHit hit = moved.getFirst();
        String when = Formats.date(hit.date(), UI.getCurrent().getLocale()) + " " + hit.start() + "–" + hit.end();
        assertThat($(ListItem.class, view.impactArea).all()).extracting(ListItem::getText).contains(
                hit.makeUp() == null ? view.getTranslation("closure.ui.impact.noMakeUp", when)
                        : view.getTranslation("closure.ui.impact.makeUp", when,
                        Formats.date(hit.makeUp(), UI.getCurrent().getLocale())));
        assertThat(view.panel.choices.get(offerings.getFirst()).getValue()).as("the choice stays where it was")
                .isEqualTo(SessionChoice.MOVE);
        for (int i = 1; i < offerings.size(); i++) {
            assertThat(view.confirm.isEnabled()).as("%d of %d classes chosen", i, offerings.size()).isFalse();
            RadioButtonGroup<SessionChoice> group = view.panel.choices.get(offerings.get(i));
            group.setValue(SessionChoice.CANCEL);
        }
        assertThat(view.confirm.isEnabled()).as("every class has a choice").isTrue();
        view.panel.choices.get(offerings.getFirst()).setValue(SessionChoice.CANCEL);
        assertThat(view.impact.sessions()).allMatch(s -> s.choice() == SessionChoice.CANCEL);
        assertThat($(Paragraph.class, view.impactArea).all()).extracting(Paragraph::getText)
                .anyMatch(text -> text.startsWith(view.getTranslation("closure.ui.impact.refund", "").strip()));
        assertThat(view.confirm.isEnabled()).isTrue();

        test(view.confirm).click();
        assertThat(view.dialog.isOpened()).isTrue();
        test(button(view.getTranslation("closure.ui.confirm"))).click();

        assertThat(getCurrentView()).isInstanceOf(PlanView.class);
        PlanView plan = AopTestUtils.getUltimateTargetObject(getCurrentView());
        assertThat(plan.plan.request().roomId()).isEqualTo(session.roomId());
        assertThat(plan.plan.request().offerings()).containsEntry(session.offeringId().value(), SessionChoice.CANCEL);
        ClosurePlan.Status declared = plan.plan.status();
        assertThat(declared).as("the job may have run already").isIn(ClosurePlan.Status.APPLYING,
                ClosurePlan.Status.APPLIED);
        assertThat(plan.status.getText()).startsWith(plan.getTranslation("closure.ui.plan.status",
                plan.getTranslation("closure.ui.status." + declared.name())));
        assertThat(desk.plans()).extracting(ClosurePlan::id).contains(plan.plan.id());
        assertThat(plan.lift.isVisible()).as("lifting waits until it is applied")
                .isEqualTo(declared == ClosurePlan.Status.APPLIED);

        // the due job applies it (started now instead of in 30 s); the page reads the plan again as its poll does
        applied(plan.plan.id());
        plan.refresh();
        assertThat(plan.status.getText()).isEqualTo(plan.getTranslation("closure.ui.plan.status",
                plan.getTranslation("closure.ui.status.APPLIED")));
        assertThat(plan.lift.isVisible()).isTrue();

        test(plan.lift).click();
        test(button(plan.getTranslation("closure.ui.lift"))).click();
        assertThat(plan.plan.status()).isEqualTo(ClosurePlan.Status.LIFTED);
        assertThat(desk.plan(plan.plan.id()).orElseThrow().status()).isEqualTo(ClosurePlan.Status.LIFTED);
        assertThat(plan.lift.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("closure-ui-staff")
    void problems_show_at_their_fields_and_nothing_is_previewed() {
        NewClosureView view = AopTestUtils.getUltimateTargetObject(navigate(NewClosureView.class));
        test(view.preview).click();
        assertThat(view.scope.getErrorMessage()).isEqualTo(view.getTranslation("validation.required"));
        assertThat(view.impact).isNull();

        view.scope.setValue(ClosureScope.ROOM);
        test(view.preview).click();
        assertThat(view.place.getErrorMessage()).as("a room closure without its room would close every branch")
                .isEqualTo(view.getTranslation("validation.required"));

        view.place.setValue(room(session(1).roomId()));
        view.firstDay.setValue(today().plusDays(10));
        view.lastDay.setValue(today().plusDays(3));
        test(view.preview).click();
        assertThat(view.lastDay.getErrorMessage()).isEqualTo(view.getTranslation("validation.endBeforeStart"));
        assertThat(view.reasonKo.getErrorMessage()).isEqualTo(view.getTranslation("validation.required"));
        assertThat(view.status.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(view.impact).isNull();
        assertThat(desk.plans()).noneMatch(p -> today().plusDays(10).equals(p.request().firstDay()));
    }

    @Test
    @WithUserDetails("closure-ui-staff")
    void the_list_links_declared_closures_and_removes_only_a_plain_one() {
        ClassSession session = session(2);
        NewClosureView form = closeRoom(session);
        test(form.preview).click();
        form.panel.choices.values().forEach(group -> group.setValue(SessionChoice.MOVE));
        ClosurePlan declared = applied(desk.declare(form.previewed()).id());
        Closure plain = daysOff.addClosure(new ClosureDraft(ClosureScope.ROOM, "main-ll-2", today().plusDays(200),
                today().plusDays(201), "냉난방기 교체", "New air conditioning"));

        ClosuresView view = AopTestUtils.getUltimateTargetObject(navigate(ClosuresView.class));
        assertThat(view.declare.getHref()).isEqualTo("staff/closures/new");
        assertThat(view.plans.getGenericDataView().getItems()).extracting(ClosurePlan::id).contains(declared.id());
        List<Closure> rows = view.grid.getGenericDataView().getItems().toList();
        assertThat(rows).extracting(Closure::id).contains(plain.id(), declared.calendarClosureId());
        assertThat(view.declared(plain)).isFalse();
        assertThat(view.declared(rows.stream().filter(r -> r.id().equals(declared.calendarClosureId())).findFirst()
                .orElseThrow())).as("a declared closure is lifted on its plan's page").isTrue();

        view.confirmRemove(plain);
        test(button(view.getTranslation("closures.remove"))).click();
        assertThat(daysOff.closuresFrom(today())).extracting(Closure::id).doesNotContain(plain.id())
                .contains(declared.calendarClosureId());
        assertThat(test($(Notification.class).last()).getText()).isEqualTo(view.getTranslation("closures.removed",
                view.getTranslation("closure.scope.ROOM") + ": 본관 · 평생학습실 2"));
    }

    @Test
    @WithUserDetails("closure-ui-citizen")
    void citizens_are_refused_the_closure_screens() {
        for (String route : List.of("staff/closures", "staff/closures/new", "staff/closures/plans/any")) {
            UI.getCurrent().navigate(route);
            assertThat(getCurrentView()).as(route).isInstanceOf(AccessDeniedView.class);
        }
    }
}
