package org.baeum.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.DependantDraft;
import org.baeum.account.HouseholdService;
import org.baeum.account.Relation;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.domain.Masking;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.recruitment.draw.DrawRecord;
import org.baeum.recruitment.internal.RoundDraws;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The XLSX export of a round, read back: every application with its masked household name, participants, seats,
 * choices as titles, status and flag; after the draw, the draw order and results from the stored record. No full name,
 * no participant id, never the seed before the draw; a CITIZEN gets nothing.
 */
@BaeumIntegrationTest
@ExtendWith(PausedDrawJob.class)
class RoundExportsTest {

    @Autowired
    RoundExports exports;
    @Autowired
    RoundService rounds;
    @Autowired
    RoundDrawsService drawRecords;
    @Autowired
    RoundDraws draws;
    @Autowired
    Applications applications;
    @Autowired
    HouseholdService households;
    @Autowired
    TestAccounts accounts;
    @Autowired
    CatalogService catalog;
    @Autowired
    MutableClock clock;
    @Autowired
    List<DemoDataContributor> contributors;

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    @Test
    void applications_and_after_the_draw_the_results_are_exported_without_names_ids_or_seed() {
        DemoCatalogFixture.load(contributors);
        EnrollmentFixture offerings = new EnrollmentFixture(catalog, clock);
        OfferingId a = offerings.offering(1, 0);
        OfferingId b = offerings.offering(5, 0);
        BaeumUser staff = accounts.userOrCreate("export-staff", Role.STAFF);
        Round round = new RoundFixture(rounds, clock, staff).open("EXPORT", List.of(a, b));
        BaeumUser x = accounts.citizen("export.x@test.baeum", "가중복", LocalDate.of(1990, 1, 1));
        BaeumUser y = accounts.citizen("export.y@test.baeum", "나다른", LocalDate.of(1960, 5, 5));
        BaeumUser z = accounts.citizen("export.z@test.baeum", "다철회", LocalDate.of(1970, 7, 7));
        String first = as(x, () -> applications.apply(round.id(), null, List.of(a), false)).number();
        List<String> yIds = as(y, () -> {
            households.addDependant(new DependantDraft("가중복", LocalDate.of(1990, 1, 1), Relation.OTHER));
            return households.myParticipants().stream().map(p -> p.id().value()).toList();
        });
        String second = as(y, () -> applications.apply(round.id(), null, List.of(a, b), true)).number();
        String third = as(z, () -> {
            String n = applications.apply(round.id(), null, List.of(b), false).number();
            applications.withdraw(n);
            return n;
        });

        Map<String, List<List<String>>> before = read(as(staff, () -> export(round, Locale.KOREAN)));
        assertThat(before.keySet()).containsExactly("신청", "추첨 결과");
        List<List<String>> rows = before.get("신청");
        assertThat(rows.getFirst()).containsExactly("신청 번호", "신청 시각(서울)", "세대(이름 가림)", "참여 인원", "좌석 수",
                "희망 강좌(순위대로)", "상태", "중복 신청 의심");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).startsWith(first).containsSubsequence(Masking.name("가중복"), "1", "1", title(a), "신청 완료", "예");
        assertThat(rows.get(2)).startsWith(second)
                .containsSubsequence(Masking.name("나다른"), "2", "2", title(a) + " › " + title(b), "신청 완료", "예");
        assertThat(rows.get(3)).startsWith(third).containsSubsequence(Masking.name("다철회"), "1", "1", title(b), "신청 취소", "아니요");
        assertThat(before.get("추첨 결과")).containsExactly(List.of("신청 번호", "추첨 순서", "결과", "배정 구분"),
                List.of("아직 추첨하지 않았습니다."));
        List<String> cells = before.values().stream().flatMap(List::stream).flatMap(List::stream).toList();
        assertThat(String.join("|", cells)).doesNotContain("가중복", "나다른", "다철회").doesNotContainPattern("[0-9a-f]{64}");
        assertThat(cells).doesNotContainAnyElementsOf(yIds);

        clock.advance(Duration.ofDays(1).plus(Duration.ofHours(1)));
        SystemIdentity.call(draws::runDue);
        DrawRecord record = drawRecords.record(round.id());
        Map<String, List<List<String>>> after = read(as(staff, () -> export(round, Locale.ENGLISH)));
        List<List<String>> results = after.get("Draw results");
        assertThat(results.getFirst()).containsExactly("Application number", "Draw position", "Result", "Share");
        assertThat(results.subList(1, results.size())).extracting(r -> r.getFirst()).containsExactlyElementsOf(record.order());
        for (int i = 1; i < results.size(); i++) {
            List<String> row = results.get(i);
            DrawRecord.Result r = record.results().stream().filter(res -> res.number().equals(row.getFirst()))
                    .findFirst().orElseThrow();
            assertThat(row.get(1)).isEqualTo(String.valueOf(i));
            if (r.won()) {
                assertThat(row.subList(2, 4)).containsExactly(title(new OfferingId(r.offering()), Locale.ENGLISH),
                        r.share().name());
            } else {
                assertThat(row.subList(2, row.size())).containsExactly("Lost");
            }
        }
        assertThat(results).hasSize(3); // the two submitted applications; the withdrawn one is not drawn
        assertThat(after.get("Applications")).hasSize(4);
        assertThat(after.values().stream().flatMap(List::stream).flatMap(List::stream))
                .doesNotContain(record.seed()).doesNotContainAnyElementsOf(yIds);
    }

    @Test
    void a_citizen_is_refused_and_gets_nothing() {
        DemoCatalogFixture.load(contributors);
        OfferingId offering = new EnrollmentFixture(catalog, clock).offering(2, 0);
        Round round = new RoundFixture(rounds, clock, accounts.userOrCreate("export-staff", Role.STAFF))
                .open("EXPORTNO", List.of(offering));
        BaeumUser citizen = accounts.citizen("export.refused@test.baeum", "거절됨", LocalDate.of(1981, 3, 3));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TestAccounts.signIn(citizen);
        assertThatThrownBy(() -> exports.export(round.id(), Locale.KOREAN, out)).isInstanceOf(AccessDeniedException.class);
        assertThat(out.size()).isZero();
    }

    private String title(OfferingId id) {
        return title(id, Locale.KOREAN);
    }

    private String title(OfferingId id, Locale locale) {
        var o = catalog.offering(id).orElseThrow();
        return o.title(locale) + " · " + o.schedule().describe(locale);
    }

    private byte[] export(Round round, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertThat(exports.export(round.id(), locale, out)).isEqualTo(3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Sheet name → rows → cell texts (an empty cell as ""; trailing empty cells dropped). */
    private static Map<String, List<List<String>>> read(byte[] xlsx) {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb.getSheets().toList()) {
                List<List<String>> rows = new ArrayList<>();
                sheet.read().forEach(row -> {
                    List<String> cells = new ArrayList<>();
                    row.forEach(cell -> cells.add(cell == null ? "" : cell.getText()));
                    while (!cells.isEmpty() && cells.getLast().isEmpty()) {
                        cells.removeLast();
                    }
                    rows.add(cells);
                });
                sheets.put(sheet.getName(), rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sheets;
    }

    private static <T> T as(BaeumUser user, Supplier<T> work) {
        TestAccounts.signIn(user);
        try {
            return work.get();
        } finally {
            TestAccounts.signOut();
        }
    }
}
