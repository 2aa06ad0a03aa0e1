package org.baeum.catalog.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.account.AccountService;
import org.baeum.base.i18n.Messages;
import org.baeum.catalog.AccessibilityFeature;
import org.baeum.catalog.Audience;
import org.baeum.catalog.Branch;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.DeliveryFormat;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.LearningArea;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.catalog.Room;
import org.baeum.catalog.Term;

/**
 * The codes a row may use, as they stand when the file is read (the 코드 sheet lists the same): the catalog's
 * lists by their English name or their Korean or English label (any case), branches, rooms and terms by id (a term
 * also by its Korean name), instructors by account id as the planning form offers them.
 */
final class ImportCodes {

    private static final Locale KO = Locale.KOREAN;

    /** One list of the 코드 sheet: its Korean heading, the column it fills, and code → Korean label. */
    record CodeList(String heading, String column, Map<String, String> codes) {
    }

    private final Messages messages;
    final List<Branch> branches;
    final List<Term> terms;
    final Map<String, Instructor> instructors = new LinkedHashMap<>();

    ImportCodes(CatalogService catalog, AccountService accounts, Messages messages) {
        this.messages = messages;
        this.branches = catalog.branches();
        this.terms = catalog.terms();
        accounts.instructors().forEach(a -> instructors.put(a.id().value(), new Instructor(a.id().value(), a.displayName())));
        catalog.programs().stream().flatMap(p -> p.instructors().stream()).forEach(i -> instructors.putIfAbsent(i.accountId(), i));
    }

    <E extends Enum<E>> E find(Class<E> type, String text) {
        String prefix = prefix(type);
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text)
                    || text.equalsIgnoreCase(messages.get(prefix + value.name(), KO))
                    || text.equalsIgnoreCase(messages.get(prefix + value.name(), Locale.ENGLISH))) {
                return value;
            }
        }
        return null;
    }

    String branch(String text) {
        return branches.stream().filter(b -> b.id().value().equals(text) || b.nameKo().equals(text))
                .map(b -> b.id().value()).findFirst().orElse(null);
    }

    String room(String text) {
        return branches.stream().flatMap(b -> b.rooms().stream()).filter(r -> r.id().equals(text)).map(Room::id)
                .findFirst().orElse(null);
    }

    String term(String text) {
        return terms.stream().filter(t -> t.id().value().equals(text) || t.nameKo().equals(text))
                .map(t -> t.id().value()).findFirst().orElse(null);
    }

    /** The lists of the 코드 sheet, in the order of the columns they fill. */
    List<CodeList> lists() {
        List<CodeList> lists = new ArrayList<>();
        Map<String, String> branchCodes = new LinkedHashMap<>();
        Map<String, String> roomCodes = new LinkedHashMap<>();
        for (Branch b : branches) {
            branchCodes.put(b.id().value(), b.nameKo());
            b.rooms().forEach(r -> roomCodes.put(r.id(), b.nameKo() + " · " + r.nameKo() + " (" + r.seats() + "석)"));
        }
        Map<String, String> termCodes = new LinkedHashMap<>();
        terms.forEach(t -> termCodes.put(t.id().value(), t.nameKo() + " (" + t.startDate() + " ~ " + t.endDate() + ")"));
        Map<String, String> instructorCodes = new LinkedHashMap<>();
        instructors.values().forEach(i -> instructorCodes.put(i.accountId(), i.name()));
        lists.add(new CodeList("기관", "branchId", branchCodes));
        lists.add(enumList("정책 영역", "domain", PolicyDomain.class));
        lists.add(enumList("평생교육 영역", "area", LearningArea.class));
        Map<String, String> subcategories = new LinkedHashMap<>();
        for (LearningSubcategory s : LearningSubcategory.values()) {
            subcategories.put(s.name(), label(s) + " — " + label(s.area()));
        }
        lists.add(new CodeList("세부 분류 (영역)", "subcategory", subcategories));
        lists.add(enumList("대상", "audience", Audience.class));
        lists.add(enumList("종류", "kind", ProgramKind.class));
        lists.add(enumList("운영 방식", "format", DeliveryFormat.class));
        lists.add(enumList("접근성", "accessibility", AccessibilityFeature.class));
        lists.add(new CodeList("강사 계정 ID", "instructors", instructorCodes));
        lists.add(new CodeList("학기", "termId", termCodes));
        lists.add(new CodeList("강의실", "roomId", roomCodes));
        Map<String, String> methods = new LinkedHashMap<>();
        RecruitmentMethod.plannable().forEach(m -> methods.put(m.name(), label(m)));
        lists.add(new CodeList("모집 방법", "phase1Method", methods));
        lists.add(new CodeList("요일", "weekdays", new LinkedHashMap<>(Map.of("월,수", "월요일과 수요일 (월 화 수 목 금 토 일)"))));
        return lists;
    }

    private <E extends Enum<E>> CodeList enumList(String heading, String column, Class<E> type) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (E value : type.getEnumConstants()) {
            codes.put(value.name(), label(value));
        }
        return new CodeList(heading, column, codes);
    }

    private String label(Enum<?> value) {
        return messages.get(prefix(value.getDeclaringClass()) + value.name(), KO);
    }

    private static String prefix(Class<?> type) {
        if (type == PolicyDomain.class) {
            return "domain.";
        } else if (type == Audience.class) {
            return "audience.";
        } else if (type == ProgramKind.class) {
            return "programKind.";
        } else if (type == DeliveryFormat.class) {
            return "format.";
        } else if (type == LearningArea.class) {
            return "learningArea.";
        } else if (type == LearningSubcategory.class) {
            return "learningSubcategory.";
        } else if (type == RecruitmentMethod.class) {
            return "recruitment.method.";
        } else if (type == AccessibilityFeature.class) {
            return "accessibility.";
        }
        throw new IllegalArgumentException(type.getName());
    }
}
