package org.baeum.attendance.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.attendance.certificate.internal.CertificateRepository;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;

/**
 * Certificates (decision 0032): the PDF says who completed what, with the font embedded; only the holder's household
 * and STAFF download it; a code verifies (name masked), a changed one does not, a revoked one says so; numbers and
 * codes stay unique when issues run at once; the QR code reads as the verification URL; bad input stores nothing.
 */
@BaeumIntegrationTest
class CertificatesTest {

    @Autowired
    Certificates certificates;
    @Autowired
    MongoDatabase database;
    @Value("${baeum.public-url}")
    String publicUrl;

    static BaeumUser holder;
    static BaeumUser neighbour;
    static BaeumUser staff;
    static BaeumUser instructor;

    @BeforeAll
    static void data(@Autowired TestAccounts accounts) {
        holder = accounts.citizen("cert.holder@test.baeum", "김민용", LocalDate.of(1948, 3, 15));
        neighbour = accounts.citizen("cert.neighbour@test.baeum", "이웃집", LocalDate.of(1950, 1, 1));
        staff = accounts.create("cert-staff", Role.STAFF);
        instructor = accounts.create("cert-instructor", Role.INSTRUCTOR);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void the_pdf_names_the_holder_the_program_and_the_hours_and_embeds_its_font() throws IOException {
        Certificate c = CertificateFixture.issue(certificates, holder, "김민용");
        assertThat(c.number()).matches("BAEUM-\\d{4}-\\d{6}");
        assertThat(c.code()).matches("[A-Z2-7]{12}");

        byte[] bytes = as(holder, () -> certificates.pdf(c.code())).orElseThrow();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isBetween(595f, 596f); // A4
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("수료증", "Certificate of Completion", "김민용", "1948년 3월 15일",
                    "늘푸른학교 초등 문해 과정", "Evergreen School elementary literacy course", "2026년 2학기",
                    "36시간", "36 hours", "11회", "서울시 배움 평생학습관", c.number(), c.code(),
                    "위 사람은 위 교육과정을 성실히 이수하였으므로 이 증서를 수여합니다.",
                    publicUrl.replaceAll("/$", "") + "/certificates/" + c.code());
            PDResources resources = pdf.getPage(0).getResources();
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                assertThat(f).isInstanceOf(PDType0Font.class);
                assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                assertThat(((PDType0Font) f).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
                assertThat(f.getName()).contains("Pretendard");
            });
        }
        assertThat(qrCode(bytes)).isEqualTo(publicUrl.replaceAll("/$", "") + "/certificates/" + c.code());
        // STAFF may download it too
        assertThat(as(staff, () -> certificates.pdf(c.code()))).isPresent();
    }

    @Test
    void another_household_and_an_instructor_cannot_download_it_and_an_unknown_code_has_none() {
        Certificate c = CertificateFixture.issue(certificates, holder, "김민용");
        assertThatThrownBy(() -> as(neighbour, () -> certificates.pdf(c.code()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(instructor, () -> certificates.pdf(c.code()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> certificates.pdf(c.code()))
                .isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
        assertThat(as(holder, () -> certificates.pdf(changed(c.code())))).isEmpty();
    }

    @Test
    void a_code_verifies_with_the_name_masked_a_changed_code_does_not_and_a_revoked_one_says_so() {
        Certificate c = CertificateFixture.issue(certificates, holder, "김민용");
        Verification v = certificates.verify(c.code()).orElseThrow();
        assertThat(v.valid()).isTrue();
        assertThat(v.revoked()).isFalse();
        assertThat(v.holderMasked()).isEqualTo("김*용");
        assertThat(v.programKo()).isEqualTo("늘푸른학교 초등 문해 과정");
        assertThat(v.term()).isEqualTo("2026년 2학기");
        assertThat(v.hours()).isEqualTo(36.0);
        assertThat(v.issuedOn()).isEqualTo(c.issuedOn());
        assertThat(certificates.verify(c.code().toLowerCase())).isPresent();
        assertThat(certificates.verify(changed(c.code()))).isEmpty();
        assertThat(certificates.verify("not a code")).isEmpty();

        assertThatThrownBy(() -> as(holder, () -> certificates.revoke(c.code(), "잘못 발급")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(instructor, () -> certificates.revoke(c.code(), "잘못 발급")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(staff, () -> certificates.revoke(c.code(), "  ")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(certificates.verify(c.code()).orElseThrow().valid()).isTrue();

        assertThat(as(staff, () -> certificates.revoke(c.code(), "출석 기록 정정으로 수료 요건 미달"))).isTrue();
        assertThat(as(staff, () -> certificates.revoke(c.code(), "두 번째"))).isFalse();
        assertThat(as(staff, () -> certificates.revoke(changed(c.code()), "없는 코드"))).isFalse();
        Verification revoked = certificates.verify(c.code()).orElseThrow();
        assertThat(revoked.valid()).isFalse();
        assertThat(revoked.revoked()).isTrue();
        assertThat(database.getCollection(CertificateRepository.COLLECTION)
                .find(com.mongodb.client.model.Filters.eq("code", c.code())).first().getString("revokedReason"))
                .isEqualTo("출석 기록 정정으로 수료 요건 미달");
    }

    @Test
    void a_program_title_as_long_as_the_catalog_allows_fits_the_page_and_one_longer_is_refused() throws IOException {
        CertificateDraft d = CertificateFixture.draft(holder, "김민용");
        String ko = "가나다라마바사아자차".repeat(20); // 200 characters, the catalog's most
        String en = "Evergreen literacy ".repeat(10) + "x".repeat(10); // 200 characters
        Certificate c = as(staff, () -> certificates.issue(new CertificateDraft(d.household(), d.participant(),
                d.holderName(), d.birthDate(), ko, en, d.term(), d.from(), d.to(), d.hours(), d.sessions(),
                d.centre())));
        byte[] bytes = as(holder, () -> certificates.pdf(c.code())).orElseThrow();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            Map<String, Float> baselines = new java.util.HashMap<>();
            StringBuilder all = new StringBuilder();
            PDFTextStripper lines = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions)
                        throws IOException {
                    baselines.put(text, positions.getFirst().getYDirAdj());
                    all.append(text);
                    super.writeString(text, positions);
                }
            };
            lines.getText(pdf);
            String flat = all.toString().replaceAll("\\s", "");
            assertThat(flat).contains(ko, en.replaceAll("\\s", "")); // wrapped, but every character is there
            float centre = baselines.entrySet().stream().filter(e -> e.getKey().contains("평생학습관")) // the last line
                    .map(Map.Entry::getValue).max(Float::compare).orElseThrow();
            float code = baselines.entrySet().stream().filter(e -> e.getKey().contains(c.code()))
                    .map(Map.Entry::getValue).findFirst().orElseThrow();
            assertThat(centre + 30).as("the centre's name stays above the verification block").isLessThan(code);
        }
        CertificateDraft tooLong = new CertificateDraft(d.household(), d.participant(), d.holderName(), d.birthDate(),
                ko + "가", en, d.term(), d.from(), d.to(), d.hours(), d.sessions(), d.centre());
        long before = stored();
        assertThatThrownBy(() -> as(staff, () -> certificates.issue(tooLong)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ":" + p.messageKey())
                        .containsExactly("programKo:certificate.error.long"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void only_the_portal_and_staff_issue_and_a_bad_draft_stores_nothing() {
        long before = stored();
        assertThatThrownBy(() -> as(holder, () -> certificates.issue(CertificateFixture.draft(holder, "김민용"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(instructor, () -> certificates.issue(CertificateFixture.draft(holder, "김민용"))))
                .isInstanceOf(AccessDeniedException.class);
        CertificateDraft d = CertificateFixture.draft(holder, " ");
        CertificateDraft bad = new CertificateDraft(d.household(), d.participant(), d.holderName(), d.birthDate(),
                d.programKo(), d.programEn(), d.term(), d.to(), d.from(), 0, 0, d.centre());
        assertThatThrownBy(() -> as(staff, () -> certificates.issue(bad)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ":" + p.messageKey())
                        .containsExactlyInAnyOrder("holderName:certificate.error.required",
                                "period:certificate.error.period", "hours:certificate.error.hours",
                                "sessions:certificate.error.sessions"));
        assertThat(stored()).isEqualTo(before);
        assertThat(as(staff, () -> certificates.issue(CertificateFixture.draft(holder, "김민용"))).content().holderName())
                .isEqualTo("김민용");
        assertThat(stored()).isEqualTo(before + 1);
    }

    @Test
    void numbers_and_codes_stay_unique_when_issues_run_at_once() throws Exception {
        int n = 8;
        long before = stored();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Certificate>> futures = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return CertificateFixture.issue(certificates, holder, "김민용");
                }));
            }
            start.countDown();
        }
        Set<String> numbers = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (Future<Certificate> f : futures) {
            numbers.add(f.get().number());
            codes.add(f.get().code());
        }
        assertThat(numbers).hasSize(n);
        assertThat(codes).hasSize(n);
        List<Long> sequence = numbers.stream().map(s -> Long.parseLong(s.substring(s.length() - 6))).sorted().toList();
        assertThat(sequence.getLast() - sequence.getFirst()).as("consecutive numbers %s", sequence).isEqualTo(n - 1);
        assertThat(stored()).isEqualTo(before + n);
    }

    /** The text of the QR code on the rendered page, read back with zxing's decoder. */
    private static String qrCode(byte[] bytes) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 150, ImageType.RGB);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true)).getText();
        } catch (ReaderException e) {
            throw new AssertionError("No QR code found on the certificate", e);
        }
    }

    private long stored() {
        return database.getCollection(CertificateRepository.COLLECTION).countDocuments();
    }

    /** The same code with its first letter changed: well formed, but not this certificate's. */
    static String changed(String code) {
        char first = code.charAt(0);
        return (first == 'A' ? 'B' : 'A') + code.substring(1);
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
