package org.baeum.account;

/** How a dependant belongs to the household. Translated as {@code relation.<NAME>}. */
public enum Relation {
    /** 자녀 */
    CHILD,
    /** 부모 (e.g. an elderly parent) */
    PARENT,
    /** 돌보는 분: a person the citizen cares for */
    CARED_PERSON,
    /** 배우자 */
    SPOUSE,
    /** 기타 가족 */
    OTHER;

    public String messageKey() {
        return "relation." + name();
    }
}
