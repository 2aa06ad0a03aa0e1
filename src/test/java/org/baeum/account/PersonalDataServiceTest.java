package org.baeum.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SessionValidity;
import org.bson.Document;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@BaeumIntegrationTest
class PersonalDataServiceTest {

    @Autowired
    PersonalDataService personalData;
    @Autowired
    HouseholdService households;
    @Autowired
    EligibilityService eligibility;
    @Autowired
    AccountAdministration administration;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    SessionValidity sessions;
    @Autowired
    MongoDatabase database;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    BaeumUser householdWithData(String email, String name, String childName) {
        BaeumUser citizen = accounts.citizen(email, name, LocalDate.of(1982, 2, 2));
        TestAccounts.signIn(citizen);
        Dependant child = households.addDependant(new DependantDraft(childName, LocalDate.of(2017, 7, 7), Relation.CHILD));
        eligibility.declare(child.id(), "DISABLED", name + "의 메모");
        tokens.issue(citizen);
        return citizen;
    }

    @Test
    void the_download_contains_exactly_the_citizens_own_household_in_json_and_xlsx() throws Exception {
        householdWithData("other.family@example.com", "남다른", "남아이");
        BaeumUser me = householdWithData("my.family@example.com", "나본인", "나아이");
        TestAccounts.signIn(accounts.userOrCreate("pd-staff", Role.STAFF));
        administration.citizen(new AccountId(me.accountId()));
        TestAccounts.signIn(me);

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        personalData.writeJson(json);
        String text = json.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("my.family@example.com", "나본인", "나아이", "DISABLED", "나본인의 메모", "VIEW_PROFILE", "pd-staff",
                "1982-02-02");
        assertThat(text).doesNotContain("other.family", "남다른", "남아이").doesNotContain("passwordHash").doesNotContain("$argon2");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        personalData.writeXlsx(xlsx);
        List<String> cells = new ArrayList<>();
        List<String> sheets = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            for (Sheet sheet : wb.getSheets().toList()) {
                sheets.add(sheet.getName());
                sheet.read().forEach(row -> row.forEach(cell -> cells.add(cell == null ? "" : cell.getText())));
            }
        }
        assertThat(sheets).contains("account", "dependants", "eligibilityClaims", "apiTokens", "accessLog");
        assertThat(cells).contains("my.family@example.com", "나본인", "나아이").doesNotContain("남다른", "남아이");
    }

    @Test
    void deletion_leaves_no_personal_data_anywhere_in_the_database() {
        householdWithData("keep.me@example.com", "남는이", "남는아이");
        BaeumUser leaving = householdWithData("leaving.now@example.com", "떠날이", "떠날아이");
        TestAccounts.signIn(accounts.userOrCreate("pd-staff2", Role.STAFF));
        administration.citizen(new AccountId(leaving.accountId()));
        TestAccounts.signIn(leaving);

        assertThatThrownBy(() -> personalData.deleteMyAccount("wrong password")).isInstanceOf(InvalidInputException.class);
        assertThat(databaseText()).contains("leaving.now@example.com");

        personalData.deleteMyAccount(TestAccounts.PASSWORD);
        String everything = databaseText();
        assertThat(everything).doesNotContain("leaving.now@example.com", "떠날이", "떠날아이", "떠날이의 메모");
        assertThat(everything).as("the other household is untouched").contains("keep.me@example.com", "남는아이");
        assertThat(sessions.stillValid(leaving.accountId(), leaving.sessionEpoch())).isFalse();
        assertThat(tokens.tokensOf(leaving.accountId())).isEmpty();
    }

    @Test
    void only_citizens_download_or_delete_and_only_their_own() {
        TestAccounts.signIn(accounts.userOrCreate("pd-instructor", Role.INSTRUCTOR));
        assertThatThrownBy(() -> personalData.myData()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> personalData.deleteMyAccount(TestAccounts.PASSWORD)).isInstanceOf(AccessDeniedException.class);
    }

    /** Every document of every collection as JSON text. */
    private String databaseText() {
        StringBuilder all = new StringBuilder();
        for (String name : database.listCollectionNames()) {
            for (Document d : database.getCollection(name).find()) {
                all.append(name).append(' ').append(d.toJson()).append('\n');
            }
        }
        return all.toString();
    }
}
