package org.baeum.survey.results;

import java.util.List;

/** What the STAFF results page shows for a filter: everything selected pooled ({@code total}) and each group. */
public record StaffResults(GroupResult total, List<GroupResult> groups) {

    public StaffResults {
        groups = List.copyOf(groups);
    }
}
