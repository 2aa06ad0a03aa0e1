package org.baeum.booking.club.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.booking.Bookable;
import org.baeum.booking.club.ClubFixture;
import org.baeum.booking.club.ClubSeries;
import org.baeum.booking.club.ClubSlots;
import org.baeum.booking.club.LearningClub;
import org.baeum.booking.club.SeriesDraft;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/**
 * 예약 승인 with two clubs asking for the same weekly room (decision 0047): the two requests are next to each other,
 * each row naming the other club, its hours and the days they share.
 */
@BaeumIntegrationTest
class BookingRequestsCompetitionBrowserlessTest extends SpringBrowserlessTest {

    static String tag;
    static String first;
    static String second;
    static List<LocalDate> days;

    @BeforeAll
    static void data(@Autowired List<org.baeum.base.demo.DemoDataContributor> contributors,
                     @Autowired TestAccounts accounts, @Autowired ClubFixture fixture, @Autowired ClubSlots slots) {
        org.baeum.DemoCatalogFixture.load(contributors);
        accounts.userOrCreate("compete-staff", Role.STAFF);
        tag = UUID.randomUUID().toString().substring(0, 6);
        Bookable room = fixture.clubRoom("compete-ui-" + tag, null);
        LocalDate day = LocalDate.now(Formats.SEOUL).plusDays(3);
        while (fixture.off(day) || fixture.off(day.plusWeeks(1))) {
            day = day.plusDays(1);
        }
        days = List.of(day, day.plusWeeks(1));
        BaeumUser a = fixture.citizen("풍물대표");
        LearningClub drums = fixture.approvedClub(a, "풍물 동아리 " + tag);
        BaeumUser b = fixture.citizen("사물대표");
        LearningClub gongs = fixture.approvedClub(b, "사물놀이 동아리 " + tag);
        TestAccounts.signIn(a);
        first = slots.request(new SeriesDraft(drums.id(), room.id(), day.getDayOfWeek(), LocalTime.of(10, 0),
                LocalTime.of(12, 0), day, day.plusWeeks(1))).id();
        TestAccounts.signIn(b);
        second = slots.request(new SeriesDraft(gongs.id(), room.id(), day.getDayOfWeek(), LocalTime.of(11, 0),
                LocalTime.of(13, 0), day, day.plusWeeks(1))).id();
        TestAccounts.signOut();
    }

    @Test
    @WithUserDetails("compete-staff")
    void staff_see_the_competing_requests_side_by_side_with_the_shared_days() {
        BookingRequestsView view = AopTestUtils.getUltimateTargetObject(navigate(BookingRequestsView.class));
        List<ClubSeries> rows = view.seriesGrid.getListDataView().getItems().toList();
        int a = rows.stream().map(ClubSeries::id).toList().indexOf(first);
        int b = rows.stream().map(ClubSeries::id).toList().indexOf(second);
        assertThat(b).as("side by side").isEqualTo(a + 1);
        assertThat(view.seriesGrid.getColumns().get(3).getHeaderText()).isEqualTo("같은 시간을 원하는 다른 동아리");
        String dates = Formats.date(days.get(0), java.util.Locale.KOREAN) + ", "
                + Formats.date(days.get(1), java.util.Locale.KOREAN);
        assertThat(test(view.seriesGrid).getCellText(a, 3))
                .isEqualTo("사물놀이 동아리 " + tag + " 11:00–13:00 (다른 동아리의 신청(결정 전)): 2일 — " + dates);
        assertThat(test(view.seriesGrid).getCellText(b, 3))
                .isEqualTo("풍물 동아리 " + tag + " 10:00–12:00 (다른 동아리의 신청(결정 전)): 2일 — " + dates);
    }
}
