package dev.volsim.core.controller.persistentvolume;

import com.google.common.collect.ImmutableMap;
import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.NodeSelectorRequirement;
import dev.volsim.model.core.NodeSelectorTerm;
import dev.volsim.model.core.ObjectReference;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeAccessMode;
import dev.volsim.model.core.PersistentVolumeClaim;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Names and helpers of {@code staging/src/k8s.io/component-helpers/storage/volume/pv_helpers.go},
 * shared by the PV controller, the external provisioner and (for matching) the scheduler.
 */
public final class PvHelpers {
  /** {@code AnnBindCompleted}: the claim passed through the initial binding. */
  public static final String ANN_BIND_COMPLETED = "pv.kubernetes.io/bind-completed";
  /** {@code AnnBoundByController}: the binding was made by the controller, not pre-bound by a user. */
  public static final String ANN_BOUND_BY_CONTROLLER = "pv.kubernetes.io/bound-by-controller";
  /** {@code AnnSelectedNode}: the scheduler's node for delayed provisioning. */
  public static final String ANN_SELECTED_NODE = "volume.kubernetes.io/selected-node";
  /** {@code AnnStorageProvisioner}. */
  public static final String ANN_STORAGE_PROVISIONER = "volume.kubernetes.io/storage-provisioner";
  /** {@code AnnBetaStorageProvisioner}. */
  public static final String ANN_BETA_STORAGE_PROVISIONER = "volume.beta.kubernetes.io/storage-provisioner";
  /** {@code AnnDynamicallyProvisioned}: the provisioner that created the PV. */
  public static final String ANN_DYNAMICALLY_PROVISIONED = "pv.kubernetes.io/provisioned-by";
  /** {@code AnnMigratedTo}: CSI migration; the PV controller stands down for reclaim. */
  public static final String ANN_MIGRATED_TO = "pv.kubernetes.io/migrated-to";
  /** The beta class annotation, which takes precedence over {@code storageClassName}. */
  public static final String ANN_BETA_STORAGE_CLASS = "volume.beta.kubernetes.io/storage-class";
  /** {@code NotSupportedProvisioner}. */
  public static final String NOT_SUPPORTED_PROVISIONER = "kubernetes.io/no-provisioner";
  /** {@code PVDeletionInTreeProtectionFinalizer}. */
  public static final String PV_DELETION_IN_TREE_PROTECTION_FINALIZER = "kubernetes.io/pv-controller";
  /** {@code PVDeletionProtectionFinalizer}, put on by the external provisioner. */
  public static final String PV_DELETION_PROTECTION_FINALIZER = "external-provisioner.volume.kubernetes.io/finalizer";
  /** The in-tree hostPath provisioner's name. */
  public static final String HOST_PATH_PROVISIONER = "kubernetes.io/host-path";

  /** In-tree cloud provisioners served by CSI migration, and the CSI driver that serves each. */
  public static final ImmutableMap<String, String> CSI_MIGRATED = ImmutableMap.of(
      "kubernetes.io/aws-ebs", "ebs.csi.aws.com",
      "kubernetes.io/gce-pd", "pd.csi.storage.gke.io",
      "kubernetes.io/azure-disk", "disk.csi.azure.com",
      "kubernetes.io/cinder", "cinder.csi.openstack.org",
      "kubernetes.io/vsphere-volume", "csi.vsphere.vmware.com");

  private PvHelpers() {}

  /** {@code claimToClaimKey}: {@code namespace/name}. */
  public static String claimToClaimKey(PersistentVolumeClaim claim) {
    return claim.metadata().namespace() + "/" + claim.metadata().name();
  }

  /** {@code claimrefToClaimKey}. */
  public static String claimrefToClaimKey(ObjectReference ref) {
    return ref.namespace() + "/" + ref.name();
  }

  /** {@code IsVolumeBoundToClaim}: name and namespace match, and the uid is empty or the claim's. */
  public static boolean isVolumeBoundToClaim(PersistentVolume volume, PersistentVolumeClaim claim) {
    ObjectReference ref = volume.spec().claimRef();
    if (ref == null) {
      return false;
    }
    if (!Objects.equals(ref.name(), claim.metadata().name())
        || !Objects.equals(ref.namespace(), claim.metadata().namespace())) {
      return false;
    }
    return isEmpty(ref.uid()) || ref.uid().equals(claim.metadata().uid());
  }

  /** {@code GetPersistentVolumeClass}: the beta annotation first, then the field; "" for none. */
  public static String getPersistentVolumeClass(PersistentVolume volume) {
    String ann = volume.metadata().annotations().get(ANN_BETA_STORAGE_CLASS);
    return ann != null ? ann : volume.spec().className();
  }

  /** {@code GetPersistentVolumeClaimClass}. */
  public static String getPersistentVolumeClaimClass(PersistentVolumeClaim claim) {
    String ann = claim.metadata().annotations().get(ANN_BETA_STORAGE_CLASS);
    if (ann != null) {
      return ann;
    }
    return claim.spec().storageClassName() == null ? "" : claim.spec().storageClassName();
  }

  public static boolean hasAnnotation(KubeObject o, String key) {
    return o.metadata().annotations().containsKey(key);
  }

  static ObjectMeta withAnnotation(ObjectMeta meta, String key, String value) {
    Map<String, String> a = new TreeMap<>(meta.annotations());
    a.put(key, value);
    return meta.toBuilder().annotations(a).build();
  }

  static ObjectMeta withoutAnnotation(ObjectMeta meta, String key) {
    Map<String, String> a = new TreeMap<>(meta.annotations());
    a.remove(key);
    return meta.toBuilder().annotations(a).build();
  }

  static ObjectMeta withFinalizer(ObjectMeta meta, String finalizer) {
    if (meta.hasFinalizer(finalizer)) {
      return meta;
    }
    List<String> f = new ArrayList<>(meta.finalizers());
    f.add(finalizer);
    return meta.toBuilder().finalizers(f).build();
  }

  static ObjectMeta withoutFinalizer(ObjectMeta meta, String finalizer) {
    List<String> f = new ArrayList<>(meta.finalizers());
    f.remove(finalizer);
    return meta.toBuilder().finalizers(f).build();
  }

  /** The PV's {@code capacity.storage} in bytes (zero when missing). */
  public static BigDecimal storageOf(PersistentVolume volume) {
    Quantity q = volume.spec().capacity().get("storage");
    return q == null ? BigDecimal.ZERO : q.value();
  }

  /** The claim's {@code resources.requests.storage} in bytes (zero when missing). */
  public static BigDecimal requestOf(PersistentVolumeClaim claim) {
    Quantity q = claim.spec().resources().requests().get("storage");
    return q == null ? BigDecimal.ZERO : q.value();
  }

  /** Upstream's {@code AccessModesAsString} order: RWO, ROX, RWX, RWOP. */
  static String accessModesKey(Collection<PersistentVolumeAccessMode> modes) {
    EnumSet<PersistentVolumeAccessMode> set = modes.isEmpty()
        ? EnumSet.noneOf(PersistentVolumeAccessMode.class) : EnumSet.copyOf(modes);
    StringBuilder sb = new StringBuilder();
    for (PersistentVolumeAccessMode m : set) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(switch (m) {
        case READ_WRITE_ONCE -> "RWO";
        case READ_ONLY_MANY -> "ROX";
        case READ_WRITE_MANY -> "RWX";
        case READ_WRITE_ONCE_POD -> "RWOP";
      });
    }
    return sb.toString();
  }

  static Set<PersistentVolumeAccessMode> modesOf(Collection<PersistentVolumeAccessMode> modes) {
    return modes.isEmpty() ? EnumSet.noneOf(PersistentVolumeAccessMode.class) : EnumSet.copyOf(modes);
  }

  /**
   * {@code CheckNodeAffinity}: whether a node with these labels (and name) satisfies the PV's
   * required node affinity. A PV without node affinity fits every node.
   */
  public static boolean checkNodeAffinity(PersistentVolume volume, String nodeName, Map<String, String> nodeLabels) {
    if (volume.spec().nodeAffinity() == null || volume.spec().nodeAffinity().required() == null) {
      return true;
    }
    for (NodeSelectorTerm term : volume.spec().nodeAffinity().required().nodeSelectorTerms()) {
      if (termMatches(term, nodeName, nodeLabels)) {
        return true;
      }
    }
    return false;
  }

  private static boolean termMatches(NodeSelectorTerm term, String nodeName, Map<String, String> labels) {
    if (term.matchExpressions().isEmpty() && term.matchFields().isEmpty()) {
      return false; // a term with no requirement matches no node
    }
    for (NodeSelectorRequirement r : term.matchExpressions()) {
      if (!requirementMatches(r, labels.get(r.key()), labels.containsKey(r.key()))) {
        return false;
      }
    }
    for (NodeSelectorRequirement r : term.matchFields()) {
      boolean isName = "metadata.name".equals(r.key());
      if (!requirementMatches(r, isName ? nodeName : null, isName)) {
        return false;
      }
    }
    return true;
  }

  private static boolean requirementMatches(NodeSelectorRequirement r, String value, boolean present) {
    if (r.operator() == null) {
      return false;
    }
    return switch (r.operator()) {
      case IN -> present && r.values().contains(value);
      case NOT_IN -> !present || !r.values().contains(value);
      case EXISTS -> present;
      case DOES_NOT_EXIST -> !present;
      case GT, LT -> {
        if (!present || r.values().size() != 1) {
          yield false;
        }
        try {
          long v = Long.parseLong(value);
          long bound = Long.parseLong(r.values().get(0));
          yield r.operator() == dev.volsim.model.core.NodeSelectorOperator.GT ? v > bound : v < bound;
        } catch (NumberFormatException e) {
          yield false;
        }
      }
    };
  }

  static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
