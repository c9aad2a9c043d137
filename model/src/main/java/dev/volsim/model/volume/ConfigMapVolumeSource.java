package dev.volsim.model.volume;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import dev.volsim.model.WireName;

/**
 * {@code configMap}: the keys of a ConfigMap in the Pod's namespace as files.
 *
 * @param name the ConfigMap's name; required
 * @param items the keys to project and where; empty projects every key under its own name
 * @param defaultMode the files' permission bits, 0 to 0777; defaults to 0644 (420)
 * @param optional whether a missing ConfigMap or key is tolerated (null: not optional)
 */
@WireName("configMap")
public record ConfigMapVolumeSource(String name, ImmutableList<KeyToPath> items, Integer defaultMode, Boolean optional)
    implements VolumeSource {
  public ConfigMapVolumeSource {
    items = Immutables.list(items);
    defaultMode = defaultMode == null ? SecretVolumeSource.DEFAULT_MODE : defaultMode;
  }
}
