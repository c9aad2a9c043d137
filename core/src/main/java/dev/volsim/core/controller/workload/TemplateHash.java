package dev.volsim.core.controller.workload;

import dev.volsim.model.io.Codec;
import java.nio.charset.StandardCharsets;

/**
 * A deterministic hash of a pod template, as upstream's {@code controller.ComputeHash}: FNV-32a
 * over the template, its decimal value spelled with {@code rand.SafeEncodeString}'s alphabet (no
 * vowels, so no words). Upstream hashes the template as {@code spew} prints it; volsim hashes the
 * template's plain tree as {@code Codec.encodeValue} gives it (fixed field order, maps sorted), so
 * values differ from a real cluster's but are stable across runs and JVMs.
 */
final class TemplateHash {
  private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

  private TemplateHash() {}

  static String of(Object template, Integer collisionCount) {
    int hash = 0x811c9dc5;
    byte[] bytes = String.valueOf(Codec.encodeValue(template)).getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    if (collisionCount != null) {
      for (byte b : Integer.toString(collisionCount).getBytes(StandardCharsets.UTF_8)) {
        hash ^= b & 0xff;
        hash *= 0x01000193;
      }
    }
    return safeEncode(Long.toString(Integer.toUnsignedLong(hash)));
  }

  /** {@code rand.SafeEncodeString}. */
  static String safeEncode(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      out.append(ALPHANUMS.charAt(s.charAt(i) % ALPHANUMS.length()));
    }
    return out.toString();
  }
}
