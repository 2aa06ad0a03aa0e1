package org.baeum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 13, hole 8: the Docker set-up starts no demo data (demo accounts with a known password) unless asked for with
 * {@code BAEUM_DEMO_DATA=true}; the portal itself defaults to demo data on, for a laptop. Read from
 * {@code docker/compose.yaml} as Compose reads it (YAML merge keys resolved), every portal service.
 */
class DockerComposeSecurityTest {

    @Test
    @SuppressWarnings("unchecked")
    void every_portal_service_leaves_demo_data_off_unless_asked_and_trusts_forwarded_headers_from_its_proxy()
            throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        var portals = services.entrySet().stream()
                .filter(s -> "baeum-portal:local".equals(s.getValue().get("image"))).toList();
        assertThat(portals).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("portal1", "portal2");
        for (var portal : portals) {
            Map<String, Object> environment = (Map<String, Object>) portal.getValue().get("environment");
            assertThat(environment).as(portal.getKey()).isNotNull();
            assertThat(environment.get("BAEUM_DEMO_DATA")).as(portal.getKey() + ": demo data only when asked for")
                    .isEqualTo("${BAEUM_DEMO_DATA:-false}");
            assertThat(environment.get("BAEUM_FORWARD_HEADERS")).as(portal.getKey() + " behind HAProxy").isEqualTo("native");
        }
    }
}
