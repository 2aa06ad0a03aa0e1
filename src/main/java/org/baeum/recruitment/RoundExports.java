package org.baeum.recruitment;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Messages;
import org.baeum.base.security.CurrentUser;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.recruitment.ApplicationRefusedException.Reason;
import org.baeum.recruitment.draw.DrawRecord;
import org.baeum.recruitment.internal.ApplicationDocument;
import org.baeum.recruitment.internal.ApplicationRepository;
import org.baeum.recruitment.internal.RoundDocument;
import org.baeum.recruitment.internal.RoundRepository;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A round as an XLSX workbook for STAFF (issue 15, part 5). Sheet 1: every application (number, submitted at in
 * Asia/Seoul, the household's masked name, participants and seats, the choices as offering titles, status, flagged as
 * the same person from two households). Sheet 2, once drawn: each application's place in the draw order and result
 * (the offering won, or lost, and the share) from the stored draw record. No name beyond the masked household name,
 * no participant or household ids, and never the seed. Who exported which round is logged before anything is written.
 */
@Service
public class RoundExports {

    private static final Logger log = LoggerFactory.getLogger(RoundExports.class);

    private final RoundRepository rounds;
    private final ApplicationRepository applications;
    private final RoundDrawsService draws;
    private final CatalogService catalog;
    private final Messages messages;
    private final CurrentUser currentUser;
    private final Clock clock;

    RoundExports(RoundRepository rounds, ApplicationRepository applications, RoundDrawsService draws,
                 CatalogService catalog, Messages messages, CurrentUser currentUser, Clock clock) {
        this.rounds = rounds;
        this.applications = applications;
        this.draws = draws;
        this.catalog = catalog;
        this.messages = messages;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The file name offered for the download. */
    public static String fileName(RoundId id) {
        return "round-" + id.value() + ".xlsx";
    }

    /**
     * Writes the round's workbook to {@code out} (flushed, not closed), with texts in {@code language}.
     *
     * @return the number of applications written
     * @throws ApplicationRefusedException {@code NO_SUCH_ROUND}
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public int export(RoundId id, Locale language, OutputStream out) throws IOException {
        RoundDocument round = rounds.find(id.value()).orElseThrow(() -> new ApplicationRefusedException(Reason.NO_SUCH_ROUND));
        List<ApplicationDocument> all = applications.findInRound(round.id());
        DrawRecord drawn = round.drawnAt() == null ? null : draws.record(id);
        log.info("Account {} exported round {}: {} applications{}", currentUser.require().accountId(), round.id(),
                all.size(), drawn == null ? ", not drawn yet" : " and the draw's results");
        Map<String, String> titles = new HashMap<>();
        round.offeringIds().forEach(o -> titles.put(o, title(o, language)));
        Workbook workbook = new Workbook(out, "Baeum", "1.0");
        Worksheet sheet = workbook.newWorksheet(t("roundExport.sheet.applications", language));
        header(sheet, language, new double[] {24, 20, 14, 12, 10, 60, 12, 14}, "roundExport.column.number",
                "roundExport.column.submittedAt", "roundExport.column.household", "roundExport.column.participants",
                "roundExport.column.seats", "roundExport.column.choices", "roundExport.column.status",
                "roundExport.column.flagged");
        int row = 1;
        for (ApplicationDocument a : all) {
            sheet.inlineString(row, 0, a.number());
            if (a.createdAt() != null) {
                sheet.value(row, 1, LocalDateTime.ofInstant(a.createdAt(), Formats.SEOUL));
                sheet.style(row, 1).format("yyyy-mm-dd hh:mm:ss").set();
            }
            sheet.inlineString(row, 2, a.householdMasked() == null ? "" : a.householdMasked());
            sheet.value(row, 3, a.participantIds() == null ? 0 : a.participantIds().size());
            sheet.value(row, 4, a.seats() == null ? 0 : a.seats());
            sheet.inlineString(row, 5, a.choices().stream().map(c -> titles.getOrDefault(c, c))
                    .collect(Collectors.joining(" › ")));
            sheet.inlineString(row, 6, t("application.status." + a.status().name(), language));
            sheet.inlineString(row, 7, t(Boolean.TRUE.equals(a.duplicatePerson()) ? "roundExport.flagged.yes"
                    : "roundExport.flagged.no", language));
            row++;
        }
        sheet.finish();
        results(workbook.newWorksheet(t("roundExport.sheet.results", language)), drawn, titles, language);
        workbook.finish();
        out.flush();
        return all.size();
    }

    /** Sheet 2: the draw order and each result, or one line saying the round has not been drawn. */
    private void results(Worksheet sheet, DrawRecord drawn, Map<String, String> titles, Locale language) {
        header(sheet, language, new double[] {24, 14, 50, 14}, "roundExport.column.number",
                "roundExport.column.position", "roundExport.column.result", "roundExport.column.share");
        if (drawn == null) {
            sheet.inlineString(1, 0, t("roundExport.notDrawn", language));
            return;
        }
        Map<String, DrawRecord.Result> byNumber = drawn.results().stream()
                .collect(Collectors.toMap(DrawRecord.Result::number, r -> r));
        int row = 1;
        for (String number : drawn.order()) {
            DrawRecord.Result r = byNumber.get(number);
            sheet.inlineString(row, 0, number);
            sheet.value(row, 1, row);
            if (r != null && r.won()) {
                sheet.inlineString(row, 2, titles.getOrDefault(r.offering(), r.offering()));
                sheet.inlineString(row, 3, r.share().name());
            } else {
                sheet.inlineString(row, 2, t("roundExport.lost", language));
            }
            row++;
        }
    }

    private void header(Worksheet sheet, Locale language, double[] widths, String... keys) {
        for (int c = 0; c < keys.length; c++) {
            sheet.inlineString(0, c, t(keys[c], language));
            sheet.style(0, c).bold().set();
            sheet.width(c, widths[c]);
        }
        sheet.freezePane(0, 1);
    }

    /** The offering's title and weekly schedule (three pool slots of one program share the title). */
    private String title(String offering, Locale language) {
        return catalog.offering(new OfferingId(offering))
                .map(o -> o.title(language) + " · " + o.schedule().describe(language)).orElse(offering);
    }

    private String t(String key, Locale language) {
        return messages.get(key, language);
    }
}
