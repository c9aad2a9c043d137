package dev.volsim.model.volume;

import dev.volsim.model.WireName;
import dev.volsim.model.core.PullPolicy;

/**
 * {@code image}: the content of an OCI image or artifact, mounted read-only.
 *
 * @param reference the image reference, as a container's {@code image}
 * @param pullPolicy when to pull; defaults to Always for the {@code latest} tag (or none) and to
 *     IfNotPresent otherwise
 */
@WireName("image")
public record ImageVolumeSource(String reference, PullPolicy pullPolicy) implements VolumeSource {
  public ImageVolumeSource {
    if (pullPolicy == null) {
      pullPolicy = "latest".equals(tagOf(reference)) ? PullPolicy.ALWAYS : PullPolicy.IF_NOT_PRESENT;
    }
  }

  /**
   * The tag of an image reference as the API server reads it: {@code latest} when the reference
   * has neither tag nor digest, the tag when it has one, null for a digest-only reference.
   */
  static String tagOf(String reference) {
    if (reference == null || reference.isEmpty()) {
      return "latest";
    }
    String name = reference;
    int at = name.indexOf('@');
    boolean digest = at >= 0;
    if (digest) {
      name = name.substring(0, at);
    }
    int slash = name.lastIndexOf('/');
    int colon = name.lastIndexOf(':');
    if (colon > slash) {
      return name.substring(colon + 1);
    }
    return digest ? null : "latest";
  }
}
