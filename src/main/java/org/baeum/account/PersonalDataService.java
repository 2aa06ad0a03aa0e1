package org.baeum.account;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baeum.account.internal.AccountDocument;
import org.baeum.account.internal.AccountRepository;
import org.baeum.account.internal.DependantRepository;
import org.baeum.account.internal.EligibilityClaimRepository;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.domain.PersonalDataContributor;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.SystemIdentity;
import org.baeum.base.security.LoginThrottle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A citizen's rights over their data (PIPA): download all of it (JSON or XLSX) and delete the account. Deletion
 * erases the profile, the dependants, the eligibility claims, tokens and sign-in counters; other features are told
 * ({@link AccountEvents.AccountDeleted}) and keep only anonymised facts for statistics.
 */
@Service
public class PersonalDataService {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataService.class);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final AccountRepository accounts;
    private final DependantRepository dependants;
    private final EligibilityClaimRepository claims;
    private final ApiTokens tokens;
    private final AccessLog accessLog;
    private final LoginThrottle throttle;
    private final CurrentUser currentUser;
    private final AccountService accountService;
    private final org.baeum.notification.NotificationService notifications;
    private final ApplicationEventPublisher events;
    private final List<PersonalDataContributor> contributors;
    private final Clock clock;

    PersonalDataService(AccountRepository accounts, DependantRepository dependants, EligibilityClaimRepository claims,
                        ApiTokens tokens, AccessLog accessLog, LoginThrottle throttle, CurrentUser currentUser,
                        AccountService accountService, ApplicationEventPublisher events,
                        List<PersonalDataContributor> contributors, Clock clock,
                        org.baeum.notification.NotificationService notifications) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.dependants = dependants;
        this.claims = claims;
        this.tokens = tokens;
        this.accessLog = accessLog;
        this.throttle = throttle;
        this.currentUser = currentUser;
        this.accountService = accountService;
        this.events = events;
        this.contributors = contributors;
        this.clock = clock;
    }

    /** Everything stored about the caller's household, by section. Never another household's data. */
    @PreAuthorize("hasRole('CITIZEN')")
    public Map<String, List<Map<String, Object>>> myData() {
        String id = currentUser.require().accountId();
        AccountDocument a = accounts.findById(id).orElseThrow();
        Map<String, List<Map<String, Object>>> data = new LinkedHashMap<>();
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("exportedAt", clock.instant().toString());
        account.put("id", a.id());
        account.put("name", a.displayName());
        account.put("email", a.email());
        account.put("emailVerifiedAt", a.emailVerifiedAt() == null ? null : a.emailVerifiedAt().toString());
        account.put("mobile", a.mobile());
        account.put("birthDate", a.birthDate() == null ? null : a.birthDate().toString());
        account.put("district", a.district());
        account.put("language", a.language());
        account.put("reminders", a.reminders());
        account.put("roles", String.join(",", a.roles().stream().map(Enum::name).toList()));
        account.put("createdAt", a.createdAt().toString());
        data.put("account", List.of(account));
        data.put("dependants", dependants.findByHousehold(id).stream().map(d -> row(
                "id", d.id(), "name", d.name(), "birthDate", d.birthDate().toString(), "relation", d.relation().name(),
                "addedAt", d.addedAt().toString(), "removedAt", d.removedAt() == null ? null : d.removedAt().toString())).toList());
        data.put("eligibilityClaims", claims.findByHousehold(id).stream().map(c -> row(
                "id", c.id(), "participantId", c.participantId(), "participantName", c.participantName(),
                "category", c.category(), "note", c.note(), "status", c.status().name(),
                "declaredAt", c.declaredAt().toString(), "validUntil", c.validUntil() == null ? null : c.validUntil().toString(),
                "reason", c.reason())).toList());
        data.put("apiTokens", tokens.tokensOf(id).stream().map(t -> row(
                "createdAt", t.createdAt().toString(), "expiresAt", t.expiresAt().toString())).toList());
        List<Map<String, Object>> views = new ArrayList<>();
        for (int offset = 0; ; offset += AccessLog.MAX_PAGE_SIZE) {
            var page = accessLog.recordedFor(id, offset, AccessLog.MAX_PAGE_SIZE);
            page.forEach(e -> views.add(row("at", e.at().toString(), "by", e.actorUsername(), "action", e.action().name(),
                    "detail", e.detail())));
            if (page.size() < AccessLog.MAX_PAGE_SIZE) {
                break;
            }
        }
        data.put("accessLog", views);
        for (PersonalDataContributor contributor : contributors) {
            data.putAll(contributor.personalData(id));
        }
        log.info("Account {} downloaded their data", id);
        return data;
    }

    @PreAuthorize("hasRole('CITIZEN')")
    public void writeJson(OutputStream out) throws IOException {
        JSON.writeValue(out, myData());
    }

    /** One sheet per section, a header row of the columns, then one row per entry. */
    @PreAuthorize("hasRole('CITIZEN')")
    public void writeXlsx(OutputStream out) throws IOException {
        Map<String, List<Map<String, Object>>> data = myData();
        Workbook workbook = new Workbook(out, "Baeum", "1.0");
        for (var section : data.entrySet()) {
            Worksheet sheet = workbook.newWorksheet(section.getKey());
            Set<String> columns = new LinkedHashSet<>();
            section.getValue().forEach(r -> columns.addAll(r.keySet()));
            int c = 0;
            for (String column : columns) {
                sheet.value(0, c++, column);
            }
            int r = 1;
            for (Map<String, Object> entry : section.getValue()) {
                c = 0;
                for (String column : columns) {
                    Object v = entry.get(column);
                    if (v instanceof Number n) {
                        sheet.value(r, c, n);
                    } else if (v != null) {
                        sheet.value(r, c, v.toString());
                    }
                    c++;
                }
                r++;
            }
            sheet.finish();
        }
        workbook.finish();
    }

    /**
     * Deletes the caller's account after their current password. Personal data is erased at once; the session ends
     * (the account is gone, so the next request is refused).
     *
     * @throws InvalidInputException at {@code currentPassword}; nothing changed
     */
    @PreAuthorize("hasRole('CITIZEN')")
    public void deleteMyAccount(String currentPassword) {
        String id = currentUser.require().accountId();
        AccountDocument a = accounts.findById(id).orElseThrow();
        accountService.requirePassword(a, currentPassword);
        List<ParticipantId> participants = new ArrayList<>();
        participants.add(new ParticipantId(id));
        dependants.findByHousehold(id).forEach(d -> participants.add(new ParticipantId(d.id())));
        // Other features anonymise first: if one fails, nothing of the account is gone yet and the citizen can retry.
        events.publishEvent(new AccountEvents.AccountDeleted(new AccountId(id), List.copyOf(participants)));
        claims.deleteHousehold(id);
        dependants.deleteHousehold(id);
        tokens.revokeAll(id);
        SystemIdentity.run(() -> notifications.eraseFor(id));
        throttle.forgetAccount(id);
        accounts.delete(id);
        log.info("Account {} deleted by its holder; {} participants anonymised", id, participants.size());
    }

    private static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }
}
