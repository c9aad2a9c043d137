package dev.volsim.model.storage;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.WireEnum;

/**
 * A CSIDriver: how Kubernetes talks to one installed CSI driver. Cluster-scoped; its name is the
 * driver's name, the one the driver reports from {@code GetPluginName}.
 *
 * @param metadata the object's metadata
 * @param spec the driver's behaviour; an absent spec is an all-defaults one
 */
public record CSIDriver(ObjectMeta metadata, Spec spec) implements KubeObject {
  public CSIDriver {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = spec == null ? new Spec(null, null, null, null, null, null, null, null, null) : spec;
  }

  @Override
  public String apiVersion() {
    return "storage.k8s.io/v1";
  }

  @Override
  public String kind() {
    return "CSIDriver";
  }

  @Override
  public boolean namespaced() {
    return false;
  }

  /**
   * {@code CSIDriverSpec}, with the API server's defaults applied ({@code SetDefaults_CSIDriver}).
   *
   * @param attachRequired whether volumes need a VolumeAttachment (ControllerPublishVolume) before
   *     they are mounted; default true
   * @param podInfoOnMount whether NodePublishVolume receives the Pod's name, namespace, uid and
   *     service account; default false
   * @param volumeLifecycleModes which kinds of volume the driver serves; default [Persistent]
   * @param storageCapacity whether the scheduler consults CSIStorageCapacity objects for this
   *     driver; default false
   * @param fsGroupPolicy whether the kubelet changes volume ownership to the Pod's fsGroup;
   *     default ReadWriteOnceWithFSType
   * @param tokenRequests service account tokens the kubelet passes to NodePublishVolume
   * @param requiresRepublish whether NodePublishVolume is called again periodically; default false
   * @param seLinuxMount whether the driver supports the {@code -o context} mount option; default
   *     false
   * @param nodeAllocatableUpdatePeriodSeconds how often the kubelet refreshes the CSINode's
   *     allocatable count (null: never)
   */
  public record Spec(
      Boolean attachRequired,
      Boolean podInfoOnMount,
      ImmutableList<VolumeLifecycleMode> volumeLifecycleModes,
      Boolean storageCapacity,
      FSGroupPolicy fsGroupPolicy,
      ImmutableList<TokenRequest> tokenRequests,
      Boolean requiresRepublish,
      Boolean seLinuxMount,
      Long nodeAllocatableUpdatePeriodSeconds) {
    public Spec {
      attachRequired = attachRequired == null ? Boolean.TRUE : attachRequired;
      podInfoOnMount = podInfoOnMount == null ? Boolean.FALSE : podInfoOnMount;
      volumeLifecycleModes = volumeLifecycleModes == null || volumeLifecycleModes.isEmpty()
          ? ImmutableList.of(VolumeLifecycleMode.PERSISTENT) : Immutables.list(volumeLifecycleModes);
      storageCapacity = storageCapacity == null ? Boolean.FALSE : storageCapacity;
      fsGroupPolicy = fsGroupPolicy == null ? FSGroupPolicy.READ_WRITE_ONCE_WITH_FS_TYPE : fsGroupPolicy;
      tokenRequests = Immutables.list(tokenRequests);
      requiresRepublish = requiresRepublish == null ? Boolean.FALSE : requiresRepublish;
      seLinuxMount = seLinuxMount == null ? Boolean.FALSE : seLinuxMount;
    }
  }

  /**
   * A service account token the kubelet requests for NodePublishVolume.
   *
   * @param audience the token's audience; empty means the API server's audiences
   * @param expirationSeconds the token's lifetime (null: the API server's default)
   */
  public record TokenRequest(String audience, Long expirationSeconds) {}

  /** {@code VolumeLifecycleMode}: the kinds of volume a driver serves. */
  public enum VolumeLifecycleMode implements WireEnum {
    /** Volumes backed by PersistentVolumes (and generic ephemeral volumes). */
    PERSISTENT("Persistent"),
    /** CSI inline volumes declared in the Pod spec. */
    EPHEMERAL("Ephemeral");

    private final String wire;

    VolumeLifecycleMode(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }

  /** {@code FSGroupPolicy}: whether the kubelet applies the Pod's fsGroup to the volume. */
  public enum FSGroupPolicy implements WireEnum {
    /** Only for ReadWriteOnce volumes with an fsType set. */
    READ_WRITE_ONCE_WITH_FS_TYPE("ReadWriteOnceWithFSType"),
    /** Always, whatever the access mode. */
    FILE("File"),
    /** Never. */
    NONE("None");

    private final String wire;

    FSGroupPolicy(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }
}
