package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** {@code SCROLLBACK_REDIS_URL} (and its key prefix): absent, the instance is alone; an unusable one stops the start. */
class RedisSettingTest {

    static Optional<Settings.Redis> redis(Map<String, Object> properties) {
        var env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(properties)));
        return Settings.from(env).redis();
    }

    @Test
    void unset_means_alone() {
        assertThat(redis(Map.of())).isEmpty();
    }

    @Test
    void a_redis_url_is_taken_as_it_is_with_the_default_prefix_and_its_password_never_printed() {
        var redis = redis(Map.of("SCROLLBACK_REDIS_URL", "redis://:s3cret@10.0.0.5:6380/2")).orElseThrow();
        assertThat(redis.url()).isEqualTo("redis://:s3cret@10.0.0.5:6380/2");
        assertThat(redis.keyPrefix()).isEqualTo("scrollback:");
        assertThat(redis.toString()).doesNotContain("s3cret");
        assertThat(redis(Map.of("scrollback.redis.url", "rediss://cache.example.test", "SCROLLBACK_REDIS_PREFIX", "bbs-2:")))
                .contains(new Settings.Redis("rediss://cache.example.test", "bbs-2:"));
    }

    @Test
    void anything_else_stops_the_start_naming_the_setting_and_not_repeating_the_url() {
        for (var bad : new String[] {"cache.internal:6379", "http://cache.internal:6379", "redis://", "redis://host:99999",
                "redis://host/db", "redis://:pa ss@host", "jdbc:postgresql://127.0.0.1/test"}) {
            assertThatThrownBy(() -> redis(Map.of("SCROLLBACK_REDIS_URL", bad))).as(bad).isInstanceOf(Settings.Invalid.class)
                    .hasMessage("SCROLLBACK_REDIS_URL must be a redis:// or rediss:// URL with a host, such as "
                            + "redis://127.0.0.1:6379/0");
        }
        assertThatThrownBy(() -> redis(Map.of("SCROLLBACK_REDIS_URL", "redis://127.0.0.1", "SCROLLBACK_REDIS_PREFIX", "a b")))
                .isInstanceOf(Settings.Invalid.class).hasMessageContaining("SCROLLBACK_REDIS_PREFIX");
    }

    @Test
    void a_redis_nobody_answers_at_stops_the_start_with_a_clear_message() {
        var unreachable = new Settings.Redis("redis://127.0.0.1:1/0", "scrollback-test:");
        assertThatThrownBy(() -> Instances.throughRedis(unreachable, null, null))
                .isInstanceOf(Settings.Invalid.class)
                .hasMessageContaining("SCROLLBACK_REDIS_URL").hasMessageContaining("cannot connect to Redis at redis://127.0.0.1:1/0");
    }
}
