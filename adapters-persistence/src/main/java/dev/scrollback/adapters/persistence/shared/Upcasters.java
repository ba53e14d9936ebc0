package dev.scrollback.adapters.persistence.shared;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Old schema versions are upcast when read (SPEC §3): each step turns the JSON of one event type at one schema version
 * into the JSON of the next version. Steps work on JSON, not on classes, because the class of an old version no
 * longer exists. {@link EventJson} runs the chain for every stored event below its type's current version, and a missing
 * step is an error, never a silent skip.
 */
final class Upcasters {

    /** Turns {@code type} at {@code fromVersion} into {@code fromVersion + 1}. */
    record Step(String type, int fromVersion, UnaryOperator<ObjectNode> upcast) {}

    private record Key(String type, int fromVersion) {}

    private final Map<Key, UnaryOperator<ObjectNode>> steps = new HashMap<>();

    Upcasters(List<Step> steps) {
        for (var step : steps) {
            if (this.steps.put(new Key(step.type(), step.fromVersion()), step.upcast()) != null) {
                throw new IllegalArgumentException("two upcasters for " + step.type() + " v" + step.fromVersion());
            }
        }
    }

    /**
     * The steps of the events that changed: {@code PluginSubmitted} v1 had no {@code triggers} (plugins ran on hooks
     * alone); v2 reads a v1 submission as one without triggers.
     */
    static Upcasters standard() {
        return new Upcasters(List.of(new Step("PluginSubmitted", 1, data -> {
            var triggers = data.putObject("triggers");
            triggers.putArray("events");
            triggers.putArray("schedules");
            return data;
        })));
    }

    static Upcasters none() {
        return new Upcasters(List.of());
    }

    /** Brings {@code data} from {@code from} up to {@code to}, one version at a time. */
    ObjectNode upcast(String type, int from, int to, ObjectNode data) {
        var current = data;
        for (int version = from; version < to; version++) {
            var step = steps.get(new Key(type, version));
            if (step == null) {
                throw new IllegalStateException("no upcaster for " + type + " from schema version " + version + " to " + (version + 1));
            }
            current = step.apply(current);
        }
        return current;
    }
}
