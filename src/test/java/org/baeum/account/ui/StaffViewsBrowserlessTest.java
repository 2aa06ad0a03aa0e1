package org.baeum.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.RouteParameters;
import java.time.LocalDate;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.account.CitizenSummary;
import org.baeum.account.EligibilityService;
import org.baeum.account.EligibilityStatus;
import org.baeum.account.ParticipantId;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@BaeumIntegrationTest
class StaffViewsBrowserlessTest extends SpringBrowserlessTest {

    static String citizenId;
    static String claimId;

    @Autowired
    MongoDatabase database;
    @Autowired
    EligibilityService eligibility;

    @BeforeAll
    static void data(@Autowired TestAccounts accounts, @Autowired EligibilityService eligibility) {
        BaeumUser citizen = accounts.citizen("desk.visitor@example.com", "김민용", LocalDate.of(1950, 1, 1));
        citizenId = citizen.accountId();
        accounts.create("sv-staff", Role.STAFF);
        TestAccounts.signIn(citizen);
        claimId = eligibility.declare(new ParticipantId(citizenId), "NATIONAL_MERIT", "보훈증 지참 예정").id();
        TestAccounts.signOut();
    }

    @Test
    @WithUserDetails("sv-staff")
    void the_desk_search_lists_masked_data_and_opening_a_record_is_logged() {
        CitizensView view = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(navigate(CitizensView.class));
        test(view.query).setValue("김민");
        test(view.search).click();
        List<CitizenSummary> rows = test(view.grid).size() > 0
                ? java.util.stream.IntStream.range(0, test(view.grid).size()).mapToObj(i -> test(view.grid).getRow(i)).toList()
                : List.of();
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.maskedName()).isEqualTo("김*용");
            assertThat(r.maskedEmail()).isEqualTo("d***@example.com");
        });
        assertThat(test(view.grid).getCellText(0, 0)).isEqualTo("김*용");

        long before = database.getCollection("access_log").countDocuments(new Document("subjectAccountId", citizenId));
        UI.getCurrent().navigate(CitizenDetailView.class, new RouteParameters("id", citizenId));
        assertThat($(H1.class).first().getText()).isEqualTo("김민용");
        assertThat(database.getCollection("access_log").countDocuments(new Document("subjectAccountId", citizenId)))
                .isGreaterThan(before);
    }

    @Test
    @WithUserDetails("sv-staff")
    void staff_approve_a_declaration_from_the_queue() {
        EligibilityQueueView view = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(navigate(EligibilityQueueView.class));
        assertThat(test(view.grid).getCellText(0, 1)).isEqualTo("김*용");
        view.open(claimId);
        assertThat(view.dialog.isOpened()).isTrue();
        test($(com.vaadin.flow.component.button.Button.class, view.dialog).all().stream()
                .filter(b -> b.getText().equals("승인")).findFirst().orElseThrow()).click();
        assertThat(view.dialog.isOpened()).isFalse();
        assertThat(test(view.grid).size()).isZero();
        assertThat(database.getCollection("eligibility_claims").find(new Document("_id", claimId)).first().getString("status"))
                .isEqualTo(EligibilityStatus.APPROVED.name());
    }

    @Test
    @WithUserDetails("sv-staff")
    void an_unknown_citizen_id_shows_not_found_not_an_error() {
        UI.getCurrent().navigate(CitizenDetailView.class, new RouteParameters("id", "no-such-id"));
        assertThat($(H1.class).first().getText()).isEqualTo("페이지를 찾을 수 없습니다");
    }
}
