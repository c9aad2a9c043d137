package dev.volsim.scheduler;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.ObjectReference;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeAccessMode;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PersistentVolumeClaimPhase;
import dev.volsim.model.core.PersistentVolumePhase;
import dev.volsim.model.core.PersistentVolumeSpec;
import dev.volsim.model.storage.CSIDriver;
import dev.volsim.model.storage.CSIStorageCapacity;
import dev.volsim.model.storage.StorageClass;
import dev.volsim.model.storage.VolumeBindingMode;
import dev.volsim.model.volume.Volume;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code volumebinding} (plugin and binder): PreFilter classifies the pod's claims, Filter checks
 * bound claims' PVs and finds a PV or a provisioning for each delayed claim per node, Reserve
 * assumes the choice, PreBind writes it to the API (the {@link Scheduler} then polls
 * {@link #checkBindings} every second until every claim is fully bound or the bind timeout).
 */
final class VolumeBinding implements FilterPlugin {
  static final String NAME = "VolumeBinding";
  static final String STATE_KEY = NAME;
  static final String ANN_SELECTED_NODE = "volume.kubernetes.io/selected-node";
  static final String ANN_BIND_COMPLETED = "pv.kubernetes.io/bind-completed";
  static final String ANN_BOUND_BY_CONTROLLER = "pv.kubernetes.io/bound-by-controller";
  static final String ANN_BETA_STORAGE_CLASS = "volume.beta.kubernetes.io/storage-class";
  static final String NOT_SUPPORTED_PROVISIONER = "kubernetes.io/no-provisioner";
  static final String ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
  static final String ERR_REASON_NOT_ENOUGH_SPACE = "node(s) did not have enough free storage";
  static final String ERR_REASON_PV_NOT_EXIST =
      "node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)";
  static final String UNBOUND_IMMEDIATE = "pod has unbound immediate PersistentVolumeClaims";

  private final Handle h;

  VolumeBinding(Handle h) {
    this.h = h;
  }

  /** {@code ErrReasonNodeConflict}: renamed in 1.33. */
  String errReasonNodeConflict() {
    return h.minor() >= 33 ? "node(s) didn't match PersistentVolume's node affinity"
        : "node(s) had volume node affinity conflict";
  }

  /** The cycle's state ({@code stateData}). */
  static final class State {
    final List<PersistentVolumeClaim> bound = new ArrayList<>();
    final List<PersistentVolumeClaim> delayBinding = new ArrayList<>();
    final Map<String, PodVolumes> podVolumesByNode = new HashMap<>();
    boolean allBound;
    PodVolumes reserved;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status preFilter(CycleState cs) {
    var pod = cs.pod;
    String ns = pod.metadata().namespace();
    List<PersistentVolumeClaim> claims = new ArrayList<>();
    for (Volume v : pod.spec().volumes()) {
      String claimName = SchedulerCache.claimName(pod, v);
      if (claimName == null) {
        continue;
      }
      boolean ephemeral = v.source() instanceof dev.volsim.model.volume.EphemeralVolumeSource;
      PersistentVolumeClaim pvc = h.pvcs.get(ns, claimName).orElse(null);
      if (pvc == null) {
        return Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, ephemeral
            ? "waiting for ephemeral volume controller to create the persistentvolumeclaim \"" + claimName + "\""
            : Handle.pvcNotFound(claimName));
      }
      if (ephemeral && pvc.metadata().ownerReferences().stream()
          .noneMatch(o -> Boolean.TRUE.equals(o.controller()) && pod.metadata().uid().equals(o.uid()))) {
        // ephemeral.VolumeIsForPod
        return Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, "PVC " + ns + "/" + claimName + " was not created for pod "
            + ns + "/" + pod.metadata().name() + " (pod is not owner)");
      }
      if (pvc.status().phase() == PersistentVolumeClaimPhase.LOST) {
        return Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, "persistentvolumeclaim \"" + claimName
            + "\" bound to non-existent persistentvolume \"" + nullToEmpty(pvc.spec().volumeName()) + "\"");
      }
      if (pvc.metadata().deletionTimestamp() != null) {
        return Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, "persistentvolumeclaim \"" + claimName + "\" is being deleted");
      }
      claims.add(pvc);
    }
    if (claims.isEmpty()) {
      State s = new State();
      s.allBound = true;
      cs.write(STATE_KEY, s);
      return Status.SKIP;
    }
    State s = new State();
    boolean unboundImmediate = false;
    for (PersistentVolumeClaim pvc0 : claims) {
      PersistentVolumeClaim pvc = h.pvcCache.get(ObjectKey.of(pvc0));
      if (pvc == null) {
        pvc = pvc0;
      }
      if (isFullyBound(pvc)) {
        s.bound.add(pvc);
      } else if (isDelayBinding(pvc) && isEmpty(pvc.spec().volumeName())) {
        s.delayBinding.add(pvc);
      } else {
        unboundImmediate = true; // pre-bound claims not yet bound count as immediate
      }
    }
    if (unboundImmediate) {
      return Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, UNBOUND_IMMEDIATE);
    }
    cs.write(STATE_KEY, s);
    return Status.SUCCESS;
  }

  @Override
  public Status filter(CycleState cs, NodeInfo nodeInfo) {
    State s = cs.read(STATE_KEY, State.class);
    Node node = nodeInfo.node();
    List<String> reasons = new ArrayList<>();
    boolean boundSatisfied = true;
    boolean boundPvsFound = true;
    for (PersistentVolumeClaim pvc : s.bound) {
      PersistentVolume pv = h.pvCache.get(ObjectKey.cluster("PersistentVolume", pvc.spec().volumeName()));
      if (pv == null) {
        boundPvsFound = false;
        break;
      }
      if (!Selectors.pvMatchesNode(pv, node)) {
        boundSatisfied = false;
        break;
      }
    }
    boolean unboundSatisfied = true;
    boolean sufficientStorage = true;
    List<PodVolumes.Binding> bindings = new ArrayList<>();
    List<PersistentVolumeClaim> provisions = new ArrayList<>();
    if (boundSatisfied && boundPvsFound && !s.delayBinding.isEmpty()) {
      List<PersistentVolumeClaim> toMatch = new ArrayList<>();
      for (PersistentVolumeClaim pvc : s.delayBinding) {
        String selected = pvc.metadata().annotations().get(ANN_SELECTED_NODE);
        if (selected != null) {
          if (!selected.equals(node.metadata().name())) {
            unboundSatisfied = false; // fast path: provisioning already targets another node
            break;
          }
          provisions.add(pvc);
        } else {
          toMatch.add(pvc);
        }
      }
      if (unboundSatisfied) {
        // findMatchingVolumes: smallest claims first, each PV used at most once for the pod.
        toMatch.sort(Comparator.comparing(VolumeBinding::requestedBytes));
        Set<String> chosen = new HashSet<>();
        for (PersistentVolumeClaim pvc : toMatch) {
          PersistentVolume pv = findMatchingVolume(pvc, node, chosen);
          if (pv != null) {
            chosen.add(pv.metadata().name());
            bindings.add(new PodVolumes.Binding(pv, pvc));
          } else {
            provisions.add(pvc);
          }
        }
        for (PersistentVolumeClaim pvc : provisions) {
          String check = checkVolumeProvision(pvc, node);
          if (check == null) {
            continue;
          }
          if (check.startsWith("error:")) {
            return Status.error(check.substring("error:".length()));
          }
          if (check.equals(ERR_REASON_NOT_ENOUGH_SPACE)) {
            sufficientStorage = false;
          } else {
            unboundSatisfied = false;
          }
        }
      }
    }
    if (!boundSatisfied) {
      reasons.add(errReasonNodeConflict());
    }
    if (!unboundSatisfied) {
      reasons.add(ERR_REASON_BIND_CONFLICT);
    }
    if (!sufficientStorage) {
      reasons.add(ERR_REASON_NOT_ENOUGH_SPACE);
    }
    if (!boundPvsFound) {
      reasons.add(ERR_REASON_PV_NOT_EXIST);
    }
    if (!reasons.isEmpty()) {
      return Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, reasons);
    }
    s.podVolumesByNode.put(node.metadata().name(),
        new PodVolumes(ImmutableList.copyOf(bindings), ImmutableList.copyOf(provisions)));
    return Status.SUCCESS;
  }

  /**
   * {@code FindMatchingVolume} with delayed binding on a node: a PV pre-bound to the claim wins;
   * else the smallest Available, unclaimed PV of the claim's class with enough capacity, the
   * claim's access modes and volume mode, matching its selector and fitting the node.
   */
  PersistentVolume findMatchingVolume(PersistentVolumeClaim pvc, Node node, Set<String> excluded) {
    long requested = requestedBytes(pvc);
    String cls = claimClass(pvc);
    PersistentVolume smallest = null;
    long smallestBytes = Long.MAX_VALUE;
    for (String name : h.pvIndex.namesOfClass(cls)) {
      PersistentVolume pv = h.pvCache.get(ObjectKey.cluster("PersistentVolume", name));
      if (pv == null || excluded.contains(name)) {
        continue;
      }
      long bytes = capacityBytes(pv.spec());
      if (bytes < requested) {
        continue;
      }
      if (pv.spec().volumeMode() != pvc.spec().volumeMode()) {
        continue;
      }
      if (isBoundTo(pv, pvc)) {
        if (Selectors.pvMatchesNode(pv, node)) {
          return pv;
        }
        continue;
      }
      if (pv.spec().claimRef() != null) {
        continue;
      }
      if (pv.status().phase() != PersistentVolumePhase.AVAILABLE) {
        continue;
      }
      if (pvc.spec().selector() != null && !Selectors.matches(pvc.spec().selector(), pv.metadata().labels())) {
        continue;
      }
      if (!pv.spec().accessModes().containsAll(pvc.spec().accessModes())) {
        continue;
      }
      if (!Selectors.pvMatchesNode(pv, node)) {
        continue;
      }
      if (smallest == null || bytes < smallestBytes) {
        smallest = pv;
        smallestBytes = bytes;
      }
    }
    return smallest;
  }

  /**
   * {@code checkVolumeProvisions} for one claim: null if the class can provision on the node,
   * else the reason (or "error:" and the error): the class names a provisioner other than
   * {@code kubernetes.io/no-provisioner}, the node is inside its {@code allowedTopologies}, and
   * {@link #hasEnoughCapacity}.
   */
  String checkVolumeProvision(PersistentVolumeClaim pvc, Node node) {
    String cls = claimClass(pvc);
    if (cls.isEmpty()) {
      return "error:no class for claim \"" + pvc.metadata().namespace() + "/" + pvc.metadata().name() + "\"";
    }
    StorageClass sc = h.classes.get("", cls).orElse(null);
    if (sc == null) {
      return "error:failed to find storage class \"" + cls + "\"";
    }
    String provisioner = sc.provisioner();
    if (isEmpty(provisioner) || NOT_SUPPORTED_PROVISIONER.equals(provisioner)) {
      return ERR_REASON_BIND_CONFLICT;
    }
    if (!Selectors.matchesTopology(sc.allowedTopologies(), node.metadata().labels())) {
      return ERR_REASON_BIND_CONFLICT;
    }
    if (!hasEnoughCapacity(provisioner, pvc, sc, node)) {
      return ERR_REASON_NOT_ENOUGH_SPACE;
    }
    return null;
  }

  /**
   * {@code hasEnoughCapacity}: true unless the provisioner's CSIDriver object opts into storage
   * capacity tracking ({@code storageCapacity: true}); then some CSIStorageCapacity of the class
   * whose {@code nodeTopology} selects the node must offer the request ({@code maximumVolumeSize}
   * when set, else {@code capacity}). A claim without a storage request is not checked.
   */
  boolean hasEnoughCapacity(String provisioner, PersistentVolumeClaim pvc, StorageClass sc, Node node) {
    Quantity q = pvc.spec().resources().requests().get("storage");
    if (q == null) {
      return true; // no capacity to check for
    }
    CSIDriver driver = h.csiDrivers.get("", provisioner).orElse(null);
    if (driver == null || !Boolean.TRUE.equals(driver.spec().storageCapacity())) {
      return true; // not a CSI driver, or it does not opt into capacity tracking
    }
    java.math.BigDecimal size = q.value();
    for (CSIStorageCapacity c : h.capacities.list()) {
      if (sc.metadata().name().equals(c.storageClassName()) && capacitySufficient(c, size)
          && nodeHasAccess(node, c)) {
        return true;
      }
    }
    return false;
  }

  /** {@code capacitySufficient}: {@code maximumVolumeSize} if set (more precise), else {@code capacity}. */
  static boolean capacitySufficient(CSIStorageCapacity c, java.math.BigDecimal size) {
    Quantity limit = c.maximumVolumeSize() != null ? c.maximumVolumeSize() : c.capacity();
    return limit != null && limit.value().compareTo(size) >= 0;
  }

  /** {@code nodeHasAccess}: no {@code nodeTopology} means unavailable; else its selector matches the node. */
  static boolean nodeHasAccess(Node node, CSIStorageCapacity c) {
    if (c.nodeTopology() == null) {
      return false;
    }
    return Selectors.matches(c.nodeTopology(), node.metadata().labels());
  }

  /** Reserve ({@code AssumePodVolumes}): PVs with claimRefs and claims with selected-node assumed. */
  Status reserve(CycleState cs, String nodeName) {
    State s = cs.read(STATE_KEY, State.class);
    PodVolumes pv = s == null ? null : s.podVolumesByNode.get(nodeName);
    if (pv == null || (pv.staticBindings().isEmpty() && pv.dynamicProvisions().isEmpty())) {
      if (s != null) {
        s.allBound = true;
      }
      return Status.SUCCESS;
    }
    List<PodVolumes.Binding> bindings = new ArrayList<>();
    for (PodVolumes.Binding b : pv.staticBindings()) {
      PersistentVolume bound = bindVolumeToClaim(b.pv(), b.pvc());
      h.pvCache.assume(bound);
      bindings.add(new PodVolumes.Binding(bound, b.pvc()));
    }
    List<PersistentVolumeClaim> provisions = new ArrayList<>();
    for (PersistentVolumeClaim c : pv.dynamicProvisions()) {
      PersistentVolumeClaim selected = new PersistentVolumeClaim(
          c.metadata().toBuilder().annotation(ANN_SELECTED_NODE, nodeName).build(), c.spec(), c.status());
      h.pvcCache.assume(selected);
      provisions.add(selected);
    }
    s.allBound = false;
    s.reserved = new PodVolumes(ImmutableList.copyOf(bindings), ImmutableList.copyOf(provisions));
    return Status.SUCCESS;
  }

  /** Unreserve ({@code RevertAssumedPodVolumes}). */
  void unreserve(CycleState cs) {
    State s = cs.read(STATE_KEY, State.class);
    if (s == null || s.reserved == null) {
      return;
    }
    for (PodVolumes.Binding b : s.reserved.staticBindings()) {
      h.pvCache.restore(ObjectKey.of(b.pv()));
    }
    for (PersistentVolumeClaim c : s.reserved.dynamicProvisions()) {
      h.pvcCache.restore(ObjectKey.of(c));
    }
  }

  /** {@code GetBindVolumeToClaim}: claimRef to the claim, bound-by-controller "yes". */
  static PersistentVolume bindVolumeToClaim(PersistentVolume pv, PersistentVolumeClaim pvc) {
    ObjectReference ref = new ObjectReference("PersistentVolumeClaim", pvc.metadata().namespace(),
        pvc.metadata().name(), pvc.metadata().uid(), "v1", pvc.metadata().resourceVersion(), null);
    PersistentVolumeSpec spec = dev.volsim.model.Records.with(pv.spec(), "claimRef", ref);
    ObjectMeta meta = pv.metadata().toBuilder().annotation(ANN_BOUND_BY_CONTROLLER, "yes").build();
    return new PersistentVolume(meta, spec, pv.status());
  }

  /**
   * {@code checkBindings}: true when every claim is fully bound; an error message (no exception)
   * when binding cannot succeed any more; false to poll again.
   */
  Object checkBindings(CycleState cs, String nodeName) {
    State s = cs.read(STATE_KEY, State.class);
    Node node = h.nodes.get("", nodeName).orElse(null);
    if (node == null) {
      return "failed to get node \"" + nodeName + "\": node \"" + nodeName + "\" not found";
    }
    if (h.pods.get(ObjectKey.of(cs.pod)).isEmpty()) {
      return "pod does not exist any more: pod \"" + cs.pod.metadata().name() + "\" not found";
    }
    for (PodVolumes.Binding b : s.reserved.staticBindings()) {
      PersistentVolume pv = h.pvCache.getApi(ObjectKey.of(b.pv()));
      PersistentVolumeClaim pvc = h.pvcCache.getApi(ObjectKey.of(b.pvc()));
      if (pv == null) {
        return "failed to check binding: cannot find volume \"" + b.pv().metadata().name() + "\"";
      }
      if (pvc == null) {
        return "failed to check binding: cannot find claim \"" + b.pvc().metadata().name() + "\"";
      }
      if (olderThan(pv.metadata().resourceVersion(), b.pv().metadata().resourceVersion())) {
        return Boolean.FALSE;
      }
      if (!Selectors.pvMatchesNode(pv, node)) {
        return "pv \"" + pv.metadata().name() + "\" node affinity doesn't match node \"" + nodeName
            + "\": no matching NodeSelectorTerms";
      }
      if (pv.spec().claimRef() == null || isEmpty(pv.spec().claimRef().uid())) {
        return "ClaimRef got reset for pv \"" + pv.metadata().name() + "\"";
      }
      if (!isFullyBound(pvc)) {
        return Boolean.FALSE;
      }
    }
    for (PersistentVolumeClaim claim : s.reserved.dynamicProvisions()) {
      PersistentVolumeClaim pvc = h.pvcCache.getApi(ObjectKey.of(claim));
      if (pvc == null) {
        return "failed to check provisioning pvc: cannot find claim \"" + claim.metadata().name() + "\"";
      }
      if (olderThan(pvc.metadata().resourceVersion(), claim.metadata().resourceVersion())) {
        return Boolean.FALSE;
      }
      if (pvc.metadata().annotations().isEmpty()) {
        return "selectedNode annotation reset for PVC \"" + pvc.metadata().name() + "\"";
      }
      if (!nodeName.equals(pvc.metadata().annotations().get(ANN_SELECTED_NODE))) {
        return "provisioning failed for PVC \"" + pvc.metadata().name() + "\"";
      }
      if (!isEmpty(pvc.spec().volumeName())) {
        PersistentVolume pv = h.pvCache.getApi(ObjectKey.cluster("PersistentVolume", pvc.spec().volumeName()));
        if (pv == null) {
          return Boolean.FALSE; // not seen yet
        }
        if (!Selectors.pvMatchesNode(pv, node)) {
          return "pv \"" + pv.metadata().name() + "\" node affinity doesn't match node \"" + nodeName
              + "\": no matching NodeSelectorTerms";
        }
      }
      if (!isFullyBound(pvc)) {
        return Boolean.FALSE;
      }
    }
    return Boolean.TRUE;
  }

  State state(CycleState cs) {
    return cs.read(STATE_KEY, State.class);
  }

  private static boolean olderThan(String have, String wrote) {
    try {
      return Long.parseLong(have) < Long.parseLong(wrote);
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
  }

  static boolean isFullyBound(PersistentVolumeClaim pvc) {
    return !isEmpty(pvc.spec().volumeName()) && pvc.metadata().annotations().containsKey(ANN_BIND_COMPLETED);
  }

  boolean isDelayBinding(PersistentVolumeClaim pvc) {
    String cls = claimClass(pvc);
    if (cls.isEmpty()) {
      return false;
    }
    return h.classes.get("", cls).map(sc -> sc.volumeBindingMode() == VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER)
        .orElse(false);
  }

  /** {@code GetPersistentVolumeClaimClass}: the beta annotation wins over the field. */
  static String claimClass(PersistentVolumeClaim pvc) {
    String beta = pvc.metadata().annotations().get(ANN_BETA_STORAGE_CLASS);
    if (beta != null) {
      return beta;
    }
    return nullToEmpty(pvc.spec().storageClassName());
  }

  static boolean isBoundTo(PersistentVolume pv, PersistentVolumeClaim pvc) {
    ObjectReference ref = pv.spec().claimRef();
    if (ref == null) {
      return false;
    }
    if (!pvc.metadata().name().equals(ref.name()) || !pvc.metadata().namespace().equals(ref.namespace())) {
      return false;
    }
    return isEmpty(ref.uid()) || ref.uid().equals(pvc.metadata().uid());
  }

  static long requestedBytes(PersistentVolumeClaim pvc) {
    Quantity q = pvc.spec().resources().requests().get("storage");
    return q == null ? 0 : q.longValueCeil();
  }

  static long capacityBytes(PersistentVolumeSpec spec) {
    Quantity q = spec.capacity().get("storage");
    return q == null ? 0 : q.longValueCeil();
  }

  static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  static boolean hasAccessMode(PersistentVolumeClaim pvc, PersistentVolumeAccessMode mode) {
    return pvc.spec().accessModes().contains(mode);
  }

  @Override
  public Set<ClusterEvent> events() {
    return EnumSet.of(ClusterEvent.NODE_ADD, ClusterEvent.NODE_UPDATE, ClusterEvent.PV_ADD_OR_UPDATE,
        ClusterEvent.PVC_ADD, ClusterEvent.PVC_UPDATE, ClusterEvent.STORAGE_CLASS_ADD_OR_UPDATE,
        ClusterEvent.CSI_NODE_ADD_OR_UPDATE, ClusterEvent.CSI_DRIVER_UPDATE,
        ClusterEvent.CSI_STORAGE_CAPACITY_ADD_OR_UPDATE);
  }
}
