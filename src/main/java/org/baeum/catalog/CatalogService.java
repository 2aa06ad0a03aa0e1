package org.baeum.catalog;

import java.util.List;
import org.baeum.catalog.internal.BranchRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The catalog feature's API: branches and rooms now; programs, terms and offerings next. */
@Service
public class CatalogService {

    private final BranchRepository branches;

    CatalogService(BranchRepository branches) {
        this.branches = branches;
    }

    /** Every branch with its rooms; public information. */
    @PreAuthorize("permitAll()")
    public List<Branch> branches() {
        return branches.findAll();
    }
}
