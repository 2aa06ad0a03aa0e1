package org.baeum.base.domain;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/** Every {@link ShortLived} and {@link ShortLivedMap} (weakly held), so that {@link ShortLived#forgetAll()} reaches them. */
final class ShortLivedRegistry {

    interface Forgettable {
        void forget();
    }

    private static final Set<Forgettable> ALL = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private ShortLivedRegistry() {
    }

    static void add(Forgettable f) {
        ALL.add(f);
    }

    static void forgetAll() {
        synchronized (ALL) {
            ALL.forEach(Forgettable::forget);
        }
    }
}
