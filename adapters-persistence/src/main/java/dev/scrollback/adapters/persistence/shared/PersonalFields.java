package dev.scrollback.adapters.persistence.shared;

import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.shared.RemoteAddress;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields of an event that hold personal data by their type (SPEC §3: remote addresses and email addresses,
 * directly or optional), left out of the public view of an event that live connections carry. Free text (a mail's
 * body) stays: only its own parties are sent it.
 */
final class PersonalFields {
    private static final Set<Class<?>> PERSONAL = Set.of(RemoteAddress.class, EmailAddress.class);
    private static final ClassValue<Set<String>> FIELDS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> record) {
            if (!record.isRecord()) return Set.of();
            return Arrays.stream(record.getRecordComponents()).filter(PersonalFields::personal)
                    .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());
        }
    };

    private PersonalFields() {}

    static Set<String> of(Class<?> eventType) {
        return FIELDS.get(eventType);
    }

    private static boolean personal(RecordComponent component) {
        if (PERSONAL.contains(component.getType())) return true;
        Type generic = component.getGenericType();
        return component.getType() == Optional.class && generic instanceof ParameterizedType optional
                && PERSONAL.contains(optional.getActualTypeArguments()[0]);
    }
}
