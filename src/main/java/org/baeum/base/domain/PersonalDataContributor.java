package org.baeum.base.domain;

import java.util.List;
import java.util.Map;

/**
 * A feature's part of a citizen's data download (PIPA art. 35: the right to see one's data). Each feature that
 * keeps data about a household (enrolments, bookings, attendance) adds its sections; the account feature puts them
 * together as JSON or XLSX.
 */
public interface PersonalDataContributor {

    /**
     * Sections by name ({@code enrolments}, ...), each a list of rows of column → value (strings, numbers, dates).
     * Only data of this household, never another's.
     */
    Map<String, List<Map<String, Object>>> personalData(String householdAccountId);
}
