package com.crowdledger.infra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpRangeTest {

    @Test
    void matchesAddressesInsideTheRangeOnly() {
        IpRange range = IpRange.parse("192.168.4.0/22");
        assertThat(range.contains("192.168.7.255")).isTrue();
        assertThat(range.contains("192.168.8.0")).isFalse();
        assertThat(range.contains("::1")).isFalse();
    }

    @Test
    void singleAddressesAndIpv6Work() {
        assertThat(IpRange.parse("10.0.0.7").contains("10.0.0.7")).isTrue();
        assertThat(IpRange.parse("10.0.0.7").contains("10.0.0.8")).isFalse();
        assertThat(IpRange.parse("fd00::/8").contains("fd12:3456::1")).isTrue();
    }

    @Test
    void hostNamesAreRefusedWithoutAnyLookup() {
        assertThatThrownBy(() -> IpRange.parse("proxy.internal")).isInstanceOf(IllegalArgumentException.class);
        assertThat(IpRange.parse("10.0.0.0/8").contains("localhost")).isFalse();
    }

    @Test
    void ipv6ClientsAreTheirSlash64AndIpv4ClientsTheirAddress() {
        assertThat(IpRange.clientNetwork("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(IpRange.clientNetwork("2001:db8:1:2::ffff")).isEqualTo(IpRange.clientNetwork("2001:db8:1:2::1"));
        assertThat(IpRange.clientNetwork("2001:db8:1:3::1")).isNotEqualTo(IpRange.clientNetwork("2001:db8:1:2::1"));
        assertThat(IpRange.clientNetwork("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(IpRange.clientNetwork("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(IpRange.clientNetwork("not:an:addr!")).isEqualTo("not:an:addr!");
    }
}
