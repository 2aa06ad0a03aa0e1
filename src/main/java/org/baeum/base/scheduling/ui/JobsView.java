package org.baeum.base.scheduling.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.BaeumI18NProvider;
import org.baeum.base.scheduling.JobRuns;
import org.baeum.base.scheduling.Jobs;
import org.baeum.base.security.Role;

/**
 * ADMIN's jobs: every Quartz job of this instance with its next firing and what its runs did (on any instance),
 * and "run now". The view refreshes on request: runs happen in the background.
 */
@Route("admin/jobs")
@RolesAllowed(Role.ADMIN_NAME)
@Menu(order = 97, title = "nav.jobs", icon = "vaadin:clock")
class JobsView extends VerticalLayout implements HasDynamicTitle {

    private final transient Jobs jobs;
    private final transient BaeumI18NProvider messages;
    final Grid<Jobs.Job> grid = new Grid<>();
    final Button refresh = new Button();

    JobsView(Jobs jobs, BaeumI18NProvider messages) {
        this.jobs = jobs;
        this.messages = messages;
        addClassName("baeum-jobs");
        setSizeFull();

        refresh.setText(getTranslation("jobs.refresh"));
        refresh.setIcon(VaadinIcon.REFRESH.create());
        refresh.getIcon().getElement().setAttribute("aria-hidden", "true");
        refresh.addClickListener(e -> reload());

        grid.setAriaLabel(getTranslation("jobs.title"));
        grid.addColumn(Jobs.Job::name).setHeader(getTranslation("jobs.column.name")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::description).setHeader(getTranslation("jobs.column.description")).setAutoWidth(true);
        grid.addColumn(j -> j.nextFireTime() == null ? getTranslation("jobs.notScheduled") : Formats.timestamp(j.nextFireTime()))
                .setHeader(getTranslation("jobs.column.next")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(j -> run(j, r -> r.lastStartedAt() == null ? "" : Formats.timestamp(r.lastStartedAt()),
                        getTranslation("jobs.neverRun")))
                .setHeader(getTranslation("jobs.column.lastRun")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(j -> run(j, r -> getTranslation("jobs.seconds", r.lastMillis() / 1000.0), ""))
                .setHeader(getTranslation("jobs.column.duration")).setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        number("jobs.column.done", JobRuns.JobRun::lastDone);
        number("jobs.column.failed", JobRuns.JobRun::lastFailed);
        grid.addColumn(j -> run(j, r -> r.lastError() == null ? "" : r.lastError(), ""))
                .setHeader(getTranslation("jobs.column.error")).setAutoWidth(true);
        number("jobs.column.runs", JobRuns.JobRun::runs);
        number("jobs.column.totalDone", JobRuns.JobRun::totalDone);
        number("jobs.column.totalFailed", JobRuns.JobRun::totalFailed);
        grid.addColumn(j -> run(j, JobRuns.JobRun::lastInstance, ""))
                .setHeader(getTranslation("jobs.column.instance")).setAutoWidth(true);
        grid.addComponentColumn(this::runNowButton).setHeader(getTranslation("jobs.column.action"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("jobs.none"));
        grid.setSizeFull();

        add(new H1(getTranslation("jobs.title")), new Paragraph(getTranslation("jobs.lead")), refresh, grid);
        setFlexGrow(1, grid);
        reload();
    }

    private void number(String headerKey, ToLongFunction<JobRuns.JobRun> value) {
        grid.addColumn(j -> run(j, r -> NumberFormat.getIntegerInstance(getLocale()).format(value.applyAsLong(r)), ""))
                .setHeader(getTranslation(headerKey)).setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
    }

    private static String run(Jobs.Job job, Function<JobRuns.JobRun, String> text, String never) {
        return job.lastRun() == null ? never : text.apply(job.lastRun());
    }

    /** The job's translated description ({@code jobs.job.<name>}), else the one it was defined with. */
    private String description(Jobs.Job job) {
        String key = "jobs.job." + job.name();
        if (messages.has(key, getLocale())) {
            return getTranslation(key);
        }
        return job.description() == null ? "" : job.description();
    }

    private Button runNowButton(Jobs.Job job) {
        Button button = new Button(getTranslation("jobs.runNow"), VaadinIcon.PLAY.create());
        button.getIcon().getElement().setAttribute("aria-hidden", "true");
        button.setAriaLabel(getTranslation("jobs.runNow.label", job.name()));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.addClassName("baeum-run-now");
        button.addClickListener(e -> runNow(job.name()));
        return button;
    }

    void runNow(String name) {
        if (jobs.runNow(name)) {
            Notification.show(getTranslation("jobs.started", name), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } else {
            Notification.show(getTranslation("jobs.unknown", name), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
            reload();
        }
    }

    void reload() {
        grid.setItems(jobs.jobs());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("jobs.title") + " | " + getTranslation("app.name");
    }
}
