package org.baeum.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.textfield.TextField;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@BaeumIntegrationTest
class MyAccountViewBrowserlessTest extends SpringBrowserlessTest {

    @BeforeAll
    static void users(@Autowired TestAccounts accounts) {
        accounts.create("me-citizen", Role.CITIZEN);
        accounts.create("me-other", Role.CITIZEN);
    }

    @Test
    @WithUserDetails("me-citizen")
    void a_citizen_sees_their_own_account_and_nobody_elses() {
        MyAccountView view = navigate(MyAccountView.class);
        var values = $(TextField.class, view).all().stream().map(TextField::getValue).toList();
        assertThat(values).contains("me-citizen", "me-citizen@test.baeum", "시민").doesNotContain("me-other");
        assertThat($(TextField.class, view).all()).allSatisfy(f -> assertThat(f.isReadOnly()).isTrue());
    }
}
