package dev.volsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.api.DeleteOptions;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.cluster.CsiDriverProfile;
import dev.volsim.core.kubelet.RunningContainer;
import dev.volsim.core.trace.TraceEntry;
import dev.volsim.core.trace.TraceRecorder;
import dev.volsim.core.volume.CsiPlugin;
import dev.volsim.core.world.BlockDevice;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileSpec;
import dev.volsim.core.world.FileTree;
import dev.volsim.model.KubeObject;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeAccessMode;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.storage.VolumeAttachment;
import dev.volsim.model.volume.CSIPersistentVolumeSource;
import dev.volsim.sim.ClusterNode;
import dev.volsim.sim.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Seed claim C33 (CSI and a replicated CSI storage system) and the format-on-first-MountDevice part
 * of C7, on a whole simulated cluster: the external-provisioner makes the volume's device, the
 * attach/detach controller and external-attacher attach it (VolumeAttachment), the kubelet's
 * {@code kubernetes.io/csi} plugin stages and publishes it, and the data lives in the world's device,
 * so it follows the Pod to another node.
 */
class SeedClaimsCsiTest {
  static final String DISK = "disk.csi.example.com";
  static final String LOCAL = "local.csi.example.com";
  static final String INLINE = "inline.csi.example.com";
  static final String LONGHORN = "driver.longhorn.io";

  final TraceRecorder trace = new TraceRecorder();
  final Simulation sim;

  SeedClaimsCsiTest() {
    List<ClusterNode> nodes = List.of(ClusterNode.of("node-1", "zone-a", List.of()),
        ClusterNode.of("node-2", "zone-a", List.of()), ClusterNode.of("node-3", "zone-a", List.of()),
        ClusterNode.of("node-4", "zone-a", List.of()));
    CsiDriverProfile disk = CsiDriverProfile.withDefaults(DISK);
    // attachRequired: false and no staging (as many NFS-like or local drivers).
    CsiDriverProfile local = new CsiDriverProfile(LOCAL, false, false, false, null, null, null, null, null, null,
        null, null, null, null, 1, false, null, null);
    CsiDriverProfile inline = new CsiDriverProfile(INLINE, false, false, true,
        ImmutableList.of("Persistent", "Ephemeral"), null, null, null, null, null, null, null, null, null, 1, false,
        null, null);
    CsiDriverProfile longhorn = new CsiDriverProfile(LONGHORN, true, true, false, null, null,
        ImmutableList.of(PersistentVolumeAccessMode.READ_WRITE_ONCE, PersistentVolumeAccessMode.READ_WRITE_MANY),
        null, null, null, null, null, null, "numberOfReplicas", 3, true, null, null);
    CsiDriverProfile pd = CsiDriverProfile.withDefaults("pd.csi.storage.gke.io");
    sim = Simulation.builder().seed(5).traceListener(trace).nodes(nodes)
        .csiDrivers(List.of(disk, local, inline, longhorn, pd)).build();
    apply("{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: disk}, provisioner: " + DISK
        + ", volumeBindingMode: WaitForFirstConsumer}");
    apply("{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: local}, provisioner: " + LOCAL + "}");
    apply("{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: longhorn}, provisioner: " + LONGHORN
        + ", parameters: {numberOfReplicas: '2'}}");
    sim.runFor(Duration.ofSeconds(1));
  }

  void apply(String yaml) {
    LoadResult r = ManifestLoader.strict().parse("t.yaml", "---\n" + yaml);
    assertThat(r.errors()).isEmpty();
    for (KubeObject o : r.objects()) {
      sim.apply(o);
    }
  }

  void claim(String name, String cls, String mode) {
    apply("{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: " + name + ", namespace: default},"
        + " spec: {storageClassName: " + cls + ", accessModes: [" + mode + "], resources: {requests: {storage: 1Gi}}}}");
  }

  void pod(String name, String node, String volumes) {
    apply("{apiVersion: v1, kind: Pod, metadata: {name: " + name + ", namespace: default}, spec: {"
        + "nodeSelector: {kubernetes.io/hostname: " + node + "}, terminationGracePeriodSeconds: 0,"
        + " containers: [{name: c, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}],"
        + " volumes: [" + volumes + "]}}");
  }

  Pod pod(String name) {
    return sim.api().get(Pod.class, "default", name).orElse(null);
  }

  void delete(String pod) {
    sim.client("kubectl").delete(ObjectKey.namespaced("Pod", "default", pod), DeleteOptions.defaults());
  }

  RunningContainer container(String pod) {
    return sim.kubelet(pod(pod).spec().nodeName()).orElseThrow().container("default", pod, "c").orElseThrow();
  }

  PersistentVolume volumeOf(String claim) {
    PersistentVolumeClaim c = sim.api().get(PersistentVolumeClaim.class, "default", claim).orElseThrow();
    return sim.api().get(PersistentVolume.class, "", c.spec().volumeName()).orElseThrow();
  }

  List<VolumeAttachment> attachments() {
    return sim.api().list(VolumeAttachment.class);
  }

  String dump() {
    StringBuilder sb = new StringBuilder();
    for (TraceEntry e : trace.entries()) {
      sb.append(e.timeMicros()).append(' ').append(e.type()).append(' ').append(e.message()).append('\n');
    }
    return sb.toString();
  }

  List<String> events(String reason) {
    return trace.entries().stream().filter(e -> e.type().equals("Event") && reason.equals(e.attribute("reason")))
        .map(TraceEntry::message).toList();
  }

  @Test
  void C33_aProvisionedCsiVolumeIsAttachedStagedPublishedAndItsDataFollowsThePodToAnotherNode() {
    claim("data", "disk", "ReadWriteOnce");
    pod("db", "node-1", "{name: data, persistentVolumeClaim: {claimName: data}}");
    sim.runFor(Duration.ofMinutes(1));
    assertThat(pod("db").status().phase()).as(dump()).isEqualTo(PodPhase.RUNNING);

    PersistentVolume pv = volumeOf("data");
    CSIPersistentVolumeSource csi = (CSIPersistentVolumeSource) pv.spec().source();
    String backend = "csi:" + DISK + "/" + csi.volumeHandle();
    // CreateVolume made the device; the first NodeStage formatted it (C7: format on first MountDevice).
    BlockDevice device = sim.world().existingBlockDevice(backend).orElseThrow();
    assertThat(device.fsType()).contains("ext4");
    assertThat(device.sizeBytes()).isEqualTo(1L << 30);
    // ControllerPublish: one VolumeAttachment for node-1, attached.
    assertThat(attachments()).hasSize(1);
    assertThat(attachments().get(0).spec().nodeName()).isEqualTo("node-1");
    assertThat(attachments().get(0).status().attached()).isTrue();
    // NodeStage at the staging path, NodePublish at the Pod's path.
    FileTree node1 = sim.world().nodeDisk("node-1").orElseThrow().root();
    String staging = CsiPlugin.deviceMountPath(DISK, csi.volumeHandle());
    assertThat(staging).matches("/var/lib/kubelet/plugins/kubernetes.io/csi/" + DISK.replace(".", "\\.")
        + "/[0-9a-f]{64}/globalmount");
    assertThat(node1.exists(staging, Credentials.ROOT)).isTrue();
    assertThat(node1.readString(staging.replace("/globalmount", "/vol_data.json"), Credentials.ROOT))
        .contains("\"volumeHandle\":\"" + csi.volumeHandle() + "\"");
    String uid = pod("db").metadata().uid();
    assertThat(node1.exists("/var/lib/kubelet/pods/" + uid + "/volumes/kubernetes.io~csi/" + pv.metadata().name()
        + "/mount", Credentials.ROOT)).isTrue();
    assertThat(events("SuccessfulAttachVolume")).hasSize(1);

    RunningContainer c = container("db");
    assertThat(c.namespace().stat("/data/lost+found", Credentials.ROOT).mode() & 07777).isEqualTo(0700);
    c.namespace().write("/data/table", "v1", Credentials.ROOT);

    delete("db");
    sim.runFor(Duration.ofMinutes(1));
    assertThat(pod("db")).isNull();
    // Unpublished, unstaged, detached.
    assertThat(node1.exists(staging, Credentials.ROOT)).isFalse();
    assertThat(attachments()).isEmpty();

    pod("db2", "node-2", "{name: data, persistentVolumeClaim: {claimName: data}}");
    sim.runFor(Duration.ofMinutes(1));
    assertThat(pod("db2").status().phase()).as(dump()).isEqualTo(PodPhase.RUNNING);
    assertThat(attachments()).extracting(va -> va.spec().nodeName()).containsExactly("node-2");
    assertThat(container("db2").namespace().readString("/data/table", Credentials.ROOT)).isEqualTo("v1");
    // Formatted once: the second stage found the file system and kept it.
    assertThat(trace.entries().stream().filter(e -> e.type().equals("MountDevice")).count()).isEqualTo(2);
  }

  @Test
  void C33_deletingTheClaimDeletesTheVolumeAndItsDevice() {
    claim("data", "local", "ReadWriteOnce");
    sim.runFor(Duration.ofSeconds(30));
    PersistentVolume pv = volumeOf("data");
    String backend = "csi:" + LOCAL + "/" + ((CSIPersistentVolumeSource) pv.spec().source()).volumeHandle();
    assertThat(sim.world().existingBlockDevice(backend)).isPresent();
    sim.client("kubectl").delete(ObjectKey.namespaced("PersistentVolumeClaim", "default", "data"));
    sim.runFor(Duration.ofMinutes(1));
    assertThat(sim.api().get(PersistentVolume.class, "", pv.metadata().name())).isEmpty();
    assertThat(sim.world().existingBlockDevice(backend)).isEmpty();
  }

  @Test
  void C33_attachRequiredFalseSkipsTheVolumeAttachmentAndTheKubeletDoesNotWaitForAttach() {
    claim("data", "local", "ReadWriteOnce");
    pod("web", "node-3", "{name: data, persistentVolumeClaim: {claimName: data}}");
    sim.runFor(Duration.ofSeconds(30));
    assertThat(pod("web").status().phase()).as(dump()).isEqualTo(PodPhase.RUNNING);
    assertThat(attachments()).isEmpty();
    assertThat(events("SuccessfulAttachVolume")).isEmpty();
    // No STAGE_UNSTAGE_VOLUME: MountDevice is a no-op, nothing at the staging path.
    PersistentVolume pv = volumeOf("data");
    String staging = CsiPlugin.deviceMountPath(LOCAL, ((CSIPersistentVolumeSource) pv.spec().source()).volumeHandle());
    assertThat(sim.world().nodeDisk("node-3").orElseThrow().root().exists(staging, Credentials.ROOT)).isFalse();
    container("web").namespace().write("/data/x", "1", Credentials.ROOT);
  }

  @Test
  void C33_aNodeWithoutTheDriversNodePluginFailsTheMountWithUpstreamsText() {
    Simulation s = Simulation.builder().seed(2).traceListener(trace)
        .nodes(List.of(ClusterNode.of("node-1", "zone-a", List.of()), ClusterNode.of("node-2", "zone-a", List.of())))
        .csiDrivers(List.of(new CsiDriverProfile(DISK, true, true, false, null, null, null, null, null, null, null,
            null, ImmutableList.of("node-2"), null, 1, false, null, null)))
        .build();
    s.apply(parse("{apiVersion: v1, kind: PersistentVolume, metadata: {name: pv-1}, spec: {capacity: {storage: 1Gi},"
        + " accessModes: [ReadWriteOnce], storageClassName: '', csi: {driver: " + DISK + ", volumeHandle: vol-1}}}"));
    s.apply(parse("{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data, namespace: default},"
        + " spec: {storageClassName: '', volumeName: pv-1, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}"));
    s.apply(parse("{apiVersion: v1, kind: Pod, metadata: {name: db, namespace: default}, spec: {nodeName: node-1,"
        + " containers: [{name: c, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}],"
        + " volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]}}"));
    s.runFor(Duration.ofMinutes(1));
    assertThat(events("FailedMount")).as(dump()).anyMatch(m -> m.endsWith("MountVolume.MountDevice failed for volume"
        + " \"pv-1\" : kubernetes.io/csi: attacher.MountDevice failed to create newCsiDriverClient: driver name "
        + DISK + " not found in the list of registered CSI drivers"));
    assertThat(s.api().get(Pod.class, "default", "db").orElseThrow().status().phase()).isEqualTo(PodPhase.PENDING);
  }

  static KubeObject parse(String yaml) {
    LoadResult r = ManifestLoader.strict().parse("t.yaml", "---\n" + yaml);
    assertThat(r.errors()).isEmpty();
    return r.objects().get(0);
  }

  @Test
  void C33_anInlineEphemeralCsiVolumeLivesAsLongAsItsPod() {
    pod("cache", "node-1", "{name: data, csi: {driver: " + INLINE + ", volumeAttributes: {size: 1Gi}}}");
    sim.runFor(Duration.ofSeconds(30));
    assertThat(pod("cache").status().phase()).as(dump()).isEqualTo(PodPhase.RUNNING);
    assertThat(attachments()).isEmpty();
    container("cache").namespace().write("/data/tmp", "x", Credentials.ROOT);
    String uid = pod("cache").metadata().uid();
    FileTree node1 = sim.world().nodeDisk("node-1").orElseThrow().root();
    String dir = "/var/lib/kubelet/pods/" + uid + "/volumes/kubernetes.io~csi/data";
    assertThat(node1.readString(dir + "/vol_data.json", Credentials.ROOT)).contains("\"volumeLifecycleMode\":\"Ephemeral\"");
    delete("cache");
    sim.runFor(Duration.ofSeconds(30));
    assertThat(node1.exists(dir, Credentials.ROOT)).isFalse();

    // The same Pod again gets a new, empty volume.
    pod("cache", "node-1", "{name: data, csi: {driver: " + INLINE + "}}");
    sim.runFor(Duration.ofSeconds(30));
    assertThat(container("cache").namespace().exists("/data/tmp", Credentials.ROOT)).isFalse();
  }

  @Test
  void C33_anInlineVolumeOfADriverWithoutTheEphemeralModeFailsAsUpstream() {
    pod("cache", "node-1", "{name: data, csi: {driver: " + DISK + "}}");
    sim.runFor(Duration.ofSeconds(30));
    assertThat(events("FailedMount")).as(dump()).anyMatch(m -> m.endsWith(
        "MountVolume.NewMounter initialization failed for volume \"data\" : volume mode \"Ephemeral\" not supported"
            + " by driver " + DISK + " (only supports [\"Persistent\"])"));
    assertThat(pod("cache").status().phase()).isEqualTo(PodPhase.PENDING);
  }

  @Test
  void C33_aGenericEphemeralVolumeGetsAClaimOwnedByThePodAndDeletedWithIt() {
    pod("scratch", "node-2", "{name: data, ephemeral: {volumeClaimTemplate: {metadata: {labels: {type: scratch}},"
        + " spec: {storageClassName: disk, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}}}");
    sim.runFor(Duration.ofMinutes(1));
    assertThat(pod("scratch").status().phase()).as(dump()).isEqualTo(PodPhase.RUNNING);
    PersistentVolumeClaim c = sim.api().get(PersistentVolumeClaim.class, "default", "scratch-data").orElseThrow();
    assertThat(c.metadata().labels()).containsEntry("type", "scratch");
    assertThat(c.metadata().ownerReferences()).singleElement().satisfies(o -> {
      assertThat(o.kind()).isEqualTo("Pod");
      assertThat(o.uid()).isEqualTo(pod("scratch").metadata().uid());
      assertThat(o.controller()).isTrue();
    });
    container("scratch").namespace().write("/data/x", "1", Credentials.ROOT);
    String pvName = c.spec().volumeName();

    delete("scratch");
    sim.runFor(Duration.ofMinutes(2));
    assertThat(sim.api().get(PersistentVolumeClaim.class, "default", "scratch-data")).as(dump()).isEmpty();
    assertThat(sim.api().get(PersistentVolume.class, "", pvName)).isEmpty();
  }

  @Test
  void C33_aClaimOfTheEphemeralNameNotOwnedByThePodBlocksScheduling() {
    claim("scratch-data", "disk", "ReadWriteOnce");
    pod("scratch", "node-2", "{name: data, ephemeral: {volumeClaimTemplate: {"
        + " spec: {storageClassName: disk, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}}}");
    sim.runFor(Duration.ofSeconds(30));
    assertThat(pod("scratch").spec().nodeName()).isNull();
    assertThat(events("FailedScheduling")).as(dump()).anyMatch(m -> m.contains(
        "PVC default/scratch-data was not created for pod default/scratch (pod is not owner)"));
  }

  @Test
  void C33_aReplicatedVolumeKeepsItsDataWhileOneReplicaNodeLives() {
    claim("data", "longhorn", "ReadWriteOnce");
    pod("db", "node-1", "{name: data, persistentVolumeClaim: {claimName: data}}");
    sim.runFor(Duration.ofMinutes(1));
    assertThat(pod("db").status().phase()).as(dump()).isEqualTo(PodPhase.RUNNING);
    PersistentVolume pv = volumeOf("data");
    String backend = "csi:" + LONGHORN + "/" + ((CSIPersistentVolumeSource) pv.spec().source()).volumeHandle();
    var replicas = sim.world().replicatedVolumes().replicaNodes(backend);
    // numberOfReplicas: "2" from the class: two distinct nodes.
    assertThat(replicas).hasSize(2).doesNotHaveDuplicates();
    container("db").namespace().write("/data/k", "v", Credentials.ROOT);
    delete("db");
    sim.runFor(Duration.ofMinutes(1));

    // One replica's node is lost: the other replica serves the data to a Pod on yet another node.
    sim.world().replicatedVolumes().nodeDown(replicas.get(0));
    String other = List.of("node-1", "node-2", "node-3", "node-4").stream()
        .filter(n -> !replicas.contains(n)).findFirst().orElseThrow();
    pod("db2", other, "{name: data, persistentVolumeClaim: {claimName: data}}");
    sim.runFor(Duration.ofMinutes(1));
    assertThat(pod("db2").status().phase()).as(dump()).isEqualTo(PodPhase.RUNNING);
    assertThat(container("db2").namespace().readString("/data/k", Credentials.ROOT)).isEqualTo("v");
    delete("db2");
    sim.runFor(Duration.ofMinutes(1));

    // Both replicas' nodes lost: the volume is faulted and NodeStage refuses it.
    sim.world().replicatedVolumes().nodeDown(replicas.get(1));
    pod("db3", other, "{name: data, persistentVolumeClaim: {claimName: data}}");
    sim.runFor(Duration.ofMinutes(1));
    assertThat(pod("db3").status().phase()).isEqualTo(PodPhase.PENDING);
    assertThat(events("FailedMount")).anyMatch(m -> m.contains("is not ready for workloads: no healthy replica"));
    // A replica's node returns: the data is there again.
    sim.world().replicatedVolumes().nodeUp(replicas.get(1));
    sim.runFor(Duration.ofMinutes(3));
    assertThat(pod("db3").status().phase()).as(dump()).isEqualTo(PodPhase.RUNNING);
    assertThat(container("db3").namespace().readString("/data/k", Credentials.ROOT)).isEqualTo("v");
  }

  @Test
  void C33_replicaPlacementIsDeterministicForASeed() {
    claim("data", "longhorn", "ReadWriteOnce");
    sim.runFor(Duration.ofSeconds(30));
    PersistentVolume pv = volumeOf("data");
    String backend = "csi:" + LONGHORN + "/" + ((CSIPersistentVolumeSource) pv.spec().source()).volumeHandle();
    SeedClaimsCsiTest again = new SeedClaimsCsiTest();
    again.claim("data", "longhorn", "ReadWriteOnce");
    again.sim.runFor(Duration.ofSeconds(30));
    assertThat(again.sim.world().replicatedVolumes().replicaNodes(backend))
        .isEqualTo(sim.world().replicatedVolumes().replicaNodes(backend)).hasSize(2);
  }

  @Test
  void C33_aReadWriteManyReplicatedVolumeIsSharedThroughTheShareManager() {
    claim("shared", "longhorn", "ReadWriteMany");
    pod("a", "node-1", "{name: data, persistentVolumeClaim: {claimName: shared}}");
    pod("b", "node-2", "{name: data, persistentVolumeClaim: {claimName: shared}}");
    sim.runFor(Duration.ofMinutes(1));
    assertThat(pod("a").status().phase()).as(dump()).isEqualTo(PodPhase.RUNNING);
    assertThat(pod("b").status().phase()).isEqualTo(PodPhase.RUNNING);
    container("a").namespace().write("/data/from-a", "hello", Credentials.ROOT);
    assertThat(container("b").namespace().readString("/data/from-a", Credentials.ROOT)).isEqualTo("hello");
    assertThat(container("b").namespace().mountFor("/data").fsType()).isEqualTo("nfs4");
  }

  @Test
  void C33_anInTreeGcePersistentDiskIsServedByItsCsiDriverThroughMigrationOnTheSameCloudDisk() {
    sim.world().addBlockDevice("cloudDisk:disk-1", BlockDevice.formatted(BlockDevice.Kind.CLOUD_DISK, "disk-1",
        10L << 30, "zone-a", "ext4", List.of(FileSpec.file("index.html", "<h1>hi</h1>"))));
    apply("{apiVersion: v1, kind: PersistentVolume, metadata: {name: pv-gce, labels: {topology.kubernetes.io/zone: zone-a}},"
        + " spec: {capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], storageClassName: '',"
        + " gcePersistentDisk: {pdName: disk-1, fsType: ext4}}}");
    apply("{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: web, namespace: default},"
        + " spec: {storageClassName: '', volumeName: pv-gce, accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}}");
    pod("web", "node-1", "{name: data, persistentVolumeClaim: {claimName: web}}");
    sim.runFor(Duration.ofMinutes(1));
    assertThat(pod("web").status().phase()).as(dump()).isEqualTo(PodPhase.RUNNING);
    assertThat(attachments()).singleElement().satisfies(va -> {
      assertThat(va.spec().attacher()).isEqualTo("pd.csi.storage.gke.io");
      assertThat(va.spec().source().persistentVolumeName()).isEqualTo("pv-gce");
    });
    assertThat(sim.api().get(dev.volsim.model.core.Node.class, "", "node-1").orElseThrow().status().volumesInUse())
        .containsExactly("kubernetes.io/csi/pd.csi.storage.gke.io^projects/UNSPECIFIED/zones/zone-a/disks/disk-1");
    assertThat(container("web").namespace().readString("/data/index.html", Credentials.ROOT)).isEqualTo("<h1>hi</h1>");

    // An inline awsElasticBlockStore volume without ebs.csi.aws.com installed: the attach waits for
    // an external-attacher that does not exist and times out, as upstream.
    apply("{apiVersion: v1, kind: Pod, metadata: {name: ebs, namespace: default}, spec: {nodeName: node-2,"
        + " containers: [{name: c, image: busybox, volumeMounts: [{name: d, mountPath: /d}]}],"
        + " volumes: [{name: d, awsElasticBlockStore: {volumeID: 'aws://zone-a/vol-0abc'}}]}}");
    sim.runFor(Duration.ofMinutes(3));
    assertThat(pod("ebs").status().phase()).isEqualTo(PodPhase.PENDING);
    assertThat(events("FailedAttachVolume")).as(dump()).anyMatch(m -> m.contains("AttachVolume.Attach failed for volume"
        + " \"d\" : timed out waiting for external-attacher of ebs.csi.aws.com CSI driver to attach volume vol-0abc"));
  }

  @Test
  void C33_existingDriverVolumesAreDevicesFromTheStart() {
    CsiDriverProfile d = new CsiDriverProfile(DISK, true, true, false, null, null, null, null, null, null, null, null,
        null, null, 1, false, null, ImmutableList.of(new CsiDriverProfile.ExistingVolume("vol-abc",
            dev.volsim.model.Quantity.parse("2Gi"), null, ImmutableList.of(FileSpec.file("seed.txt", "s")))));
    CsiDriverProfile replicated = new CsiDriverProfile(LONGHORN, true, true, false, null, null, null, null, null, null,
        null, null, null, "numberOfReplicas", 2, false, null, ImmutableList.of(new CsiDriverProfile.ExistingVolume(
            "vol-r", null, null)));
    Simulation s = Simulation.builder().seed(3).nodes(List.of(ClusterNode.of("node-1", null, List.of()),
            ClusterNode.of("node-2", null, List.of()), ClusterNode.of("node-3", null, List.of())))
        .csiDrivers(List.of(d, replicated)).build();
    // A replicated driver's existing volume has its default number of replicas from the start.
    assertThat(s.world().replicatedVolumes().replicaNodes("csi:" + LONGHORN + "/vol-r")).hasSize(2)
        .doesNotHaveDuplicates();
    Optional<BlockDevice> dev = s.world().existingBlockDevice("csi:" + DISK + "/vol-abc");
    assertThat(dev).isPresent();
    assertThat(dev.get().sizeBytes()).isEqualTo(2L << 30);
    assertThat(dev.get().fileSystem().readString("/seed.txt", Credentials.ROOT)).isEqualTo("s");
  }

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

  @Test
  void C33_aScenarioDeclaresALonghornLikeDriverAndAnEphemeralDriverAndTheyServeAsDeclared() {
    ScenarioHarness.Run run = ScenarioHarness.runSpec(dir, """
        cluster:
          nodes: [{name: node-1}, {name: node-2}, {name: node-3}]
          csiDrivers:
          - name: driver.longhorn.io
            accessModes: [ReadWriteOnce, ReadWriteMany]
            replication: {replicasParameter: numberOfReplicas, default: 3}
            shareManager: true
          - {name: inline.csi.example.com, attachRequired: false, volumeLifecycleModes: [Ephemeral]}
        objects:
        - manifest: {apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: longhorn}, provisioner: driver.longhorn.io}
        - manifest:
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: shared}
            spec: {storageClassName: longhorn, accessModes: [ReadWriteMany], resources: {requests: {storage: 1Gi}}}
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: a}
            spec:
              nodeName: node-1
              containers: [{name: c, image: busybox, volumeMounts: [{name: d, mountPath: /d}, {name: e, mountPath: /e}]}]
              volumes:
              - {name: d, persistentVolumeClaim: {claimName: shared}}
              - {name: e, csi: {driver: inline.csi.example.com}}
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: b}
            spec:
              nodeName: node-3
              containers: [{name: c, image: busybox, volumeMounts: [{name: d, mountPath: /d}]}]
              volumes: [{name: d, persistentVolumeClaim: {claimName: shared}}]
        steps:
        - waitFor: {object: pod/a, field: status.phase, equals: Running, timeout: 2m}
        - waitFor: {object: pod/b, field: status.phase, equals: Running, timeout: 2m}
        # The volume got its replicas (three by default; the Java tests check they are on distinct nodes).
        - expect: {trace: {type: ReplicasScheduled}, count: 1}
        - exec: {pod: a, container: c, write: /d/hello, content: "from a"}
        - expect: {file: {pod: b, container: c, path: /d/hello}, content: "from a"}
        - exec: {pod: a, container: c, write: /e/scratch, content: "x"}
        # The Ephemeral-only driver's volume is never attached: one VolumeAttachment per node of the RWX volume.
        - expect: {count: {kind: volumeattachment}, equals: 2}
        """);
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }
}
