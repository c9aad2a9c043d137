package dev.volsim.core.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.ApiServer;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.cluster.ComponentConfig;
import dev.volsim.core.cluster.CsiDriverProfile;
import dev.volsim.core.cluster.KubernetesVersion;
import dev.volsim.core.cluster.OperationFaults;
import dev.volsim.core.controller.attachdetach.AttachDetachController;
import dev.volsim.core.controller.attachdetach.ExternalAttacher;
import dev.volsim.core.controller.persistentvolume.ExternalProvisioner;
import dev.volsim.core.controller.persistentvolume.PersistentVolumeController;
import dev.volsim.core.engine.Engine;
import dev.volsim.core.engine.Latencies;
import dev.volsim.core.trace.TraceEntry;
import dev.volsim.core.trace.TraceRecorder;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.KubeObject;
import dev.volsim.model.core.AttachedVolume;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PersistentVolumeClaimPhase;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.storage.VolumeAttachment;
import dev.volsim.model.volume.CSIPersistentVolumeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The node-side volume chain in core alone: PV controller + external-provisioner, attach/detach
 * controller + external-attacher and one kubelet per node, with the Pod's nodeName set by hand.
 */
class NodeSideChainTest {
  static final String DRIVER = "disk.csi.volsim.dev";

  final Engine engine = new Engine(11);
  final TraceRecorder trace = new TraceRecorder();
  final ApiServer api;
  final ApiClient user;
  final ClusterContext ctx;
  final Map<String, Kubelet> kubelets = new LinkedHashMap<>();
  final Map<String, NodeDisk> disks = new LinkedHashMap<>();

  NodeSideChainTest() {
    engine.trace().addListener(trace);
    api = new ApiServer(engine);
    user = api.client("kubectl");
    ctx = new ClusterContext(engine, api, KubernetesVersion.DEFAULT, KubernetesVersion.DEFAULT.defaultFeatureGates(),
        ComponentConfig.defaults(), Latencies.defaults(), ImmutableList.of(CsiDriverProfile.withDefaults(DRIVER)),
        new OperationFaults());
    for (int i = 1; i <= 2; i++) {
      apply("{apiVersion: v1, kind: Node, metadata: {name: node-" + i + ", labels: {kubernetes.io/hostname: node-" + i
          + "}, annotations: {volumes.kubernetes.io/controller-managed-attach-detach: 'true'}}}");
    }
    apply("{apiVersion: storage.k8s.io/v1, kind: CSIDriver, metadata: {name: " + DRIVER + "},"
        + " spec: {attachRequired: true}}");
    new PersistentVolumeController(ctx).start();
    new ExternalProvisioner(ctx).start();
    new AttachDetachController(ctx).start();
    new ExternalAttacher(ctx).start();
    for (int i = 1; i <= 2; i++) {
      String name = "node-" + i;
      NodeDisk disk = NodeDisk.create(name, FileTree.UNLIMITED, List.of());
      disks.put(name, disk);
      Kubelet k = new Kubelet(ctx, name, disk);
      kubelets.put(name, k);
      k.start();
    }
    engine.runFor(Duration.ofSeconds(1));
  }

  void apply(String yaml) {
    LoadResult r = ManifestLoader.strict().parse("t.yaml", "---\n" + yaml);
    assertThat(r.errors()).isEmpty();
    for (KubeObject o : r.objects()) {
      user.create(o);
    }
  }

  Pod pod(String name) {
    return api.get(Pod.class, "default", name).orElse(null);
  }

  Node node(String name) {
    return api.get(Node.class, "", name).orElseThrow();
  }

  List<String> volumesInUse(String node) {
    Node n = node(node);
    return n.status() == null ? List.of() : n.status().volumesInUse();
  }

  List<String> volumesAttached(String node) {
    Node n = node(node);
    return n.status() == null ? List.of() : n.status().volumesAttached().stream().map(AttachedVolume::name).toList();
  }

  TraceEntry first(String type) {
    return trace.entries().stream().filter(e -> e.type().equals(type)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " in trace:\n" + dump()));
  }

  String dump() {
    StringBuilder sb = new StringBuilder();
    for (TraceEntry e : trace.entries()) {
      if (e.type().equals("EngineEvent")) {
        continue;
      }
      sb.append(e.timeMicros()).append(' ').append(e.type()).append(' ').append(e.message()).append('\n');
    }
    return sb.toString();
  }

  List<String> types(String... wanted) {
    List<String> w = List.of(wanted);
    return trace.entries().stream().map(TraceEntry::type).filter(w::contains).toList();
  }

  @Test
  void csiVolumeIsProvisionedAttachedMountedThenUnmountedAndDetachedInUpstreamOrder() {
    apply("{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: disk}, provisioner: " + DRIVER + ","
        + " volumeBindingMode: Immediate}");
    apply("{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data, namespace: default},"
        + " spec: {accessModes: [ReadWriteOnce], storageClassName: disk, resources: {requests: {storage: 1Gi}}}}");
    apply("{apiVersion: v1, kind: Pod, metadata: {name: db, namespace: default}, spec: {nodeName: node-1,"
        + " containers: [{name: c, image: 'busybox:1.36', volumeMounts: [{name: data, mountPath: /data}]}],"
        + " volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]}}");

    List<String> inUseSeen = new ArrayList<>();
    List<String> attachedSeen = new ArrayList<>();
    for (int i = 0; i < 6000 && (pod("db") == null || pod("db").phase() != PodPhase.RUNNING); i++) {
      engine.runFor(Duration.ofMillis(10));
      if (inUseSeen.isEmpty() && !volumesInUse("node-1").isEmpty()) {
        inUseSeen.add(engine.nowMicros() + "");
        // the kubelet does not mount before its node status listed the volume in volumesInUse
        assertThat(types("MountDevice")).isEmpty();
      }
      if (attachedSeen.isEmpty() && !volumesAttached("node-1").isEmpty()) {
        attachedSeen.add(engine.nowMicros() + "");
        assertThat(types("MountDevice")).isEmpty();
      }
    }
    assertThat(pod("db").phase()).as(dump()).isEqualTo(PodPhase.RUNNING);

    PersistentVolumeClaim claim = api.get(PersistentVolumeClaim.class, "default", "data").orElseThrow();
    assertThat(claim.status().phase()).isEqualTo(PersistentVolumeClaimPhase.BOUND);
    String pvName = claim.spec().volumeName();
    PersistentVolume pv = api.get(PersistentVolume.class, "", pvName).orElseThrow();
    String unique = "kubernetes.io/csi/" + DRIVER + "^" + ((CSIPersistentVolumeSource) pv.spec().source()).volumeHandle();
    assertThat(volumesInUse("node-1")).containsExactly(unique);
    assertThat(volumesAttached("node-1")).containsExactly(unique);
    assertThat(inUseSeen).isNotEmpty();
    assertThat(attachedSeen).isNotEmpty();
    // upstream: the ADC attaches without waiting for volumesInUse; the kubelet mounts after both
    long mountDevice = first("MountDevice").timeMicros();
    assertThat(Long.parseLong(inUseSeen.get(0))).isLessThanOrEqualTo(mountDevice);
    assertThat(Long.parseLong(attachedSeen.get(0))).isLessThanOrEqualTo(mountDevice);
    assertThat(first("AttachVolume").timeMicros()).isLessThan(mountDevice);
    // once the claim is Bound the populator's earlier "PVC is not bound" errors are gone: no FailedMount after it
    long bound = first("Bound").timeMicros();
    assertThat(trace.entries().stream().filter(e -> "FailedMount".equals(e.attribute("reason")))
        .filter(e -> e.timeMicros() > bound + 100_000)).as(dump()).isEmpty();
    List<VolumeAttachment> vas = api.list(VolumeAttachment.class);
    assertThat(vas).hasSize(1);
    assertThat(vas.get(0).spec().nodeName()).isEqualTo("node-1");
    assertThat(vas.get(0).status().attached()).isTrue();

    // the container sees the disk
    RunningContainer c = kubelets.get("node-1").container("default", "db", "c").orElseThrow();
    c.namespace().write("/data/f", "hi", Credentials.ROOT);
    assertThat(c.namespace().readString("/data/f", Credentials.ROOT)).isEqualTo("hi");

    // delete the Pod
    user.delete(ObjectKey.namespaced("Pod", "default", "db"));
    long inUseDropped = -1;
    for (int i = 0; i < 12000 && !api.list(VolumeAttachment.class).isEmpty(); i++) {
      engine.runFor(Duration.ofMillis(10));
      if (inUseDropped < 0 && volumesInUse("node-1").isEmpty()) {
        inUseDropped = engine.nowMicros();
        // the volume leaves volumesInUse only after the kubelet unmounted the device; detach comes after
        assertThat(types("UnmountDevice")).as(dump()).hasSize(1);
        assertThat(types("DetachVolume")).isEmpty();
        assertThat(api.list(VolumeAttachment.class)).hasSize(1);
      }
    }
    assertThat(inUseDropped).as(dump()).isPositive();
    assertThat(first("DetachVolume").timeMicros()).isGreaterThanOrEqualTo(inUseDropped);
    engine.runFor(Duration.ofSeconds(5));

    assertThat(types("AttachVolume", "MountDevice", "SetUp", "ContainerStarted", "TearDown", "PodRemoved",
        "UnmountDevice", "DetachVolume")).as(dump())
        .containsExactly("AttachVolume", "MountDevice", "SetUp", "ContainerStarted", "TearDown", "PodRemoved",
            "UnmountDevice", "DetachVolume");
    long killing = trace.entries().stream().filter(e -> "Killing".equals(e.attribute("reason"))).findFirst()
        .orElseThrow(() -> new AssertionError("no Killing\n" + dump())).timeMicros();
    assertThat(killing).isLessThanOrEqualTo(first("TearDown").timeMicros());

    assertThat(pod("db")).isNull();
    assertThat(api.list(VolumeAttachment.class)).isEmpty();
    assertThat(volumesInUse("node-1")).isEmpty();
    assertThat(volumesAttached("node-1")).isEmpty();
    assertThat(api.get(PersistentVolumeClaim.class, "default", "data").orElseThrow().status().phase())
        .isEqualTo(PersistentVolumeClaimPhase.BOUND);
    assertThat(kubelets.get("node-1").volumesInUse()).isEmpty();
    assertThat(types("AttachVolume", "DetachVolume")).hasSize(2);
  }

  @Test
  void emptyDirFileGoesWithThePodWhileHostPathFileStaysOnTheNode() {
    apply("{apiVersion: v1, kind: Pod, metadata: {name: web, namespace: default}, spec: {nodeName: node-2,"
        + " containers: [{name: c, image: 'busybox:1.36', volumeMounts: [{name: scratch, mountPath: /scratch},"
        + " {name: host, mountPath: /host}]}],"
        + " volumes: [{name: scratch, emptyDir: {}}, {name: host, hostPath: {path: /srv/shared, type: DirectoryOrCreate}}]}}");
    engine.runFor(Duration.ofSeconds(30));
    assertThat(pod("web").phase()).as(dump()).isEqualTo(PodPhase.RUNNING);
    String uid = pod("web").metadata().uid();
    RunningContainer c = kubelets.get("node-2").container("default", "web", "c").orElseThrow();
    c.namespace().write("/scratch/tmp.txt", "scratch", Credentials.ROOT);
    c.namespace().write("/host/keep.txt", "kept", Credentials.ROOT);

    FileTree root = disks.get("node-2").root();
    String emptyDirPath = NodeDisk.podVolumeDirectory(uid, "kubernetes.io/empty-dir", "scratch") + "/tmp.txt";
    assertThat(root.exists(emptyDirPath, Credentials.ROOT)).as(emptyDirPath).isTrue();
    assertThat(root.readString("/srv/shared/keep.txt", Credentials.ROOT)).isEqualTo("kept");

    user.delete(ObjectKey.namespaced("Pod", "default", "web"));
    engine.runFor(Duration.ofSeconds(40));

    assertThat(pod("web")).isNull();
    assertThat(types("TearDown")).hasSize(2);
    assertThat(first("PodRemoved").timeMicros()).isGreaterThanOrEqualTo(first("TearDown").timeMicros());
    assertThat(root.exists(emptyDirPath, Credentials.ROOT)).isFalse();
    assertThat(root.readString("/srv/shared/keep.txt", Credentials.ROOT)).isEqualTo("kept");
    assertThat(kubelets.get("node-2").container("default", "web", "c")).isEmpty();
  }
}
