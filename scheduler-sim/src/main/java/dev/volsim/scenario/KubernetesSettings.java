package dev.volsim.scenario;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.cluster.ComponentConfig;
import dev.volsim.core.cluster.KubernetesVersion;

/**
 * A scenario's {@code spec.kubernetes}: the release volsim follows, feature gates switched from
 * their defaults, and component flags.
 *
 * @param version the release ({@link KubernetesVersion#DEFAULT} when omitted)
 * @param featureGates gates the scenario sets, by name (the others keep the release's default)
 * @param config component flags the scenario sets, keyed as {@link ComponentConfig#DEFAULTS}
 *     ({@code scheduler.bindTimeoutSeconds} for {@code scheduler: {bindTimeoutSeconds}})
 */
public record KubernetesSettings(
    KubernetesVersion version, ImmutableSortedMap<String, Boolean> featureGates,
    ImmutableSortedMap<String, Object> config) {

  public KubernetesSettings {
    requireNonNull(version, "version is null");
    featureGates = ImmutableSortedMap.copyOf(featureGates);
    config = ImmutableSortedMap.copyOf(config);
  }

  /** The default release with nothing changed. */
  public static KubernetesSettings defaults() {
    return new KubernetesSettings(KubernetesVersion.DEFAULT, ImmutableSortedMap.of(), ImmutableSortedMap.of());
  }
}
