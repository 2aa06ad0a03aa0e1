package org.baeum.catalog;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * What another feature shows on an offering's public page, such as enrolment's one action (신청하기, 대기 신청 …).
 * The catalog knows no feature that builds on it: its page asks every Spring bean of this type, in order, and shows
 * what each gives; with none, the page shows the offering alone.
 */
public interface OfferingAction {

    /** A component for this offering and the current visitor, or empty when nothing applies to them. */
    Optional<Component> create(Offering offering);
}
