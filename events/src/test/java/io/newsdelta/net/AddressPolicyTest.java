package io.newsdelta.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressPolicyTest {
  @ParameterizedTest
  @CsvSource({
      "127.0.0.1, LOOPBACK", "127.8.9.10, LOOPBACK", "::1, LOOPBACK",
      "169.254.169.254, LINK_LOCAL", "fe80::1, LINK_LOCAL",
      "10.0.0.5, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE",
      "100.64.0.1, PRIVATE", "fd00::1, PRIVATE",
      "0.0.0.0, UNROUTABLE", "224.0.0.1, UNROUTABLE", "255.255.255.255, UNROUTABLE", "192.0.2.1, UNROUTABLE",
      "::, UNROUTABLE", "2001:db8::1, UNROUTABLE",
      "::ffff:127.0.0.1, LOOPBACK", "::ffff:169.254.169.254, LINK_LOCAL", "::ffff:10.1.2.3, PRIVATE",
      "93.184.216.34, PUBLIC", "172.32.0.1, PUBLIC", "8.8.8.8, PUBLIC", "2606:4700::1111, PUBLIC"
  })
  void shouldClassifyAddresses(String literal, AddressClass expected) throws Exception {
    assertThat(AddressClass.of(InetAddress.getByName(literal))).isEqualTo(expected);
  }

  @Test
  void shouldRefuseInternalAddressesByDefaultAndAllowPublicOnes() throws Exception {
    AddressPolicy policy = AddressPolicy.PUBLIC_ONLY;

    assertThat(policy.allows("example.org", InetAddress.getByName("93.184.216.34"))).isTrue();
    assertThat(policy.allows("metadata", InetAddress.getByName("169.254.169.254"))).isFalse();
    assertThat(policy.allows("localhost", InetAddress.getByName("127.0.0.1"))).isFalse();
    assertThat(policy.allows("intranet", InetAddress.getByName("10.2.3.4"))).isFalse();
  }

  @Test
  void shouldAllowWhatTheAllowListCoversByBlockOrByName() throws Exception {
    AddressPolicy policy = new AddressPolicy(List.of("10.1.0.0/16", "wiki.internal"));

    assertThat(policy.allows("a", InetAddress.getByName("10.1.200.7"))).isTrue();
    assertThat(policy.allows("a", InetAddress.getByName("10.2.0.1"))).isFalse();
    assertThat(policy.allows("WIKI.internal", InetAddress.getByName("10.9.9.9"))).isTrue();
    assertThat(policy.allows("a", InetAddress.getByName("169.254.169.254"))).isFalse();
  }

  @Test
  void shouldCheckTheResolvedAddressAndSayHowToAllowIt() {
    assertThatThrownBy(() -> AddressPolicy.PUBLIC_ONLY.check(URI.create("http://localhost:8080/admin")))
        .isInstanceOf(AddressRefusedException.class)
        .hasMessageContaining("loopback address")
        .hasMessageContaining("network.allow");
    assertThatThrownBy(() -> AddressPolicy.PUBLIC_ONLY.check(URI.create("http://[::ffff:169.254.169.254]/latest")))
        .isInstanceOf(AddressRefusedException.class)
        .hasMessageContaining("link-local");
  }

  @Test
  void shouldPassALoopbackTargetOnlyWhenAllowed() throws Exception {
    new AddressPolicy(List.of("127.0.0.0/8", "::1/128")).check(URI.create("http://127.0.0.1:9/feed"));
  }

  @Test
  void shouldRefuseABadBlockWithAClearMessage() {
    assertThatThrownBy(() -> new AddressPolicy(List.of("10.0.0.0/33")))
        .hasMessageContaining("'10.0.0.0/33' is not a CIDR block");
    assertThatThrownBy(() -> new AddressPolicy(List.of("intranet/8")))
        .hasMessageContaining("is not a CIDR block");
  }
}
