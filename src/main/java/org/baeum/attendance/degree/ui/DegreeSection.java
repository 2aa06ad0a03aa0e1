package org.baeum.attendance.degree.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import org.baeum.attendance.degree.DegreeRuleSet;
import org.baeum.attendance.degree.DegreeRules;
import org.baeum.attendance.degree.Degrees;

/**
 * The honorary citizen degree on the learning history: for each participant of the signed-in household the hours
 * counted, the next level and what it still needs, and the degrees awarded with their rule version. Added to the
 * transcript view with one line; reads {@link Degrees#mine()} (own household only).
 */
public class DegreeSection extends Composite<Section> {

    public DegreeSection(Degrees degrees, DegreeRules rules) {
        Section s = getContent();
        s.addClassName("baeum-section");
        s.addClassName("baeum-degree-progress");
        s.setWidthFull();
        DegreeRuleSet rule = rules.current();
        H2 title = new H2(getTranslation("degreeProgress.title"));
        s.add(title, new Paragraph(getTranslation("degreeProgress.intro", rule.version())));
        degrees.mine().forEach(p -> s.add(DegreeCard.of(p, rule)));
    }
}
