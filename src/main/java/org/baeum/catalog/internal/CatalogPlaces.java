package org.baeum.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import org.baeum.calendar.ClosablePlace;
import org.baeum.calendar.ClosablePlaces;
import org.baeum.calendar.ClosureScope;
import org.baeum.catalog.Branch;
import org.baeum.catalog.Room;
import org.springframework.stereotype.Component;

/** The catalog's branches and their rooms, as places the calendar may close. */
@Component
class CatalogPlaces implements ClosablePlaces {

    private final BranchRepository branches;

    CatalogPlaces(BranchRepository branches) {
        this.branches = branches;
    }

    @Override
    public List<ClosablePlace> closablePlaces() {
        List<ClosablePlace> places = new ArrayList<>();
        for (Branch branch : branches.findAll()) {
            places.add(new ClosablePlace(ClosureScope.BRANCH, branch.id().value(), branch.id().value(), branch.nameKo(),
                    branch.nameEn()));
            for (Room room : branch.rooms()) {
                places.add(new ClosablePlace(ClosureScope.ROOM, room.id(), branch.id().value(), room.nameKo(),
                        room.nameEn()));
            }
        }
        return places;
    }
}
