package org.baeum.attendance.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.certificate.Certificates;
import org.baeum.attendance.certificate.Verification;
import org.baeum.attendance.completion.Completion;
import org.baeum.attendance.completion.CompletionRules;
import org.baeum.attendance.completion.Completions;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.attendance.AttendanceClasses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The learning history: a completed class shows in its household's transcript with its hours and certificate code,
 * never in another household's; the service and {@code GET /api/v1/me/transcript} are for CITIZEN only.
 */
@BaeumIntegrationTest
class TranscriptsTest {

    @Autowired
    Transcripts transcripts;
    @Autowired
    TranscriptPdf transcriptPdf;
    @Autowired
    Certificates certificates;
    @Autowired
    ApiTokens tokens;
    @LocalServerPort
    int port;

    static BaeumUser teacher;
    static BaeumUser staff;
    static List<BaeumUser> citizens;
    static BaeumUser nobody;
    static Offering offering;
    static List<Completion> confirmed;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    /** One class of three households, confirmed: the first two complete, the third does not. */
    @BeforeAll
    static void completedClass(@Autowired TestAccounts accounts, @Autowired CatalogService catalog,
                               @Autowired MutableClock clock, @Autowired AttendanceClasses fixture,
                               @Autowired CompletionRules rules, @Autowired Attendance attendance,
                               @Autowired Completions completions) {
        fixture.withDemoCatalog();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        teacher = accounts.create("trn-teacher-" + suffix, Role.INSTRUCTOR);
        staff = accounts.create("trn-staff-" + suffix, Role.STAFF);
        citizens = accounts.citizens("trn-" + suffix + "-", "이력생", 3, LocalDate.of(1952, 5, 5));
        nobody = accounts.citizen("trn-" + suffix + "-none@test.baeum", "무이력", LocalDate.of(1960, 1, 1));
        CompletedClass c = CompletedClass.of(teacher, staff, citizens, fixture, catalog, clock, rules, attendance,
                completions);
        offering = c.offering();
        confirmed = c.confirmed();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_completed_class_shows_with_its_hours_and_certificate_code_in_its_own_household_only() {
        Completion first = confirmed.get(0);
        assertThat(first.completed()).isTrue();
        TestAccounts.signIn(citizens.get(0));
        List<ParticipantTranscript> mine = transcripts.mine();
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().items()).singleElement().satisfies(i -> {
            assertThat(i.programKo()).isEqualTo(offering.program().titleKo());
            assertThat(i.hours()).isEqualTo(first.hours()).isPositive();
            assertThat(i.sessions()).isEqualTo(first.sessions());
            assertThat(i.certificateCode()).isEqualTo(first.certificateCode()).isNotNull();
            assertThat(i.termKo()).isNotBlank();
            assertThat(i.completedOn()).isNotNull();
        });
        assertThat(mine.getFirst().totalHours()).isEqualTo(first.hours());

        // the neighbour who completed the same class sees only their own code
        TestAccounts.signIn(citizens.get(1));
        assertThat(transcripts.mine()).flatExtracting(ParticipantTranscript::items)
                .extracting(TranscriptItem::certificateCode).containsExactly(confirmed.get(1).certificateCode());
        // who did not complete, and who took no class, have an empty history
        TestAccounts.signIn(citizens.get(2));
        assertThat(transcripts.mine()).isEmpty();
        TestAccounts.signIn(nobody);
        assertThat(transcripts.mine()).isEmpty();
    }

    @Test
    void staff_and_instructors_have_no_transcript_of_their_own() {
        TestAccounts.signIn(staff);
        assertThatThrownBy(() -> transcripts.mine()).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(teacher);
        assertThatThrownBy(() -> transcripts.mine()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_pdf_names_the_holder_with_program_hours_and_certificate_number_in_the_embedded_font() throws Exception {
        Completion first = confirmed.get(0);
        TestAccounts.signIn(citizens.get(0));
        byte[] bytes = transcriptPdf.mine();
        String number = certificates.verify(first.certificateCode()).map(Verification::number).orElseThrow();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isBetween(595f, 596f); // A4
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("학습 이력 / Learning history", first.name(), offering.program().titleKo(),
                    TranscriptPdf.hours(first.hours()) + "시간", "총 학습 시간 " + TranscriptPdf.hours(first.hours()),
                    number);
            // the neighbour who completed the same class is not in this household's history
            assertThat(text).doesNotContain(confirmed.get(1).name());
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                assertThat(f).isInstanceOf(PDType0Font.class);
                assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                assertThat(((PDType0Font) f).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
                assertThat(f.getName()).contains("Pretendard");
            });
        }
    }

    @Test
    void staff_and_instructors_get_no_transcript_pdf() {
        TestAccounts.signIn(staff);
        assertThatThrownBy(() -> transcriptPdf.mine()).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(teacher);
        assertThatThrownBy(() -> transcriptPdf.mine()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_api_answers_the_items_of_the_callers_household_and_refuses_others() throws Exception {
        HttpResponse<String> ok = get(citizens.get(0), "ko");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode items = json.readTree(ok.body()).get("items");
        assertThat(items.size()).isEqualTo(1);
        JsonNode item = items.get(0);
        assertThat(item.get("program").asString()).isEqualTo(offering.program().titleKo());
        assertThat(item.get("term").asString()).isNotBlank();
        assertThat(item.get("hours").asDouble()).isEqualTo(confirmed.get(0).hours());
        assertThat(item.get("completedOn").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(item.get("certificateCode").asString()).isEqualTo(confirmed.get(0).certificateCode());
        assertThat(ok.body()).doesNotContain(confirmed.get(1).certificateCode());

        assertThat(json.readTree(get(nobody, "ko").body()).get("items").size()).isZero();
        assertThat(get(null, "ko").statusCode()).isEqualTo(401);
        assertThat(get(staff, "ko").statusCode()).isEqualTo(403);
        assertThat(get(teacher, "ko").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(BaeumUser who, String language) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me/transcript"))
                .header("Accept-Language", language).GET();
        if (who != null) {
            b.header("Authorization", "Bearer " + tokens.issue(who).token());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
