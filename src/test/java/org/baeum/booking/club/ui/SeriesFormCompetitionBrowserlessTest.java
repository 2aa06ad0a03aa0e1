package org.baeum.booking.club.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Paragraph;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.booking.Bookable;
import org.baeum.booking.club.ClubFixture;
import org.baeum.booking.club.ClubSlots;
import org.baeum.booking.club.LearningClub;
import org.baeum.booking.club.SeriesDraft;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/**
 * The leader's request form with other clubs in the same room (decision 0047): hours that another club's approved slot
 * holds are refused at the hours field with that club; hours another club has only asked for are a warning with the
 * number of days, and the request can be sent.
 */
@BaeumIntegrationTest
class SeriesFormCompetitionBrowserlessTest extends SpringBrowserlessTest {

    static final String LEADER = "club-form-compete@test.baeum";
    static String tag;
    static String roomId;
    static LocalDate first;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired ClubFixture fixture, @Autowired ClubSlots slots) {
        DemoCatalogFixture.load(contributors);
        tag = UUID.randomUUID().toString().substring(0, 6);
        Bookable room = fixture.clubRoom("club-form-" + tag, null);
        roomId = room.id();
        first = LocalDate.now(Formats.SEOUL).plusDays(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        while (fixture.off(first) || fixture.off(first.plusWeeks(1))) {
            first = first.plusWeeks(1);
        }
        BaeumUser held = fixture.citizen("승인대표");
        LearningClub holder = fixture.approvedClub(held, "서예 동아리 " + tag);
        BaeumUser asking = fixture.citizen("신청대표");
        LearningClub asker = fixture.approvedClub(asking, "바둑 동아리 " + tag);
        TestAccounts.signIn(held);
        String approved = slots.request(new SeriesDraft(holder.id(), roomId, DayOfWeek.WEDNESDAY, LocalTime.of(10, 0),
                LocalTime.of(12, 0), first, first.plusWeeks(3))).id();
        fixture.asStaff(() -> slots.approve(approved));
        TestAccounts.signIn(asking);
        slots.request(new SeriesDraft(asker.id(), roomId, DayOfWeek.WEDNESDAY, LocalTime.of(14, 0),
                LocalTime.of(16, 0), first, first.plusWeeks(3)));
        BaeumUser leader = accounts.citizen(LEADER, "폼대표", LocalDate.of(1960, 1, 1));
        fixture.approvedClub(leader, "탁구 동아리 " + tag);
        TestAccounts.signOut();
    }

    @Test
    @WithUserDetails(LEADER)
    void hours_another_club_holds_are_refused_at_the_field_and_requested_hours_are_a_warning() {
        AopTestUtils.getUltimateTargetObject(navigate(MyClubsView.class));
        SeriesForm form = $(ClubPanel.class).first().form;
        form.room.setValue(form.room.getListDataView().getItems().filter(b -> b.id().equals(roomId)).findFirst()
                .orElseThrow());
        form.weekday.setValue(DayOfWeek.WEDNESDAY);
        form.start.setValue(LocalTime.of(11, 0));
        form.end.setValue(LocalTime.of(13, 0));
        form.firstDay.setValue(first);
        form.lastDay.setValue(first.plusWeeks(1));
        test(form.check).click();
        assertThat(form.start.isInvalid()).isTrue();
        assertThat(form.start.getErrorMessage()).isEqualTo("다른 동아리가 승인받아 같은 시간에 이 방을 쓰는 날이 있습니다: 서예 동아리 "
                + tag + " 10:00–12:00. 다른 시간이나 기간을 골라 주세요.");
        assertThat(form.send.isEnabled()).isFalse();
        assertThat($(Paragraph.class, form.result).first().getText()).startsWith("다른 동아리가 승인받은 시간과 겹치는 날이 있어");

        form.start.setValue(LocalTime.of(15, 0));
        form.end.setValue(LocalTime.of(17, 0));
        test(form.check).click();
        assertThat(form.start.isInvalid()).isFalse();
        assertThat($(Paragraph.class, form.result).all()).extracting(Paragraph::getText).contains(
                "다른 동아리도 같은 시간에 이 방을 2일 신청해 두었습니다(바둑 동아리 " + tag
                        + " 14:00–16:00). 신청할 수 있으며, 직원이 두 신청을 함께 보고 결정합니다.");
        assertThat(form.send.isEnabled()).isTrue();
    }
}
