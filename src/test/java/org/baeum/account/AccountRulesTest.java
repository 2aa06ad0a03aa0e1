package org.baeum.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.baeum.base.domain.FieldProblem;
import org.junit.jupiter.api.Test;

class AccountRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static SignUpRequest valid() {
        return new SignUpRequest("홍길동", "hong@example.com", "010-1234-5678", LocalDate.of(1980, 5, 17),
                District.MAPO, "ko", "푸른 하늘 은하수 하얀 쪽배", true);
    }

    static List<String> problems(SignUpRequest r) {
        return AccountRules.signUp(r, TODAY).stream().map(p -> p.field() + ":" + p.messageKey()).toList();
    }

    @Test
    void a_complete_sign_up_has_no_problems() {
        assertThat(problems(valid())).isEmpty();
    }

    @Test
    void every_missing_field_is_reported_at_once() {
        assertThat(problems(new SignUpRequest(null, null, null, null, null, null, null, false))).containsExactlyInAnyOrder(
                "name:account.name.required", "email:account.email.required", "birthDate:account.birthDate.required",
                "district:account.district.required", "password:password.tooShort",
                "privacyConsent:account.privacyConsent.required");
    }

    @Test
    void names_are_letters_of_any_script_and_at_most_fifty_characters() {
        for (String ok : List.of("김용", "Anne-Marie O'Neil", "Nguyễn Thị Minh", "남궁 민수")) {
            assertThat(problems(withName(ok))).as(ok).isEmpty();
        }
        assertThat(problems(withName("<script>"))).containsExactly("name:account.name.characters");
        assertThat(problems(withName("홍길동1"))).containsExactly("name:account.name.characters");
        assertThat(problems(withName("가".repeat(51)))).containsExactly("name:account.name.tooLong");
    }

    @Test
    void email_addresses_need_a_dotted_domain_and_no_spaces() {
        for (String bad : List.of("hong", "hong@", "hong@localhost", "ho ng@example.com", "hong|x@example.com", "@example.com")) {
            assertThat(problems(withEmail(bad))).as(bad).containsExactly("email:account.email.invalid");
        }
        assertThat(problems(withEmail("Hong.Gil+class@mapo.seoul.kr"))).isEmpty();
    }

    @Test
    void mobile_numbers_are_optional_and_korean_when_given() {
        assertThat(problems(withMobile(""))).isEmpty();
        assertThat(problems(withMobile("010 1234 5678"))).isEmpty();
        assertThat(problems(withMobile("011-234-5678"))).isEmpty();
        assertThat(problems(withMobile("02-123-4567"))).containsExactly("mobile:account.mobile.invalid");
        assertThat(problems(withMobile("010-1234-567a"))).containsExactly("mobile:account.mobile.invalid");
        assertThat(AccountRules.normaliseMobile("010-1234-5678")).isEqualTo("01012345678");
    }

    @Test
    void people_under_fourteen_cannot_sign_up_themselves_and_birth_dates_are_plausible() {
        assertThat(problems(withBirth(TODAY.minusYears(14)))).isEmpty();
        assertThat(problems(withBirth(TODAY.minusYears(14).plusDays(1)))).containsExactly("birthDate:account.birthDate.tooYoung");
        assertThat(problems(withBirth(TODAY.plusDays(1)))).containsExactly("birthDate:account.birthDate.invalid");
        assertThat(problems(withBirth(LocalDate.of(1899, 12, 31)))).containsExactly("birthDate:account.birthDate.invalid");
    }

    @Test
    void the_password_policy_applies_including_the_users_own_address() {
        assertThat(problems(withPassword("short"))).containsExactly("password:password.tooShort");
        assertThat(problems(withPassword("password123"))).containsExactly("password:password.common");
        assertThat(problems(withPassword("hong@example.com"))).containsExactly("password:password.personal");
    }

    @Test
    void the_language_is_korean_or_english() {
        assertThat(AccountRules.language("en-US")).isEqualTo("en");
        assertThat(AccountRules.language(null)).isEqualTo("ko");
        assertThat(problems(new SignUpRequest("홍길동", "hong@example.com", null, LocalDate.of(1980, 5, 17), District.MAPO,
                "fr", "푸른 하늘 은하수 하얀 쪽배", true))).containsExactly("language:account.language.invalid");
    }

    @Test
    void dependants_need_a_name_a_past_birth_date_and_a_relation_but_no_minimum_age() {
        List<FieldProblem> none = AccountRules.dependant(new DependantDraft("김아기", TODAY.minusMonths(3), Relation.CHILD), TODAY);
        assertThat(none).isEmpty();
        assertThat(AccountRules.dependant(new DependantDraft(" ", TODAY.plusDays(1), null), TODAY))
                .extracting(FieldProblem::messageKey)
                .containsExactlyInAnyOrder("account.name.required", "account.birthDate.invalid", "account.relation.required");
    }

    @Test
    void age_counts_full_years_as_korean_law_does_since_2023() {
        LocalDate born = LocalDate.of(1961, 11, 23);
        assertThat(Ages.on(born, LocalDate.of(2026, 11, 22))).isEqualTo(64);
        assertThat(Ages.on(born, LocalDate.of(2026, 11, 23))).isEqualTo(65);
        assertThat(Ages.on(LocalDate.of(2020, 2, 29), LocalDate.of(2021, 2, 28))).isZero();
    }

    private static SignUpRequest withName(String v) {
        SignUpRequest r = valid();
        return new SignUpRequest(v, r.email(), r.mobile(), r.birthDate(), r.district(), r.language(), r.password(), true);
    }

    private static SignUpRequest withEmail(String v) {
        SignUpRequest r = valid();
        return new SignUpRequest(r.name(), v, r.mobile(), r.birthDate(), r.district(), r.language(), r.password(), true);
    }

    private static SignUpRequest withMobile(String v) {
        SignUpRequest r = valid();
        return new SignUpRequest(r.name(), r.email(), v, r.birthDate(), r.district(), r.language(), r.password(), true);
    }

    private static SignUpRequest withBirth(LocalDate v) {
        SignUpRequest r = valid();
        return new SignUpRequest(r.name(), r.email(), r.mobile(), v, r.district(), r.language(), r.password(), true);
    }

    private static SignUpRequest withPassword(String v) {
        SignUpRequest r = valid();
        return new SignUpRequest(r.name(), r.email(), r.mobile(), r.birthDate(), r.district(), r.language(), v, true);
    }
}
