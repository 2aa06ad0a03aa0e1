package org.baeum.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.ListItem;
import java.time.LocalDate;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.account.FeeReductionCategory;
import org.baeum.account.Participant;
import org.baeum.account.Relation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@BaeumIntegrationTest
class HouseholdViewBrowserlessTest extends SpringBrowserlessTest {

    @BeforeAll
    static void users(@Autowired TestAccounts accounts) {
        accounts.citizen("hv-parent@example.com", "한부모", LocalDate.of(1984, 8, 8));
    }

    @Test
    @WithUserDetails("hv-parent@example.com")
    void a_parent_adds_a_child_and_declares_a_reduction_for_them() {
        HouseholdView view = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(navigate(HouseholdView.class));
        assertThat(texts(view)).anySatisfy(t -> assertThat(t).contains("한부모").contains("본인"));

        view.add();
        assertThat(view.dependantName.getErrorMessage()).isEqualTo("이름을 입력해 주세요.");
        assertThat(view.relation.isInvalid()).isTrue();

        test(view.dependantName).setValue("한아이");
        test(view.dependantBirth).setValue(LocalDate.now().minusYears(6));
        view.relation.setValue(Relation.CHILD);
        view.add();
        assertThat(texts(view)).anySatisfy(t -> assertThat(t).contains("한아이").contains("자녀").contains("만 6세"));

        Participant child = view.claimParticipant.getListDataView().getItems()
                .filter(p -> p.name().equals("한아이")).findFirst().orElseThrow();
        view.claimParticipant.setValue(child);
        view.claimCategory.setValue(view.claimCategory.getListDataView().getItems()
                .filter(c -> c.code().equals("DISABLED")).findFirst().orElseThrow());
        view.declare();
        assertThat($(ListItem.class, view.claims).all()).singleElement()
                .satisfies(li -> assertThat(li.getElement().getTextRecursively()).contains("한아이").contains("확인 중"));
        assertThat(view.claimCategory.getListDataView().getItems().map(FeeReductionCategory::code))
                .doesNotContain(FeeReductionCategory.ELDERLY);
    }

    private java.util.List<String> texts(HouseholdView view) {
        return $(ListItem.class, view.people).all().stream().map(li -> li.getElement().getTextRecursively()).toList();
    }
}
