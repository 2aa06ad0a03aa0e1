package org.baeum.account.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.Map;
import org.baeum.account.EligibilityClaim;
import org.baeum.account.EligibilityService;
import org.baeum.account.FeeReductionCategories;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.domain.Masking;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.base.ui.FieldErrors;

/**
 * Staff's queue of fee-reduction declarations, oldest first, with masked names. Opening one shows the participant's
 * full record (written to the access log) and lets staff approve with a validity end date or reject with a reason.
 */
@Route("staff/eligibility")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 61, title = "nav.eligibility", icon = "vaadin:clipboard-check")
class EligibilityQueueView extends VerticalLayout implements HasDynamicTitle {

    private final EligibilityService eligibility;

    private final FeeReductionCategories categories;
    final Grid<EligibilityClaim> grid = new Grid<>();
    Dialog dialog;

    EligibilityQueueView(EligibilityService eligibility, FeeReductionCategories categories) {
        this.eligibility = eligibility;
        this.categories = categories;
        addClassName("baeum-eligibility-queue");
        setSizeFull();
        add(new H1(getTranslation("queue.title")), new Paragraph(getTranslation("queue.intro")));
        grid.setAriaLabel(getTranslation("queue.title"));
        grid.addColumn(c -> Formats.shortDateTime(c.declaredAt(), getLocale())).setHeader(getTranslation("queue.declaredAt")).setAutoWidth(true);
        grid.addColumn(c -> Masking.name(c.participantName())).setHeader(getTranslation("eligibility.participant")).setAutoWidth(true);
        grid.addColumn(c -> categoryName(c.category())).setHeader(getTranslation("eligibility.category")).setAutoWidth(true);
        grid.setItems(q -> eligibility.queue(q.getOffset(), q.getLimit()).stream(), q -> (int) eligibility.queueSize());
        grid.setEmptyStateText(getTranslation("queue.empty"));
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(c -> {
            open(c.id());
            grid.deselectAll();
        }));
        grid.setSizeFull();
        add(grid);
    }

    void open(String claimId) {
        EligibilityService.ClaimReview review = eligibility.claimForReview(claimId);
        EligibilityClaim c = review.claim();
        dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("queue.review"));
        DescriptionList facts = new DescriptionList();
        LocalDate today = LocalDate.now(Formats.SEOUL);
        term(facts, "eligibility.participant", review.participant().name());
        term(facts, "signup.birthDate", review.participant().birthDate() == null ? "—"
                : Formats.date(review.participant().birthDate(), getLocale()) + " ("
                + getTranslation("household.age", review.participant().ageOn(today)) + ")");
        term(facts, "household.relation", getTranslation(review.participant().self() ? "household.self"
                : review.participant().relation().messageKey()));
        term(facts, "eligibility.category", categoryName(c.category()));
        term(facts, "eligibility.note", c.note() == null ? "—" : c.note());
        term(facts, "queue.declaredAt", Formats.dateTime(c.declaredAt(), getLocale()));

        DatePicker validUntil = new DatePicker(getTranslation("queue.validUntil"));
        validUntil.setMin(today);
        validUntil.setMax(today.plusYears(EligibilityService.MAX_VALIDITY_YEARS));
        validUntil.setValue(LocalDate.of(today.getYear(), 12, 31));
        validUntil.setHelperText(getTranslation("queue.validUntil.helper"));
        TextArea reason = new TextArea(getTranslation("queue.reason"));
        reason.setHelperText(getTranslation("queue.reason.helper"));
        reason.setMaxLength(500);
        reason.setWidthFull();
        Map<String, HasValidation> fields = Map.of("validUntil", validUntil, "reason", reason);

        Button approve = new Button(getTranslation("queue.approve"), e -> decide(fields,
                () -> eligibility.approve(c.id(), validUntil.getValue(), null), "queue.approved"));
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button(getTranslation("queue.reject"), e -> decide(fields,
                () -> eligibility.reject(c.id(), reason.getValue()), "queue.rejected"));
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button close = new Button(getTranslation("common.close"), e -> dialog.close());
        dialog.add(new Paragraph(getTranslation("citizens.logged")), facts, validUntil, reason);
        dialog.getFooter().add(close, reject, approve);
        dialog.setWidth("min(95vw, 40rem)");
        add(dialog);
        dialog.open();
    }

    private void decide(Map<String, HasValidation> fields, Runnable action, String doneKey) {
        FieldErrors.clear(fields);
        try {
            action.run();
            dialog.close();
            grid.getDataProvider().refreshAll();
            Notification.show(getTranslation(doneKey), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException ex) {
            FieldErrors.show(fields, ex.problems(), (k, a) -> getTranslation(k, a));
        }
    }

    private String categoryName(String code) {
        return categories.category(code).map(x -> x.name(getLocale())).orElse(code);
    }

    private void term(DescriptionList list, String key, String value) {
        list.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("queue.title") + " | " + getTranslation("app.name");
    }
}
