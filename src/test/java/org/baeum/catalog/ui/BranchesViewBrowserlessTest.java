package org.baeum.catalog.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.base.demo.DemoDataContributor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BaeumIntegrationTest
class BranchesViewBrowserlessTest extends SpringBrowserlessTest {

    @BeforeAll
    static void demoBranches(@Autowired List<DemoDataContributor> contributors) {
        org.baeum.DemoCatalogFixture.load(contributors);
    }

    @Test
    void anyone_sees_both_branches_their_rooms_and_the_pool() {
        BranchesView view = navigate(BranchesView.class);
        assertThat($(H2.class, view).all()).extracting(H2::getText).hasSize(2);
        assertThat($(ListItem.class, view).all()).hasSizeGreaterThanOrEqualTo(13);
        assertThat(view.getElement().getOuterHTML()).contains("홍익로2길 16").contains("마포대로 224");
    }
}
