package org.baeum.attendance.completion;

import java.time.LocalDate;
import java.util.List;
import org.baeum.account.Participant;
import org.baeum.attendance.certificate.CertificateDraft;
import org.baeum.catalog.Branch;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.Program;
import org.baeum.catalog.Term;

/**
 * The certificate a confirmation issues, from the offering and the holder: built and checked for every completer
 * before {@link Completions#confirm} stores anything, so a draft the certificate refuses changes nothing. A title
 * longer than a certificate holds (the English one has no limit in the catalog) is shortened with an ellipsis.
 */
final class CertificateDrafts {

    private final CatalogService catalog;

    CertificateDrafts(CatalogService catalog) {
        this.catalog = catalog;
    }

    CertificateDraft of(Offering o, List<LocalDate> sessions, Participant holder, int attended, double hours) {
        Program p = o.program();
        String term = catalog.terms().stream().filter(t -> t.id().equals(o.termId())).map(Term::nameKo).findFirst()
                .orElse(o.termId().value());
        String centre = catalog.branches().stream().filter(b -> b.id().equals(p.branchId())).map(Branch::nameKo)
                .findFirst().orElse("배움 평생학습관");
        String en = p.titleEn() == null || p.titleEn().isBlank() ? p.titleKo() : p.titleEn();
        return new CertificateDraft(holder.household(), holder.id(), holder.name(), holder.birthDate(),
                shortened(p.titleKo()), shortened(en), term, sessions.getFirst(), sessions.getLast(), hours, attended,
                centre);
    }

    /** The title as it is, or cut to {@link CertificateDraft#MAX_PROGRAM} characters ending in "…". */
    static String shortened(String title) {
        String t = title == null ? null : title.strip();
        if (t == null || t.length() <= CertificateDraft.MAX_PROGRAM) {
            return t;
        }
        int end = CertificateDraft.MAX_PROGRAM - 1;
        if (Character.isHighSurrogate(t.charAt(end - 1))) {
            end--;
        }
        return t.substring(0, end).strip() + "…";
    }
}
