package dev.scrollback.application.webhooks;

import java.util.List;
import java.util.OptionalLong;

/** A page of a subscription's delivery log, newest first; pass {@code next} as {@code before} for older ones. */
public record DeliveryPage(List<DeliveryAttempt.Logged> attempts, OptionalLong next) {
    public DeliveryPage {
        attempts = List.copyOf(attempts);
    }
}
