package dev.scrollback.adapters.web.shared;

import java.util.Optional;

/** Raw input the adapter itself refused (bad JSON, a missing field, a non-number): 400 {@code validation-failed}. */
public final class ValidationFailed extends RuntimeException {
    private final Optional<String> field;

    private ValidationFailed(Optional<String> field, String detail) {
        super(detail, null, false, false);
        this.field = field;
    }

    /** {@code complaint} completes the sentence "The field 'x' ...", e.g. "is required". */
    public static ValidationFailed field(String name, String complaint) {
        return new ValidationFailed(Optional.of(name), fieldDetail(name, complaint));
    }

    public static ValidationFailed required(String name) {
        return field(name, "is required");
    }

    /** About the request as a whole; {@code sentence} is the full detail. */
    public static ValidationFailed request(String sentence) {
        return new ValidationFailed(Optional.empty(), sentence);
    }

    static String fieldDetail(String name, String complaint) {
        var text = "The field '" + name + "' " + complaint;
        return text.endsWith(".") ? text : text + ".";
    }

    public Problem problem() {
        var problem = Problem.validationFailed(getMessage());
        return field.map(problem::withField).orElse(problem);
    }
}
