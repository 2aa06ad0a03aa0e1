package org.baeum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed Vaadin bundles are what let the README commands run without Node: each must be a complete
 * archive (a dev bundle cut short by stopping the portal while it was written once made every Node-less start
 * fail to unpack it).
 */
class CommittedBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev.bundle", "prod.bundle"})
    void the_committed_bundle_is_a_complete_archive(String name) throws Exception {
        try (ZipFile zip = new ZipFile(Path.of("src/main/bundles", name).toFile())) {
            long entries = 0;
            for (var e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                try (var in = zip.getInputStream(entry)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                entries++;
            }
            assertThat(entries).isPositive();
        }
    }
}
