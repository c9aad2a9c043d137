package dev.volsim.core.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.ApiServer;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.cluster.ComponentConfig;
import dev.volsim.core.cluster.KubernetesVersion;
import dev.volsim.core.cluster.OperationFaults;
import dev.volsim.core.engine.Engine;
import dev.volsim.core.engine.Latencies;
import dev.volsim.core.trace.TraceEntry;
import dev.volsim.core.trace.TraceRecorder;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.KubeObject;
import dev.volsim.model.Records;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PersistentVolumeClaimPhase;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeletTest {
  final Engine engine = new Engine(7);
  final TraceRecorder trace = new TraceRecorder();
  final ApiServer api;
  final ApiClient user;
  final ClusterContext ctx;
  final Kubelet kubelet;

  KubeletTest() {
    engine.trace().addListener(trace);
    api = new ApiServer(engine);
    user = api.client("kubectl");
    ctx = new ClusterContext(engine, api, KubernetesVersion.DEFAULT, KubernetesVersion.DEFAULT.defaultFeatureGates(),
        ComponentConfig.defaults(), Latencies.defaults(), ImmutableList.of(), new OperationFaults());
    apply("{apiVersion: v1, kind: Node, metadata: {name: node-1}}");
    kubelet = new Kubelet(ctx, "node-1", NodeDisk.create("node-1", FileTree.UNLIMITED, List.of()));
    kubelet.start();
    engine.runUntilQuiescent();
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

  List<String> types(String... wanted) {
    List<String> w = List.of(wanted);
    return trace.entries().stream().map(e -> e.type().equals("Event") ? e.attribute("reason") : e.type())
        .filter(w::contains).toList();
  }

  void emptyDirPod() {
    apply("{apiVersion: v1, kind: Pod, metadata: {name: web, namespace: default}, spec: {nodeName: node-1,"
        + " containers: [{name: c, image: 'busybox:1.36', volumeMounts: [{name: scratch, mountPath: /data}]}],"
        + " volumes: [{name: scratch, emptyDir: {}}]}}");
  }

  @Test
  void emptyDirPodGoesRunningWithEventsInOrderAndSetUpBeforeContainerStarted() {
    emptyDirPod();
    engine.runFor(Duration.ofSeconds(30));
    assertThat(pod("web").phase()).isEqualTo(PodPhase.RUNNING);
    assertThat(types("Pulling", "Pulled", "Created", "Started")).containsExactly("Pulling", "Pulled", "Created", "Started");
    assertThat(types("SetUp", "ContainerStarted")).containsExactly("SetUp", "ContainerStarted");
    assertThat(pod("web").status().condition("Ready").orElseThrow().status().wire()).isEqualTo("True");
    RunningContainer c = kubelet.container("default", "web", "c").orElseThrow();
    c.namespace().write("/data/f", "hi", Credentials.ROOT);
    assertThat(c.namespace().readString("/data/f", Credentials.ROOT)).isEqualTo("hi");
  }

  @Test
  void deletionKillsThenTearsDownThenRemovesPod() {
    emptyDirPod();
    engine.runFor(Duration.ofSeconds(30));
    user.delete(ObjectKey.namespaced("Pod", "default", "web"));
    engine.runFor(Duration.ofSeconds(40));
    assertThat(pod("web")).isNull();
    assertThat(types("Killing", "ContainerKilled", "TearDown")).containsExactly("Killing", "ContainerKilled", "TearDown");
    long tearDown = trace.entries().stream().filter(e -> e.type().equals("TearDown")).findFirst().orElseThrow().timeMicros();
    assertThat(trace.entries().stream().filter(e -> e.type().equals("PodRemoved")).findFirst().orElseThrow().timeMicros())
        .isGreaterThanOrEqualTo(tearDown);
  }

  @Test
  void waitForAttachAndMountTimesOutQuietlyAndVolumesInUseIsReported() {
    apply("{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data, namespace: default},"
        + " spec: {accessModes: [ReadWriteOnce], volumeName: pv-1, storageClassName: '', resources: {requests: {storage: 1Gi}}}}");
    PersistentVolumeClaim c = api.get(PersistentVolumeClaim.class, "default", "data").orElseThrow();
    apply("{apiVersion: v1, kind: PersistentVolume, metadata: {name: pv-1}, spec: {capacity: {storage: 1Gi},"
        + " accessModes: [ReadWriteOnce], storageClassName: '', gcePersistentDisk: {pdName: disk-1},"
        + " claimRef: {kind: PersistentVolumeClaim, namespace: default, name: data, uid: " + c.metadata().uid() + "}}}");
    user.updateStatus(new PersistentVolumeClaim(c.metadata(), c.spec(),
        Records.with(c.status(), "phase", PersistentVolumeClaimPhase.BOUND)));
    apply("{apiVersion: v1, kind: Pod, metadata: {name: db, namespace: default}, spec: {nodeName: node-1,"
        + " containers: [{name: c, image: 'busybox:1.36', volumeMounts: [{name: data, mountPath: /data}]}],"
        + " volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]}}");
    long created = engine.nowMicros();
    engine.runFor(Duration.ofSeconds(11));
    assertThat(api.get(Node.class, "", "node-1").orElseThrow().status().volumesInUse())
        // CSI migration: the in-tree GCE PD is pd.csi.storage.gke.io's volume under the translated handle.
        .containsExactly("kubernetes.io/csi/pd.csi.storage.gke.io^projects/UNSPECIFIED/zones/UNSPECIFIED/disks/disk-1");
    engine.runFor(Duration.ofSeconds(115));
    // From 1.28 the 2m3s wait ends as an interrupted context: syncPod records no event, the Pod
    // just waits on (the 1.27 wording is shown by KubeletWaitTimeoutTest in scheduler-sim).
    assertThat(trace.entries().stream().filter(e -> "FailedMount".equals(e.attribute("reason")))).isEmpty();
    assertThat(engine.nowMicros() - created).isGreaterThan(123_400_000L);
    assertThat(pod("db").phase()).isEqualTo(PodPhase.PENDING);
  }

  @Test
  void idleKubeletCostsOnlyItsHeartbeats() {
    long before = engine.executedEvents();
    int seen = trace.entries().size();
    engine.runFor(Duration.ofHours(1));
    // One Lease renewal every 10 s (nodeLeaseRenewIntervalFraction 0.25 of 40 s), nothing else.
    assertThat(engine.executedEvents() - before).isEqualTo(360);
    assertThat(trace.entries().subList(seen, trace.entries().size()).stream()
        .filter(e -> e.type().equals("EngineEvent")).map(e -> e.attribute("event")).distinct())
        .containsExactly("heartbeat");
    assertThat(engine.runUntilQuiescent()).isZero();
  }
}
