package org.baeum.catalog.ui;

import com.vaadin.flow.component.HasValidation;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.baeum.base.ui.PhaseRowsEditor;
import org.baeum.catalog.OfferingDraft;
import org.baeum.catalog.OfferingDraft.PhaseDraft;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.catalog.RecruitmentPhase;

/**
 * The recruitment phases of an offering in the editor: one row per phase (method, opening, closing), up to
 * {@link OfferingDraft#MAX_PHASES}. The service checks them; {@link #fields()} places its problems
 * ({@code phase.<index>.opens} …).
 */
class PhasesEditor extends PhaseRowsEditor<RecruitmentMethod> {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    PhasesEditor() {
        super("planning", "phaseMethod", OfferingDraft.MAX_PHASES);
        addRow(RecruitmentMethod.FIRST_COME, null, null);
    }

    @Override
    protected Collection<RecruitmentMethod> choices(RecruitmentMethod method) {
        return method == null || method.isPlannable() ? RecruitmentMethod.plannable()
                : Arrays.asList(RecruitmentMethod.values());
    }

    @Override
    protected String label(RecruitmentMethod method) {
        return getTranslation("recruitment.method." + method.name());
    }

    @Override
    protected RecruitmentMethod kindOfAddedRow() {
        return RecruitmentMethod.FIRST_COME;
    }

    /** Shows the stored phases instead of what is there. */
    void setPhases(List<RecruitmentPhase> phases) {
        clearRows();
        for (RecruitmentPhase p : phases) {
            addRow(p.method(), LocalDateTime.ofInstant(p.opensAt(), SEOUL), LocalDateTime.ofInstant(p.closesAt(), SEOUL));
        }
    }

    /** What staff entered, in order. */
    List<PhaseDraft> value() {
        return rows().stream().map(r -> new PhaseDraft(r.opens.getValue(), r.closes.getValue(), r.kind.getValue())).toList();
    }

    /** The fields by the names the service's problems use. */
    Map<String, HasValidation> fields() {
        return fields("method", OfferingDraft::phaseField);
    }
}
