package org.baeum.catalog;

/** A room of a branch, with its seats and whether it has step-free access. */
public record Room(String id, BranchId branchId, String nameKo, String nameEn, RoomKind kind, int seats,
                   String floor, boolean stepFree) {

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameKo;
    }
}
