package org.baeum.recruitment.ui;

import com.vaadin.flow.component.HasValidation;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.baeum.base.i18n.Formats;
import org.baeum.base.ui.PhaseRowsEditor;
import org.baeum.recruitment.RoundPhase;
import org.baeum.recruitment.RoundPhaseKind;

/**
 * The phases of a new round: one row per phase (kind, opens, closes), at most one per kind, starting with one
 * lottery row. The service checks them; {@link #fields()} places its problems ({@code phase.<i>.kind|opens|closes})
 * on the row.
 */
class RoundPhasesEditor extends PhaseRowsEditor<RoundPhaseKind> {

    RoundPhasesEditor() {
        super("staffRounds", "phaseKind", RoundPhaseKind.values().length);
        addRow(RoundPhaseKind.LOTTERY, null, null);
    }

    @Override
    protected Collection<RoundPhaseKind> choices(RoundPhaseKind kind) {
        return Arrays.asList(RoundPhaseKind.values());
    }

    @Override
    protected String label(RoundPhaseKind kind) {
        return getTranslation("round.phaseKind." + kind.name());
    }

    @Override
    protected RoundPhaseKind kindOfAddedRow() {
        return null;
    }

    /** What STAFF entered, in order; an empty picker is a null instant (the service says it is required). */
    List<RoundPhase> value() {
        return rows().stream().map(r -> new RoundPhase(r.kind.getValue(), instant(r.opens.getValue()),
                instant(r.closes.getValue()))).toList();
    }

    static java.time.Instant instant(LocalDateTime seoul) {
        return seoul == null ? null : seoul.atZone(Formats.SEOUL).toInstant();
    }

    /** The fields by the names the service's problems use; "exactly one lottery" shows at the first row's kind. */
    Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = fields("kind", (i, part) -> "phase." + i + "." + part);
        fields.put("phases", rows().getFirst().kind);
        return fields;
    }

    /** Back to one empty lottery row, after a round was created. */
    void reset() {
        clearRows();
        addRow(RoundPhaseKind.LOTTERY, null, null);
    }
}
