package dev.volsim.core.trace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a run's JSON lines (each followed by a newline): the run's fingerprint. Same
 * scenario and seed, same fingerprint, in any JVM. Streams: nothing is kept but the digest.
 */
public final class Fingerprint implements TraceListener {
  private final MessageDigest digest;
  private long entries;

  public Fingerprint() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public void onEntry(TraceEntry entry) {
    digest.update(TraceFormat.jsonLine(entry).getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
    entries++;
  }

  /** The hex digest of everything so far (the digest goes on accepting entries). */
  public String hex() {
    try {
      MessageDigest copy = (MessageDigest) digest.clone();
      return HexFormat.of().formatHex(copy.digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests clone", e);
    }
  }

  public long entries() {
    return entries;
  }
}
