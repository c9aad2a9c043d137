package dev.volsim.model.storage;

import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.model.Immutables;
import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.core.PersistentVolumeSpec;
import java.time.Instant;

/**
 * A VolumeAttachment: the request to attach one volume to one node, created by the
 * attach/detach controller and acted on by the CSI external-attacher. Cluster-scoped.
 *
 * @param metadata the object's metadata
 * @param spec what to attach where
 * @param status the attacher's progress; an absent status is "not attached"
 */
public record VolumeAttachment(ObjectMeta metadata, Spec spec, Status status) implements KubeObject {
  public VolumeAttachment {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = spec == null ? new Spec(null, null, null) : spec;
    status = status == null ? new Status(false, null, null, null) : status;
  }

  @Override
  public String apiVersion() {
    return "storage.k8s.io/v1";
  }

  @Override
  public String kind() {
    return "VolumeAttachment";
  }

  @Override
  public boolean namespaced() {
    return false;
  }

  /**
   * {@code VolumeAttachmentSpec}.
   *
   * @param attacher the CSI driver that attaches the volume
   * @param source the volume
   * @param nodeName the node to attach it to
   */
  public record Spec(String attacher, Source source, String nodeName) {
    public Spec {
      source = source == null ? new Source(null, null) : source;
    }
  }

  /**
   * {@code VolumeAttachmentSource}: the volume to attach; exactly one field is set.
   *
   * @param persistentVolumeName the name of the PersistentVolume
   * @param inlineVolumeSpec the spec of an in-tree inline volume migrated to CSI, which has no
   *     PersistentVolume object
   */
  public record Source(String persistentVolumeName, PersistentVolumeSpec inlineVolumeSpec) {}

  /**
   * {@code VolumeAttachmentStatus}.
   *
   * @param attached whether the volume is attached
   * @param attachmentMetadata what the driver returned from ControllerPublishVolume, passed on to
   *     the kubelet
   * @param attachError the last attach error, cleared on success
   * @param detachError the last detach error, cleared on success
   */
  public record Status(
      @dev.volsim.model.AlwaysWrite boolean attached,
      ImmutableSortedMap<String, String> attachmentMetadata,
      VolumeError attachError,
      VolumeError detachError) {
    public Status {
      attachmentMetadata = Immutables.map(attachmentMetadata);
    }
  }

  /**
   * {@code VolumeError}: an error from the attacher.
   *
   * @param time when it happened
   * @param message the error text (may be shown to users)
   * @param errorCode the gRPC status code of the CSI call, if any
   */
  public record VolumeError(Instant time, String message, Integer errorCode) {}
}
