package dev.volsim.model.volume;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import dev.volsim.model.WireName;

/**
 * {@code secret}: the keys of a Secret in the Pod's namespace as files, on tmpfs.
 *
 * @param secretName the Secret's name; required
 * @param items the keys to project and where; empty projects every key under its own name
 * @param defaultMode the files' permission bits, 0 to 0777; defaults to 0644 (420)
 * @param optional whether a missing Secret or key is tolerated (null: not optional)
 */
@WireName("secret")
public record SecretVolumeSource(String secretName, ImmutableList<KeyToPath> items, Integer defaultMode, Boolean optional)
    implements VolumeSource {
  /** The API's default file mode of secret, configMap, downwardAPI and projected volumes: 0644. */
  public static final int DEFAULT_MODE = 0644;

  public SecretVolumeSource {
    items = Immutables.list(items);
    defaultMode = defaultMode == null ? DEFAULT_MODE : defaultMode;
  }
}
