package dev.volsim.core.cluster;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Kubernetes release whose storage behaviour a simulation follows. volsim models
 * {@link #DEFAULT}; earlier releases down to 1.25 differ in which in-tree volume plugins exist
 * and in the defaults of storage feature gates, and otherwise follow the default release.
 *
 * @param minor the minor version (33 for 1.33)
 */
public record KubernetesVersion(int minor) implements Comparable<KubernetesVersion> {
  /** The release volsim models. */
  public static final KubernetesVersion DEFAULT = new KubernetesVersion(34);
  /** The oldest release accepted. */
  public static final KubernetesVersion OLDEST = new KubernetesVersion(25);

  /**
   * Storage feature gates volsim knows, with the release from which each defaults to the value
   * given (before it, the opposite).
   */
  private static final ImmutableSortedMap<String, Gate> GATES = ImmutableSortedMap.<String, Gate>naturalOrder()
      // gitRepo volumes: disabled by default from 1.33 (KEP-5040).
      .put("GitRepoVolumeDriver", new Gate(33, false))
      // ReadWriteOncePod access mode: beta (on) from 1.27, GA in 1.29.
      .put("ReadWriteOncePod", new Gate(27, true))
      // Finalizers that make PV deletion honour the reclaim policy: on from 1.31.
      .put("HonorPVReclaimPolicy", new Gate(31, true))
      // Graceful handling of non-graceful node shutdown (out-of-service taint): on from 1.26.
      .put("NodeOutOfServiceVolumeDetach", new Gate(26, true))
      // Recursive read-only mounts: beta (on) from 1.31.
      .put("RecursiveReadOnlyMounts", new Gate(31, true))
      // Image volumes: beta (on by default) from 1.33 in volsim's reading.
      .put("ImageVolume", new Gate(35, true))
      .build();

  private record Gate(int fromMinor, boolean valueFrom) {}

  /**
   * Parses {@code "1.33"} (also {@code "v1.33"} and {@code "1.33.2"}).
   *
   * @throws IllegalArgumentException for a version volsim does not model, with the list it does
   */
  public static KubernetesVersion parse(String text) {
    String s = text.strip();
    if (s.startsWith("v")) {
      s = s.substring(1);
    }
    String[] parts = s.split("\\.");
    int minor;
    try {
      if (parts.length < 2 || parts.length > 3 || !parts[0].equals("1")) {
        throw new NumberFormatException();
      }
      minor = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("unsupported Kubernetes version \"" + text + "\": volsim models 1."
          + OLDEST.minor + " to 1." + DEFAULT.minor);
    }
    if (minor < OLDEST.minor || minor > DEFAULT.minor) {
      throw new IllegalArgumentException("unsupported Kubernetes version \"" + text + "\": volsim models 1."
          + OLDEST.minor + " to 1." + DEFAULT.minor);
    }
    return new KubernetesVersion(minor);
  }

  /** The default value of every known gate at this release. */
  public ImmutableSortedMap<String, Boolean> defaultFeatureGates() {
    Map<String, Boolean> out = new TreeMap<>();
    GATES.forEach((name, g) -> out.put(name, minor >= g.fromMinor ? g.valueFrom : !g.valueFrom));
    return ImmutableSortedMap.copyOf(out);
  }

  /** The names of the gates volsim knows. */
  public static ImmutableList<String> knownFeatureGates() {
    return GATES.keySet().asList();
  }

  /**
   * Whether the in-tree volume plugin of a source type exists at this release: GlusterFS until
   * 1.25, RBD and CephFS until 1.30 (their removals), the others throughout.
   */
  public boolean hasInTreePlugin(String sourceType) {
    return switch (sourceType) {
      case "glusterfs" -> minor <= 25;
      case "rbd", "cephfs" -> minor <= 30;
      default -> true;
    };
  }

  @Override
  public int compareTo(KubernetesVersion o) {
    return Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return "1." + minor;
  }
}
