package com.personnelevents.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's character rules, checked by a loop, allow and refuse exactly what Spring Security's default
 * strict firewall does: every code point of the Basic Multilingual Plane (lone surrogates included) and a
 * sample of the others, in names and values, each compared through the two firewalls' own requests.
 */
class FirewallCharactersTest {

    private final HttpFirewall spring = new StrictHttpFirewall();
    private final HttpFirewall ours = SecurityConfig.firewall();

    @Test
    void header_names_are_allowed_and_refused_as_by_spring_security_s_default() {
        assertSameVerdicts(
                name -> allowed(request -> request.getHeader(name), spring),
                name -> allowed(request -> request.getHeader(name), ours));
    }

    @Test
    void parameter_names_are_allowed_and_refused_as_by_spring_security_s_default() {
        assertSameVerdicts(
                name -> allowed(request -> request.getParameter(name), spring),
                name -> allowed(request -> request.getParameter(name), ours));
    }

    @Test
    void header_values_are_allowed_and_refused_as_by_spring_security_s_default() {
        assertSameVerdicts(value -> allowedValue(value, spring), value -> allowedValue(value, ours));
    }

    @Test
    void plain_text_passes_and_control_characters_do_not() {
        assertThat(FirewallCharacters.isAllowedHeaderValue("Bearer pe_abc-123._~+/="))
                .isTrue();
        assertThat(FirewallCharacters.isAllowedHeaderValue("a\tb")).isTrue();
        assertThat(FirewallCharacters.isAllowedName("a\tb")).isFalse();
        assertThat(FirewallCharacters.isAllowedHeaderValue("a\nb")).isFalse();
        assertThat(FirewallCharacters.isAllowedHeaderValue("Zoë 😀")).isTrue();
        assertThat(FirewallCharacters.isAllowedHeaderValue("a\u0085b")).isFalse();
    }

    /** Both verdicts, for every text of one code point between two letters. */
    private static void assertSameVerdicts(Predicate<String> expected, Predicate<String> actual) {
        List<String> differ = new ArrayList<>();
        int checked = 0;
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint += codePoint < 0x10000 ? 1 : 61) {
            String text = "a" + new String(Character.toChars(codePoint)) + "b";
            if (expected.test(text) != actual.test(text)) {
                differ.add(Integer.toHexString(codePoint));
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(80_000);
        assertThat(differ).as("code points judged otherwise").isEmpty();
    }

    private static boolean allowed(
            java.util.function.Consumer<jakarta.servlet.http.HttpServletRequest> read, HttpFirewall firewall) {
        return allowed(new MockHttpServletRequest("GET", "/api/personnel-events"), read, firewall);
    }

    private static boolean allowedValue(String value, HttpFirewall firewall) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/personnel-events");
        request.addHeader("X-Checked", value);
        return allowed(request, checked -> checked.getHeader("X-Checked"), firewall);
    }

    /** Whether the firewall lets {@code read} read the request, or refuses what it reads. */
    private static boolean allowed(
            MockHttpServletRequest request,
            java.util.function.Consumer<jakarta.servlet.http.HttpServletRequest> read,
            HttpFirewall firewall) {
        try {
            read.accept(firewall.getFirewalledRequest(request));
            return true;
        } catch (RequestRejectedException refused) {
            return false;
        }
    }
}
