package dev.volsim.model.storage;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.model.Immutables;
import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.core.PersistentVolumeReclaimPolicy;

/**
 * A StorageClass: how volumes of a class are provisioned and bound. Cluster-scoped.
 *
 * @param metadata the object's metadata
 * @param provisioner the provisioner's name, a qualified name; required
 * @param parameters parameters for the provisioner
 * @param reclaimPolicy the reclaim policy of provisioned volumes, Delete or Retain; defaults to
 *     Delete
 * @param mountOptions mount options of provisioned volumes
 * @param allowVolumeExpansion whether claims of the class may be expanded (null: false)
 * @param volumeBindingMode when claims are bound; defaults to Immediate
 * @param allowedTopologies where volumes may be provisioned; empty for anywhere
 */
public record StorageClass(
    ObjectMeta metadata,
    String provisioner,
    ImmutableSortedMap<String, String> parameters,
    PersistentVolumeReclaimPolicy reclaimPolicy,
    ImmutableList<String> mountOptions,
    Boolean allowVolumeExpansion,
    VolumeBindingMode volumeBindingMode,
    ImmutableList<TopologySelectorTerm> allowedTopologies) implements KubeObject {

  public StorageClass {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    parameters = Immutables.map(parameters);
    reclaimPolicy = reclaimPolicy == null ? PersistentVolumeReclaimPolicy.DELETE : reclaimPolicy;
    mountOptions = Immutables.list(mountOptions);
    volumeBindingMode = volumeBindingMode == null ? VolumeBindingMode.IMMEDIATE : volumeBindingMode;
    allowedTopologies = Immutables.list(allowedTopologies);
  }

  @Override
  public String apiVersion() {
    return "storage.k8s.io/v1";
  }

  @Override
  public String kind() {
    return "StorageClass";
  }

  @Override
  public boolean namespaced() {
    return false;
  }
}
