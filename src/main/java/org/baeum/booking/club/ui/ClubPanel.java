package org.baeum.booking.club.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.Clock;
import java.util.List;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.booking.Bookables;
import org.baeum.booking.club.ClubMember;
import org.baeum.booking.club.ClubSeries;
import org.baeum.booking.club.ClubSlots;
import org.baeum.booking.club.ClubStatus;
import org.baeum.booking.club.LearningClub;
import org.baeum.booking.club.LearningClubs;
import org.baeum.base.ui.RowButtons;

/**
 * One of the citizen's clubs on 내 동아리: status, leader, members (the leader can take one out), the join code (the
 * leader's, with a button for a new one), leaving (members), the recurring slots, and for the leader of an approved
 * club the request form.
 */
class ClubPanel extends Section {

    final Button newCode = new Button();
    final Button leave = new Button();
    final UnorderedList members = new UnorderedList();
    final UnorderedList series = new UnorderedList();
    SeriesForm form;

    ClubPanel(LearningClub club, String branchName, boolean leader, LearningClubs clubs, ClubSlots slots,
              Bookables bookables, Clock clock, Runnable changed) {
        addClassName("baeum-club");
        H2 title = new H2(club.name());
        Paragraph status = new Paragraph(getTranslation("club.status." + club.status().name())
                + (club.refusalReason() == null ? "" : " — " + club.refusalReason()) + " · " + branchName);
        status.addClassName("baeum-club-status");
        add(title, status);
        if (club.description() != null && !club.description().isBlank()) {
            add(new Paragraph(club.description()));
        }

        members.add(new ListItem(getTranslation("club.leaderIs", club.leaderName())));
        for (ClubMember member : club.members()) {
            ListItem item = new ListItem(new Span(member.name()));
            if (leader) {
                item.add(RowButtons.removing(getTranslation("club.removeMember"),
                        getTranslation("club.removeMemberOf", member.name(), club.name()), () -> {
                            try {
                                clubs.removeMember(club.id(), member.accountId());
                            } catch (InvalidInputException gone) {
                                MyClubsView.notice(getTranslation("validation.unknown"), NotificationVariant.LUMO_ERROR);
                            }
                            changed.run();
                        }));
            }
            members.add(item);
        }
        members.getElement().setAttribute("aria-label", getTranslation("club.membersOf", club.name()));
        add(new H3(getTranslation("club.members", club.size())), members);

        if (leader && club.status() != ClubStatus.REFUSED) {
            Paragraph code = new Paragraph(getTranslation("club.codeIs", club.joinCode()));
            code.addClassName("baeum-club-code");
            newCode.setText(getTranslation("club.newCode"));
            newCode.setAriaLabel(getTranslation("club.newCodeFor", club.name()));
            newCode.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            newCode.addClickListener(e -> {
                clubs.newJoinCode(club.id());
                changed.run();
            });
            add(code, newCode);
        }
        if (!leader) {
            leave.setText(getTranslation("club.leave"));
            leave.setAriaLabel(getTranslation("club.leaveNamed", club.name()));
            leave.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            leave.addClickListener(e -> {
                try {
                    clubs.leave(club.id());
                    MyClubsView.notice(getTranslation("club.left", club.name()), NotificationVariant.LUMO_SUCCESS);
                } catch (InvalidInputException gone) {
                    MyClubsView.notice(getTranslation("club.error.leaderStays"), NotificationVariant.LUMO_ERROR);
                }
                changed.run();
            });
            add(leave);
        }

        if (club.status() == ClubStatus.APPROVED) {
            List<ClubSeries> all = slots.ofClub(club.id());
            for (ClubSeries s : all) {
                series.add(new ListItem(SeriesTexts.describe(this, s, bookables) + " · "
                        + getTranslation("club.series.status." + s.status().name())
                        + (s.refusalReason() == null ? "" : " — " + s.refusalReason())
                        + (s.placed().isEmpty() && s.notPlaced().isEmpty() ? "" : " · " + SeriesTexts.outcome(this, s))));
            }
            series.getElement().setAttribute("aria-label", getTranslation("club.seriesOf", club.name()));
            add(new H3(getTranslation("club.series.title")));
            add(all.isEmpty() ? new Paragraph(getTranslation("club.series.none")) : series);
            if (leader) {
                form = new SeriesForm(club, slots, bookables, clock, changed);
                add(form);
            }
        }
    }
}
