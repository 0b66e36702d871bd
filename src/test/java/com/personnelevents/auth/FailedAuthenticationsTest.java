package com.personnelevents.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailedAuthenticationsTest {

    @Test
    void an_ipv4_address_is_counted_on_its_own() {
        assertThat(FailedAuthentications.client("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(FailedAuthentications.client("203.0.113.8"))
                .isNotEqualTo(FailedAuthentications.client("203.0.113.7"));
    }

    @Test
    void ipv6_addresses_of_one_slash_64_are_counted_together() {
        String one = FailedAuthentications.client("2001:db8:1:2:aaaa:bbbb:cccc:1");
        String another = FailedAuthentications.client("2001:0db8:0001:0002::ffff");

        assertThat(one).isEqualTo(another).isEqualTo("20010db800010002::/64");
        assertThat(FailedAuthentications.client("2001:db8:1:3::1")).isNotEqualTo(one);
    }

    @Test
    void an_ipv4_mapped_ipv6_address_is_its_ipv4_address() {
        assertThat(FailedAuthentications.client("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }
}
