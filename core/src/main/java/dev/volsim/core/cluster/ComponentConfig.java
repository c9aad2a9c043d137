package dev.volsim.core.cluster;

import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.engine.Durations;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Component flags a scenario may set ({@code spec.kubernetes.config}), with Kubernetes' defaults.
 * Values are kept as given (durations as Go durations, booleans, numbers) and read typed.
 */
public final class ComponentConfig {
  /** Every known key with its default, as the components' flags default. */
  public static final ImmutableSortedMap<String, Object> DEFAULTS = ImmutableSortedMap.<String, Object>naturalOrder()
      .put("nodeMonitorGracePeriod", "50s")             // kube-controller-manager --node-monitor-grace-period
      .put("defaultNotReadyTolerationSeconds", 300L)     // kube-apiserver DefaultTolerationSeconds admission
      .put("defaultUnreachableTolerationSeconds", 300L)
      .put("maxWaitForUnmountDuration", "6m")            // ADC ReconcilerMaxWaitForUnmountDuration
      .put("disableForceDetachOnTimeout", false)         // --disable-force-detach-on-timeout
      .put("reconcilerSyncLoopPeriod", "1m")             // --attach-detach-reconcile-sync-period
      .put("pvClaimBinderSyncPeriod", "15s")             // --pvclaimbinder-sync-period
      .put("syncFrequency", "1m")                        // kubelet SyncFrequency
      .put("enableControllerAttachDetach", true)         // kubelet --enable-controller-attach-detach
      .put("enableHostPathProvisioner", false)           // --enable-hostpath-provisioner
      .put("scheduler.bindTimeoutSeconds", 600L)         // VolumeBinding DefaultBindTimeoutSeconds
      .build();

  private final ImmutableSortedMap<String, Object> values;

  private ComponentConfig(Map<String, Object> values) {
    this.values = ImmutableSortedMap.copyOf(values);
  }

  public static ComponentConfig defaults() {
    return new ComponentConfig(DEFAULTS);
  }

  /**
   * A copy with values replaced; keys as in the scenario ({@code scheduler.bindTimeoutSeconds}
   * for {@code scheduler: {bindTimeoutSeconds}}).
   *
   * @throws IllegalArgumentException for an unknown key or a value of the wrong type
   */
  public ComponentConfig with(Map<String, Object> overrides) {
    Map<String, Object> m = new TreeMap<>(values);
    for (Map.Entry<String, Object> e : overrides.entrySet()) {
      Object def = DEFAULTS.get(e.getKey());
      if (def == null) {
        throw new IllegalArgumentException("unknown config key \"" + e.getKey() + "\"; known: "
            + String.join(", ", DEFAULTS.keySet()));
      }
      Object v = e.getValue();
      if (def instanceof String) {
        Durations.parse(String.valueOf(v));
        m.put(e.getKey(), String.valueOf(v));
      } else if (def instanceof Boolean && !(v instanceof Boolean)) {
        throw new IllegalArgumentException("config key \"" + e.getKey() + "\" takes true or false");
      } else if (def instanceof Long && !(v instanceof Number)) {
        throw new IllegalArgumentException("config key \"" + e.getKey() + "\" takes a number");
      } else {
        m.put(e.getKey(), v instanceof Number n ? (Object) n.longValue() : v);
      }
    }
    return new ComponentConfig(m);
  }

  public Duration duration(String key) {
    return Durations.parse(String.valueOf(require(key)));
  }

  public boolean bool(String key) {
    return (Boolean) require(key);
  }

  public long number(String key) {
    return ((Number) require(key)).longValue();
  }

  public ImmutableSortedMap<String, Object> asMap() {
    return values;
  }

  private Object require(String key) {
    Object v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("unknown config key \"" + key + "\"");
    }
    return v;
  }
}
