package org.baeum.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A notice another feature puts at the top of 나의 배움 (My learning), such as the household's open survey
 * invitations: the enrolment feature shows the page and knows no other feature. Implementations are Spring beans; the
 * page asks each for a new component every time it opens, as the signed-in citizen, and shows none when empty.
 * Contribute plain HTML (headings, text, links) only, as for {@link CitizenDeskSection}.
 */
public interface MyLearningBanner {

    /** A new notice for the signed-in citizen, or empty when there is nothing to say. */
    Optional<Component> create();
}
