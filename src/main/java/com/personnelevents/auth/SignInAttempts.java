package com.personnelevents.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins of local accounts, limited per account (guessing one person's password from many
 * addresses) and per address (trying many accounts from one): either limit refuses further sign-ins until
 * its window ends, whatever the password.
 */
@Component
class SignInAttempts {

    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

    private final AttemptLimit perAccount;
    private final AttemptLimit perAddress;

    SignInAttempts(
            @Value("${personnel-events.sign-in.account-limit:5}") long accountLimit,
            @Value("${personnel-events.sign-in.address-limit:20}") long addressLimit,
            @Value("${personnel-events.sign-in.window:15m}") Duration window,
            @Value("${personnel-events.failed-authentication.tracked-addresses:100000}") long tracked,
            Clock clock) {
        this.perAccount = new AttemptLimit(accountLimit, window, tracked, clock);
        this.perAddress = new AttemptLimit(addressLimit, window, tracked, clock);
    }

    /** How long the login or the address must wait, if either has used up its attempts. */
    Optional<Duration> blockedFor(String login, String address) {
        Optional<Duration> account = perAccount.blockedFor(key(login));
        Optional<Duration> client = perAddress.blockedFor(FailedAuthentications.client(address));
        if (account.isPresent() && client.isPresent()) {
            return Optional.of(account.get().compareTo(client.get()) > 0 ? account.get() : client.get());
        }
        return account.isPresent() ? account : client;
    }

    /**
     * Takes one attempt from the account and from the address before the password is checked, so that
     * parallel guesses cannot all pass a check made before any was counted; false (nothing taken) when either
     * has none left.
     */
    boolean tryAttempt(String login, String address) {
        String account = key(login);
        String client = FailedAuthentications.client(address);
        if (!perAccount.tryTake(account)) {
            return false;
        }
        if (!perAddress.tryTake(client)) {
            perAccount.giveBack(account);
            log.warn("Sign-ins from {} refused: {} failed within {}", address, perAddress.limit(), perAddress.window());
            return false;
        }
        return true;
    }

    /** The attempt succeeded: it does not count against the account or the address. */
    void succeeded(String login, String address) {
        perAccount.giveBack(key(login));
        perAddress.giveBack(FailedAuthentications.client(address));
    }

    private static String key(String login) {
        return login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
    }
}
