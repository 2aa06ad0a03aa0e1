package org.baeum.survey.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Messages;
import org.baeum.base.ui.MyLearningBanner;
import org.baeum.survey.OpenInvitation;
import org.baeum.survey.SurveyAnswers;

/**
 * 나의 배움's notice of the household's open survey invitations (decision 0051): one link per class and participant to
 * the answer page, saying whether an answer was given (it can be changed until the close). Nothing when none is open.
 */
@org.springframework.stereotype.Component
class SurveyBanner implements MyLearningBanner {

    private final SurveyAnswers surveys;
    private final Messages messages;

    SurveyBanner(SurveyAnswers surveys, Messages messages) {
        this.surveys = surveys;
        this.messages = messages;
    }

    @Override
    public Optional<Component> create() {
        Locale locale = UI.getCurrent() == null ? Locale.KOREAN : UI.getCurrent().getLocale();
        List<OpenInvitation> open = surveys.mine(locale);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        UnorderedList list = new UnorderedList();
        for (OpenInvitation i : open) {
            String text = i.offeringTitle() + (i.participantName().isBlank() ? "" : " · " + i.participantName());
            Anchor link = new Anchor("survey?token=" + i.token(), messages.get(i.answered()
                    ? "survey.banner.change" : "survey.banner.answer", locale, text));
            link.getStyle().set("text-decoration", "underline"); // a link inside a sentence is told apart by more than colour
            list.add(new ListItem(link, new Span(" " + messages.get("survey.banner.closes", locale,
                    Formats.dateTime(i.closesAt(), locale)))));
        }
        Section section = new Section(new H2(messages.get("survey.banner.title", locale)),
                new Paragraph(messages.get("survey.banner.text", locale)), list);
        section.addClassName("baeum-section");
        section.addClassName("baeum-survey-banner");
        return Optional.of(section);
    }
}
