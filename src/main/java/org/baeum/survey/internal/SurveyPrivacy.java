package org.baeum.survey.internal;

import org.baeum.account.AccountEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On account deletion the household's survey invitations stop naming its people (decision 0051); its answers never
 * named anyone and stay in the results.
 */
@Component
class SurveyPrivacy {

    private static final Logger log = LoggerFactory.getLogger(SurveyPrivacy.class);

    private final InvitationRepository invitations;

    SurveyPrivacy(InvitationRepository invitations) {
        this.invitations = invitations;
    }

    @EventListener
    void accountDeleted(AccountEvents.AccountDeleted deleted) {
        long changed = invitations.anonymiseHousehold(deleted.account().value());
        log.info("Account {} deleted: {} survey invitation(s) anonymised", deleted.account().value(), changed);
    }
}
