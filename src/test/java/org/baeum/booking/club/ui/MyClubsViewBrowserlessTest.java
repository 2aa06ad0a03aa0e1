package org.baeum.booking.club.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.SystemIdentity;
import org.baeum.booking.club.ClubFixture;
import org.baeum.booking.club.ClubSeries;
import org.baeum.booking.club.ClubSlots;
import org.baeum.booking.club.LearningClub;
import org.baeum.booking.club.LearningClubs;
import org.baeum.booking.club.SeriesStatus;
import org.baeum.calendar.DayOff;
import org.baeum.calendar.DaysOff;
import org.baeum.calendar.Place;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/** 내 동아리 by keyboard-reachable controls: register (problems at the fields first), request a slot after its clash list, join by code. */
@BaeumIntegrationTest
class MyClubsViewBrowserlessTest extends SpringBrowserlessTest {

    static final String LEADER = "club-view-leader@test.baeum";
    static final String MEMBER = "club-view-member@test.baeum";
    static String code;
    static String otherClub;

    @Autowired
    LearningClubs clubs;
    @Autowired
    ClubSlots slots;
    @Autowired
    DaysOff daysOff;
    @Autowired
    Clock clock;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired ClubFixture fixture, @Autowired LearningClubs clubs) {
        DemoCatalogFixture.load(contributors);
        accounts.citizen(LEADER, "동아리대표", LocalDate.of(1955, 5, 5));
        accounts.citizen(MEMBER, "동아리회원", LocalDate.of(1957, 7, 7));
        fixture.clubRoom("club-view-room", null);
        BaeumUser otherLeader = fixture.citizen("기타대표");
        LearningClub other = fixture.approvedClub(otherLeader, "기타 동아리");
        otherClub = other.id();
        TestAccounts.signIn(otherLeader);
        code = clubs.club(other.id()).orElseThrow().joinCode();
        TestAccounts.signOut();
    }

    private String lastNotification() {
        return test($(Notification.class).last()).getText();
    }

    @Test
    @WithUserDetails(LEADER)
    void a_citizen_registers_a_club_and_once_approved_requests_a_weekly_slot_after_seeing_its_clashes() {
        MyClubsView view = AopTestUtils.getUltimateTargetObject(navigate(MyClubsView.class));
        assertThat($(H1.class).first().getText()).isEqualTo("내 동아리");
        test(view.register).click();
        assertThat(view.name.getErrorMessage()).isEqualTo(view.getTranslation("validation.required"));
        assertThat(view.branch.isInvalid()).isTrue();
        assertThat(clubs.mine()).isEmpty();

        view.name.setValue("마포 시니어 합창");
        view.branch.setValue(view.branch.getListDataView().getItems().filter(b -> b.id().value().equals("main"))
                .findFirst().orElseThrow());
        test(view.register).click();
        assertThat(lastNotification()).isEqualTo(view.getTranslation("club.registered", "마포 시니어 합창"));
        LearningClub club = clubs.mine().getFirst();
        ClubPanel panel = $(ClubPanel.class).first();
        assertThat($(Paragraph.class, panel).all()).extracting(Paragraph::getText)
                .contains(view.getTranslation("club.codeIs", club.joinCode()));
        assertThat(panel.form).as("no slots before approval").isNull();

        SystemIdentity.run(() -> clubs.approve(club.id()));
        view = AopTestUtils.getUltimateTargetObject(navigate(MyClubsView.class));
        SeriesForm form = $(ClubPanel.class).first().form;
        LocalDate holiday = holidayFrom(LocalDate.now(clock.withZone(Formats.SEOUL)).plusDays(16));
        form.room.setValue(form.room.getListDataView().getItems().filter(b -> b.id().equals("club-view-room"))
                .findFirst().orElseThrow());
        form.weekday.setValue(holiday.getDayOfWeek());
        form.start.setValue(LocalTime.of(14, 0));
        form.end.setValue(LocalTime.of(16, 0));
        form.firstDay.setValue(holiday.minusWeeks(1));
        form.lastDay.setValue(holiday.plusWeeks(1));
        assertThat(form.send.isEnabled()).isFalse();
        test(form.check).click();
        assertThat($(ListItem.class, form.result).all()).extracting(ListItem::getText).singleElement().asString()
                .startsWith(Formats.date(holiday, com.vaadin.flow.component.UI.getCurrent().getLocale()) + ": 공휴일 — ");
        assertThat(form.send.isEnabled()).isTrue();
        test(form.send).click();

        assertThat(slots.ofClub(club.id())).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(SeriesStatus.REQUESTED);
            assertThat(s.weekday()).isEqualTo(holiday.getDayOfWeek());
        });
        ClubPanel after = $(ClubPanel.class).first();
        assertThat($(ListItem.class, after.series).all()).extracting(ListItem::getText).singleElement().asString()
                .contains("14:00–16:00").contains("승인 대기");
    }

    @Test
    @WithUserDetails(MEMBER)
    void a_citizen_joins_a_club_with_its_code_and_sees_no_leader_controls() {
        MyClubsView view = AopTestUtils.getUltimateTargetObject(navigate(MyClubsView.class));
        view.code.setValue("WRONG-CODE");
        test(view.join).click();
        assertThat(view.code.getErrorMessage()).isEqualTo(view.getTranslation("club.error.code"));
        view.code.setValue(code.toLowerCase());
        test(view.join).click();
        assertThat(lastNotification()).isEqualTo(view.getTranslation("club.joined", "기타 동아리"));
        ClubPanel panel = $(ClubPanel.class).first();
        assertThat(panel.form).isNull();
        assertThat(panel.leave.getElement().getAttribute("aria-label")).isEqualTo("탈퇴: 기타 동아리");
        assertThat(clubs.club(otherClub).orElseThrow().members()).hasSize(1);
        List<ClubSeries> none = slots.ofClub(otherClub);
        assertThat(none).isEmpty();
    }

    private LocalDate holidayFrom(LocalDate from) {
        for (LocalDate d = from; d.isBefore(from.plusDays(200)); d = d.plusDays(1)) {
            var off = daysOff.dayOff(d, Place.branch("main"));
            if (off.isPresent() && off.get().kind() == DayOff.Kind.HOLIDAY && d.getDayOfWeek().getValue() <= 5
                    && !daysOff.dayOff(d.minusWeeks(1), Place.branch("main")).isPresent()
                    && !daysOff.dayOff(d.plusWeeks(1), Place.branch("main")).isPresent()) {
                return d;
            }
        }
        throw new IllegalStateException("no lone weekday holiday within 200 days");
    }
}
