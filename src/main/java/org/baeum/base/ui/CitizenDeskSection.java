package org.baeum.base.ui;

import com.vaadin.flow.component.Component;

/**
 * A part of the citizen record page for the desk ({@code /staff/citizens/:id}) that another feature contributes, such
 * as the household's enrolments: the account feature shows the record and knows no other feature, as
 * {@link org.baeum.base.domain.PersonalDataContributor} does for downloads. Implementations are Spring beans; the page
 * asks each for a new component every time it opens a record, after it has written its own access-log entry. The
 * page is for STAFF and ADMIN only, and every service a section calls checks the caller again.
 */
public interface CitizenDeskSection {

    /** Where the section goes among the others (lower first), below the household and the fee reductions. */
    default int order() {
        return 100;
    }

    /** A new component for the citizen with this account id (the household's holder). */
    Component create(String citizenAccountId);
}
