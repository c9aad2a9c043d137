package dev.volsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.core.cluster.KubernetesVersion;
import dev.volsim.core.kubelet.RunningContainer;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.Mount;
import dev.volsim.model.KubeObject;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.sim.ClusterNode;
import dev.volsim.sim.Simulation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * C5 through the {@link Simulation} facade: one Pod on one node gets storage of every kind a node
 * provides, and each container mount shows the file system behind it.
 */
class StorageKindsOfANodeTest {
  private static KubeObject yaml(String text) {
    LoadResult r = ManifestLoader.strict().parse("t.yaml", text);
    if (!r.ok() || r.objects().size() != 1) {
      throw new IllegalArgumentException(r.problems().toString());
    }
    return r.objects().get(0);
  }

  @Test
  void C5_aNodeProvidesMemoryLocalDirectoriesNetworkFileSystemsAndAttachedBlockDevices() {
    Simulation sim = Simulation.builder().seed(5).version(KubernetesVersion.parse("1.30"))
        .nodes(List.of(ClusterNode.of("node-1", "zone-a", List.of("ceph-common", "open-iscsi")))).build();
    // The local PV's directory, made by an administrator on the node beforehand.
    sim.world().nodeDisk("node-1").orElseThrow().root().mkdirs("/mnt/disks/ssd1", Credentials.ROOT);
    sim.apply(yaml("""
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: local-pv}
        spec:
          capacity: {storage: 1Gi}
          accessModes: [ReadWriteOnce]
          storageClassName: local
          local: {path: /mnt/disks/ssd1}
          claimRef: {namespace: default, name: local-claim}
          nodeAffinity:
            required:
              nodeSelectorTerms:
              - matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [node-1]}]
        """));
    sim.apply(yaml("""
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: local-claim, namespace: default}
        spec: {accessModes: [ReadWriteOnce], storageClassName: local, volumeName: local-pv, resources: {requests: {storage: 1Gi}}}
        """));
    sim.apply(yaml("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: default}
        spec:
          nodeName: node-1
          containers:
          - name: app
            image: busybox
            volumeMounts:
            - {name: memory, mountPath: /memory}
            - {name: host, mountPath: /host}
            - {name: local, mountPath: /local}
            - {name: cephfs, mountPath: /cephfs}
            - {name: rbd, mountPath: /rbd}
            - {name: iscsi, mountPath: /iscsi}
          volumes:
          - {name: memory, emptyDir: {medium: Memory, sizeLimit: 16Mi}}
          - {name: host, hostPath: {path: /srv/cache, type: DirectoryOrCreate}}
          - {name: local, persistentVolumeClaim: {claimName: local-claim}}
          - {name: cephfs, cephfs: {monitors: ["10.0.0.70:6789"], path: /web}}
          - {name: rbd, rbd: {monitors: ["10.0.0.70:6789"], image: web}}
          - {name: iscsi, iscsi: {targetPortal: "10.0.0.60:3260", iqn: "iqn.2001-04.com.example:storage.kube.sys1.xyz", lun: 0, fsType: xfs}}
        """));
    sim.runFor(Duration.ofMinutes(2));

    RunningContainer app = sim.kubelet("node-1").orElseThrow().container("default", "web", "app").orElseThrow();
    assertThat(fsType(app, "/memory")).isEqualTo("tmpfs");
    String nodeFs = sim.world().nodeDisk("node-1").orElseThrow().root().fsType();
    assertThat(fsType(app, "/host")).isEqualTo(nodeFs);
    assertThat(fsType(app, "/local")).isEqualTo(nodeFs);
    assertThat(fsType(app, "/cephfs")).isEqualTo("ceph");
    assertThat(device(app, "/cephfs")).isEqualTo("10.0.0.70:6789:/web");
    assertThat(fsType(app, "/rbd")).isEqualTo("ext4");
    assertThat(device(app, "/rbd")).isEqualTo("/dev/rbd0");
    assertThat(fsType(app, "/iscsi")).isEqualTo("xfs");
    // The block devices were attached first (in-tree, no VolumeAttachment) and are in use on the node;
    // the local PV is device-mountable but not attachable, so it is not reported.
    assertThat(sim.kubelet("node-1").orElseThrow().volumesInUse()).containsExactly(
        "kubernetes.io/iscsi/10.0.0.60:3260:iqn.2001-04.com.example:storage.kube.sys1.xyz:0",
        "kubernetes.io/rbd/rbd:web");
    assertThat(sim.api().get(dev.volsim.model.core.Node.class, "", "node-1").orElseThrow().status().volumesAttached())
        .extracting(a -> a.name()).containsExactly("kubernetes.io/iscsi/10.0.0.60:3260:iqn.2001-04.com.example:"
            + "storage.kube.sys1.xyz:0", "kubernetes.io/rbd/rbd:web");
    assertThat(sim.api().list(dev.volsim.model.storage.VolumeAttachment.class)).isEmpty();
    // Data written to the local PV lands in the node's own directory.
    app.namespace().write("/local/index.html", "local", Credentials.ROOT);
    assertThat(sim.world().nodeDisk("node-1").orElseThrow().root().readString("/mnt/disks/ssd1/index.html",
        Credentials.ROOT)).isEqualTo("local");
  }

  private static String fsType(RunningContainer c, String path) {
    return mount(c, path).fsType();
  }

  private static String device(RunningContainer c, String path) {
    return mount(c, path).device();
  }

  private static Mount mount(RunningContainer c, String path) {
    return c.namespace().mountAt(path).orElseThrow(() -> new AssertionError("nothing mounted at " + path));
  }
}
