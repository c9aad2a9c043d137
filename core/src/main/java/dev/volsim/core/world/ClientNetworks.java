package dev.volsim.core.world;

/**
 * Matching of an export's client specification against a client address, as {@code exportfs} does
 * for the forms simulated: {@code *}, a single IPv4 address, an IPv4 network as {@code addr/prefix} or
 * {@code addr/netmask}, or a host name compared literally (no DNS in a simulation).
 */
final class ClientNetworks {
  private ClientNetworks() {}

  static boolean matches(String spec, String address) {
    if (spec.equals("*")) {
      return true;
    }
    long ip = parseIpv4(address);
    int slash = spec.indexOf('/');
    if (slash < 0) {
      long single = parseIpv4(spec);
      return single >= 0 ? single == ip : spec.equalsIgnoreCase(address);
    }
    long network = parseIpv4(spec.substring(0, slash));
    String suffix = spec.substring(slash + 1);
    long mask;
    if (suffix.matches("\\d{1,2}")) {
      int prefix = Integer.parseInt(suffix);
      if (prefix > 32) {
        return false;
      }
      mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    } else {
      mask = parseIpv4(suffix);
    }
    if (network < 0 || mask < 0 || ip < 0) {
      return false;
    }
    return (ip & mask) == (network & mask);
  }

  /** The address as an unsigned 32-bit value, or -1 if it is not dotted-quad IPv4. */
  static long parseIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return -1;
    }
    long value = 0;
    for (String part : parts) {
      if (!part.matches("\\d{1,3}")) {
        return -1;
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return -1;
      }
      value = (value << 8) | octet;
    }
    return value;
  }
}
