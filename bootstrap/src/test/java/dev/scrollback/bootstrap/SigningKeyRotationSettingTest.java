package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** {@code SCROLLBACK_SIGNING_KEY_ROTATION}: a duration like the other settings, 30 days unless set, at least an hour. */
class SigningKeyRotationSettingTest {

    static Duration rotation(String value) {
        var properties = new HashMap<String, Object>();
        if (value != null) properties.put("SCROLLBACK_SIGNING_KEY_ROTATION", value);
        var env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.copyOf(properties)));
        return Settings.from(env).signingKeyRotation();
    }

    @Test
    void thirty_days_unless_set() {
        assertThat(rotation(null)).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void short_forms_and_iso_8601_are_read() {
        assertThat(rotation("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(rotation("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(rotation("P14D")).isEqualTo(Duration.ofDays(14));
        assertThat(rotation("PT1H")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void under_an_hour_or_garbage_stops_the_start_naming_the_setting() {
        for (var bad : new String[] {"59m", "0", "3600ms", "soon", "-1d"}) {
            assertThatThrownBy(() -> rotation(bad)).as(bad).isInstanceOf(Settings.Invalid.class)
                    .hasMessageContaining("SCROLLBACK_SIGNING_KEY_ROTATION");
        }
    }
}
