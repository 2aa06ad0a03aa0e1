package org.baeum.closure;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

/**
 * A closure STAFF declare: at most one of {@code roomId} and {@code facilityId} (with its {@code branchId}); none of
 * the three for every branch. Days inclusive; {@code fromTime}/{@code toTime} both null for whole days, else the hours
 * closed on each day. {@code offerings} maps an offering id to what happens to its sessions in the closure; an
 * offering the impact lists without a choice is refused on apply. API body of {@code POST /api/v1/closures}.
 */
public record ClosureRequest(String branchId, String roomId, String facilityId, LocalDate firstDay, LocalDate lastDay,
                             LocalTime fromTime, LocalTime toTime, String reasonKo, String reasonEn,
                             Map<String, SessionChoice> offerings) {

    public ClosureRequest {
        offerings = offerings == null ? Map.of() : Map.copyOf(offerings);
    }
}
