package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.AccountId;

public sealed interface HandleState {
    record Free() implements HandleState {}

    record Claimed(AccountId account) implements HandleState {}
}
