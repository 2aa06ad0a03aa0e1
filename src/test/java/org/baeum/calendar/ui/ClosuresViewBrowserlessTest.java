package org.baeum.calendar.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import java.time.LocalDate;
import java.util.List;
import org.baeum.DemoCatalogFixture;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.calendar.ClosablePlace;
import org.baeum.calendar.Closure;
import org.baeum.calendar.ClosureScope;
import org.baeum.calendar.DaysOff;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/** Staff close a room in the closures view, see every problem at its field first, and remove the closure again. */
@BaeumIntegrationTest
class ClosuresViewBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    DaysOff daysOff;
    @Autowired
    MutableClock clock;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts) {
        DemoCatalogFixture.load(contributors);
        accounts.create("closures-staff", Role.STAFF);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.SEOUL));
    }

    private String lastNotification() {
        return test($(Notification.class).last()).getText();
    }

    @Test
    @WithUserDetails("closures-staff")
    void staff_close_a_room_after_the_problems_are_shown_at_their_fields_and_remove_it_again() {
        ClosuresView view = AopTestUtils.getUltimateTargetObject(navigate(ClosuresView.class));
        int before = test(view.grid).size();

        test(view.add).click();
        String required = view.getTranslation("validation.required");
        assertThat(view.scope.getErrorMessage()).isEqualTo(required);
        assertThat(view.firstDay.getErrorMessage()).isEqualTo(required);
        assertThat(view.reasonKo.getErrorMessage()).isEqualTo(required);
        assertThat(view.reasonEn.isInvalid()).isTrue();
        assertThat(test(view.grid).size()).isEqualTo(before);

        view.scope.setValue(ClosureScope.ALL);
        assertThat(view.target.isEnabled()).as("every branch needs no place").isFalse();
        view.scope.setValue(ClosureScope.ROOM);
        assertThat(view.target.isEnabled()).isTrue();
        ClosablePlace room = daysOff.places().stream().filter(p -> p.id().equals("main-ll-2")).findFirst().orElseThrow();
        view.target.setValue(room);
        view.firstDay.setValue(today().plusDays(10));
        view.lastDay.setValue(today().plusDays(3));
        view.reasonKo.setValue("냉난방기 교체");
        view.reasonEn.setValue("New air conditioning");
        test(view.add).click();
        assertThat(view.lastDay.getErrorMessage()).isEqualTo(view.getTranslation("validation.endBeforeStart"));
        assertThat(view.scope.isInvalid()).as("cleared once right").isFalse();
        assertThat(test(view.grid).size()).isEqualTo(before);

        view.lastDay.setValue(today().plusDays(12));
        test(view.add).click();
        assertThat(test(view.grid).size()).isEqualTo(before + 1);
        String where = view.getTranslation("closure.scope.ROOM") + ": 본관 · 평생학습실 2";
        assertThat(lastNotification()).isEqualTo(view.getTranslation("closures.added", where,
                Formats.date(today().plusDays(10), UI.getCurrent().getLocale()), Formats.date(today().plusDays(12), UI.getCurrent().getLocale())));
        Closure stored = daysOff.closuresFrom(today()).stream().filter(c -> "main-ll-2".equals(c.roomId()))
                .findFirst().orElseThrow();
        assertThat(stored.branchId()).isEqualTo("main");
        assertThat(stored.reasonEn()).isEqualTo("New air conditioning");
        assertThat(test(view.grid).getRow(test(view.grid).size() - 1).id()).isEqualTo(stored.id());
        assertThat(view.scope.getValue()).as("the form is emptied").isNull();

        view.confirmRemove(stored);
        Dialog dialog = view.dialog;
        Button remove = $(Button.class, dialog).all().stream()
                .filter(b -> view.getTranslation("closures.remove").equals(b.getText())).findFirst().orElseThrow();
        test(remove).click();
        assertThat(test(view.grid).size()).isEqualTo(before);
        assertThat(daysOff.closuresFrom(today())).extracting(Closure::id).doesNotContain(stored.id());
        assertThat(lastNotification()).isEqualTo(view.getTranslation("closures.removed", where));
    }
}
