package org.baeum.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Fails on a text that exists in one language only, or a key the code uses that no bundle has. */
class TranslationsTest {

    private static final Pattern USED_KEY = Pattern.compile(
            "(?:getTranslation|messages\\.get|translate)\\(\\s*\"([a-zA-Z0-9_.]+)\"|title\\s*=\\s*\"([a-zA-Z0-9_.]+)\"");

    private static Properties load(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void korean_and_english_have_the_same_keys_and_no_empty_texts() throws IOException {
        Properties ko = load("ko");
        Properties en = load("en");
        assertThat(new TreeSet<>(ko.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        ko.forEach((k, v) -> assertThat(v.toString()).as("ko " + k).isNotBlank());
        en.forEach((k, v) -> assertThat(v.toString()).as("en " + k).isNotBlank());
    }

    /**
     * A text with a placeholder goes through {@link java.text.MessageFormat}, where a lone apostrophe starts a quote
     * that swallows the rest (the placeholder too): it must be written {@code ''}. A text without one is shown as it
     * is, so {@code ''} would show twice.
     */
    @Test
    void apostrophes_are_written_as_the_formatter_reads_them() throws IOException {
        Pattern placeholder = Pattern.compile("\\{\\d");
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        for (String language : List.of("ko", "en")) {
            Properties p = load(language);
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                String text = p.getProperty(key);
                if (placeholder.matcher(text).find()) {
                    assertThat(lone.matcher(text).find()).as("%s (%s) has a placeholder: write ' as ''", key, language)
                            .isFalse();
                } else {
                    assertThat(text).as("%s (%s) has no placeholder: write ' once", key, language).doesNotContain("''");
                }
            }
        }
    }

    @Test
    void no_key_is_defined_twice() throws IOException {
        for (String language : List.of("ko", "en")) {
            Set<String> seen = new java.util.HashSet<>();
            List<String> twice = new java.util.ArrayList<>();
            try (var in = getClass().getResourceAsStream("/i18n/messages_" + language + ".properties")) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    int eq = line.indexOf('=');
                    if (!line.isBlank() && !line.startsWith("#") && eq > 0 && !seen.add(line.substring(0, eq).strip())) {
                        twice.add(line.substring(0, eq).strip());
                    }
                }
            }
            assertThat(twice).as("keys defined twice in messages_" + language + " (the later silently wins)").isEmpty();
        }
    }

    @Test
    void every_key_used_in_the_code_exists() throws IOException {
        Set<String> known = load("ko").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = USED_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (key.contains(".") && !key.endsWith(".") && !known.contains(key)) {
                        missing.add(key + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void enum_texts_exist_for_every_value() throws IOException {
        Set<String> known = load("en").stringPropertyNames();
        for (var role : org.baeum.base.security.Role.values()) {
            assertThat(known).contains("role." + role.name());
        }
        for (var method : org.baeum.catalog.RecruitmentMethod.values()) {
            assertThat(known).contains("recruitment.method." + method.name(), "recruitment.phase." + method.name());
        }
        for (var kind : org.baeum.catalog.RoomKind.values()) {
            assertThat(known).contains("room.kind." + kind.name());
        }
        for (var action : org.baeum.base.audit.AccessAction.values()) {
            assertThat(known).contains("accessAction." + action.name());
        }
        for (var scope : org.baeum.calendar.ClosureScope.values()) {
            assertThat(known).contains("closure.scope." + scope.name());
        }
        for (var kind : org.baeum.facility.FacilityKind.values()) {
            assertThat(known).contains("facility.kind." + kind.name());
        }
        for (var state : org.baeum.notification.OutboxState.values()) {
            assertThat(known).contains(state.messageKey());
        }
        for (var kind : org.baeum.notification.NotificationKind.values()) {
            assertThat(known).contains(kind.messageKey());
        }
        for (var status : org.baeum.recruitment.RoundStatus.values()) {
            assertThat(known).contains("round.status." + status.name());
        }
        for (var kind : org.baeum.recruitment.RoundPhaseKind.values()) {
            assertThat(known).contains("round.phaseKind." + kind.name());
        }
        for (var status : org.baeum.recruitment.ApplicationStatus.values()) {
            assertThat(known).contains("application.status." + status.name());
        }
        for (var reason : org.baeum.recruitment.ApplicationRefusedException.Reason.values()) {
            assertThat(known).contains("application.refused." + reason.name());
        }
        for (var status : org.baeum.enrollment.EnrollmentStatus.values()) {
            assertThat(known).contains("enrollment.status." + status.name());
            if (!status.active()) { // an ending is a step in the entry's history too
                assertThat(known).contains("enrollment.history." + status.name());
            }
        }
        for (var reason : org.baeum.booking.BookingRefusal.values()) {
            assertThat(known).contains("booking.refusal." + reason.name());
        }
        for (var status : org.baeum.booking.BookingStatus.values()) {
            assertThat(known).contains("booking.status." + status.name());
        }
        for (var state : org.baeum.booking.SlotState.values()) {
            assertThat(known).contains("booking.slot." + state.name(), "booking.slot.aria." + state.name());
        }
        for (var kind : org.baeum.booking.BookableKind.values()) {
            assertThat(known).contains("booking.kind." + kind.name());
        }
    }

    @Test
    void the_provider_formats_parameters_and_marks_missing_keys() {
        BaeumI18NProvider provider = new BaeumI18NProvider();
        assertThat(provider.getTranslation("home.welcome", Locale.KOREAN, "김시민")).isEqualTo("김시민님, 안녕하세요");
        assertThat(provider.getTranslation("home.welcome", Locale.ENGLISH, "Kim")).isEqualTo("Hello, Kim");
        assertThat(provider.getTranslation("home.welcome", Locale.GERMAN, "Kim")).isEqualTo("Kim님, 안녕하세요");
        assertThat(provider.getTranslation("no.such.key", Locale.KOREAN)).isEqualTo("!no.such.key!");
    }
}
