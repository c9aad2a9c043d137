package dev.volsim.core.controller.attachdetach;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.ApiServer;
import dev.volsim.core.api.DeleteOptions;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.cluster.ComponentConfig;
import dev.volsim.core.cluster.CsiDriverProfile;
import dev.volsim.core.cluster.KubernetesVersion;
import dev.volsim.core.cluster.OperationFaults;
import dev.volsim.core.engine.Engine;
import dev.volsim.core.engine.Latencies;
import dev.volsim.core.trace.TraceEntry;
import dev.volsim.core.trace.TraceRecorder;
import dev.volsim.model.KubeObject;
import dev.volsim.model.core.AttachedVolume;
import dev.volsim.model.core.ConditionStatus;
import dev.volsim.model.core.Event;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.NodeCondition;
import dev.volsim.model.core.NodeSpec;
import dev.volsim.model.core.NodeStatus;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PersistentVolumeClaimPhase;
import dev.volsim.model.core.Taint;
import dev.volsim.model.core.TaintEffect;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.storage.VolumeAttachment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small cluster for the attach/detach controller's tests: managed, Ready nodes node-1..3, the
 * CSI driver {@code disk.csi.test} (attach required), the controller and the external-attacher.
 * No kubelet runs: tests set {@code status.volumesInUse} by hand in its place.
 */
final class AdcTestCluster {
  static final String DRIVER = "disk.csi.test";

  final Engine engine = new Engine(42);
  final TraceRecorder traceRecorder = new TraceRecorder();
  final ApiServer api;
  final ApiClient user;
  final ApiClient kubelet;
  final ClusterContext ctx;
  final AttachDetachController adc;

  AdcTestCluster() {
    this(Map.of());
  }

  AdcTestCluster(Map<String, Object> config) {
    engine.trace().addListener(traceRecorder);
    api = new ApiServer(engine);
    user = api.client("kubectl");
    kubelet = api.client("kubelet");
    ctx = new ClusterContext(engine, api, KubernetesVersion.DEFAULT, KubernetesVersion.DEFAULT.defaultFeatureGates(),
        ComponentConfig.defaults().with(config), Latencies.defaults(),
        ImmutableList.of(CsiDriverProfile.withDefaults(DRIVER)), new OperationFaults());
    for (int i = 1; i <= 3; i++) {
      apply("{apiVersion: v1, kind: Node, metadata: {name: node-" + i + ", annotations: {"
          + AttachDetachController.CONTROLLER_MANAGED_ATTACH_ANNOTATION + ": 'true'}}}");
      setReady("node-" + i, true);
    }
    adc = new AttachDetachController(ctx);
    adc.start();
    new ExternalAttacher(ctx).start();
  }

  static List<KubeObject> parse(String yaml) {
    LoadResult r = ManifestLoader.strict().parse("test.yaml", yaml.startsWith("---") ? yaml : "---\n" + yaml);
    if (!r.errors().isEmpty()) {
      throw new IllegalArgumentException(r.errors().toString() + " in " + yaml);
    }
    return r.objects();
  }

  void apply(String yaml) {
    for (KubeObject o : parse(yaml)) {
      user.create(o);
    }
  }

  /** A claim and a volume bound to each other, as the PV controller would leave them. */
  void boundClaim(String claim, String pv, String source, String accessMode) {
    apply("{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: " + claim + ", namespace: default},"
        + " spec: {accessModes: [" + accessMode + "], volumeName: " + pv + ", storageClassName: '',"
        + " resources: {requests: {storage: 1Gi}}}}");
    PersistentVolumeClaim c = api.get(PersistentVolumeClaim.class, "default", claim).orElseThrow();
    apply("{apiVersion: v1, kind: PersistentVolume, metadata: {name: " + pv + "}, spec: {capacity: {storage: 1Gi},"
        + " accessModes: [" + accessMode + "], storageClassName: '', " + source + ","
        + " claimRef: {kind: PersistentVolumeClaim, namespace: default, name: " + claim + ", uid: " + c.metadata().uid()
        + "}}}");
    user.updateStatus(new PersistentVolumeClaim(c.metadata(), c.spec(),
        dev.volsim.model.Records.with(c.status(), "phase", PersistentVolumeClaimPhase.BOUND)));
  }

  void csiClaim(String claim, String pv, String handle, String accessMode) {
    boundClaim(claim, pv, "csi: {driver: " + DRIVER + ", volumeHandle: " + handle + "}", accessMode);
  }

  void pod(String name, String node, String claim) {
    apply("{apiVersion: v1, kind: Pod, metadata: {name: " + name + ", namespace: default}, spec: {nodeName: " + node
        + ", containers: [{name: c, image: busybox}], volumes: [{name: data, persistentVolumeClaim: {claimName: "
        + claim + "}}]}}");
  }

  void forceDeletePod(String name) {
    user.delete(ObjectKey.namespaced("Pod", "default", name), DeleteOptions.force());
  }

  Node node(String name) {
    return api.get(Node.class, "", name).orElseThrow();
  }

  private NodeStatus status(Node n) {
    return n.status() != null ? n.status() : new NodeStatus(null, null, null, null, null, null, null, null, null, null);
  }

  void setReady(String node, boolean ready) {
    Node n = node(node);
    kubelet.updateStatus(n.withStatus(status(n).withConditions(List.of(new NodeCondition(NodeCondition.READY,
        ready ? ConditionStatus.TRUE : ConditionStatus.FALSE, null, null, null, null)))));
  }

  /** Stands in for the kubelet reporting the volumes it uses. */
  void setVolumesInUse(String node, String... volumes) {
    Node n = node(node);
    kubelet.updateStatus(n.withStatus(status(n).withVolumesInUse(List.of(volumes))));
  }

  void taint(String node, String key) {
    Node n = node(node);
    user.update(n.withSpec(new NodeSpec(null, null, null, false,
        ImmutableList.of(new Taint(key, null, TaintEffect.NO_EXECUTE, null)))));
  }

  List<AttachedVolume> volumesAttached(String node) {
    Node n = node(node);
    return n.status() == null ? List.of() : n.status().volumesAttached();
  }

  List<VolumeAttachment> volumeAttachments() {
    return api.list(VolumeAttachment.class);
  }

  void run(Duration d) {
    engine.runFor(d);
  }

  /** "Reason: message" of every Event about the Pod, oldest first. */
  List<String> events(String pod) {
    List<String> out = new ArrayList<>();
    for (Event e : api.list(Event.class)) {
      if (e.involvedObject() != null && "Pod".equals(e.involvedObject().kind()) && pod.equals(e.involvedObject().name())) {
        out.add(e.reason() + ": " + e.message());
      }
    }
    return out;
  }

  List<TraceEntry> trace(String type) {
    return traceRecorder.entries().stream().filter(t -> t.type().equals(type)).toList();
  }

  void inject(String operation, int times, String message) {
    ctx.faults().add(new OperationFaults.Rule(operation, null, times, OperationFaults.Mode.ERROR, message));
  }
}
