package com.personnelevents.workflow;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The separations of duties, each a named rule that holds for every caller (a person signed in, a person's
 * token, an integration token) and that an administrator can relax only by name, in the settings. A
 * refusal names the rule.
 */
public enum Duty {
    REPORTER_DOES_NOT_RESPOND(
            "reporter-does-not-respond",
            "nobody approves, rejects or verifies an event they reported (a token: one it created), decides its"
                    + " refused removals or, as a person, holds back such a leaver"),
    SUBJECT_DOES_NOT_RESPOND(
            "subject-does-not-respond",
            "nobody approves, rejects or verifies an event about themselves, holds back their own leaving or"
                    + " decides their refused removals"),
    NO_WORK_ON_OWN_ACCESS(
            "no-work-on-own-access", "nobody completes or rejects an access request about their own access"),
    PROVISIONER_DOES_NOT_VERIFY(
            "provisioner-does-not-verify", "whoever provisioned an event's access does not verify it"),
    ONE_RESPONSE_PER_PERSON(
            "one-response-per-person", "one person's response counts for one of the roles a step requires"),
    REFUSER_DOES_NOT_DECIDE(
            "refuser-does-not-decide", "whoever refused a removal or suspension does not decide to keep the access");

    private final String apiName;
    private final String rule;

    Duty(String apiName, String rule) {
        this.apiName = apiName;
        this.rule = rule;
    }

    public String apiName() {
        return apiName;
    }

    /** The rule in words, as a refusal quotes it. */
    public String rule() {
        return rule;
    }

    /** The refusal's message: the rule's name and words, and why it applies here. */
    public String refusal(String because) {
        return "Separation of duties (" + apiName + "): " + rule + "; " + because;
    }

    public static Optional<Duty> parse(String value) {
        return Arrays.stream(values()).filter(d -> d.apiName.equals(value)).findFirst();
    }

    public static String validValues() {
        return Arrays.stream(values()).map(Duty::apiName).collect(Collectors.joining(", "));
    }
}
