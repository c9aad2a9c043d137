package dev.volsim.core.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.ApiServer;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.cluster.ComponentConfig;
import dev.volsim.core.cluster.KubernetesVersion;
import dev.volsim.core.cluster.OperationFaults;
import dev.volsim.core.engine.Engine;
import dev.volsim.core.engine.Latencies;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.Mount;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.KubeObject;
import dev.volsim.model.core.Container;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ConfigMap and Secret volumes in a kubelet whose plugins read the API through its watching
 * managers: secrets on a tmpfs, read-only in the container; an update reaches a whole-volume mount
 * at a later pod sync, while a subPath mount keeps the file it was bound to until a new container
 * is started, which resolves the current one.
 */
class ConfigVolumesFollowTheirObjectsTest {
  final Engine engine = new Engine(5);
  final ApiServer api = new ApiServer(engine);
  final ApiClient user = api.client("kubectl");
  final ClusterContext ctx = new ClusterContext(engine, api, KubernetesVersion.DEFAULT,
      KubernetesVersion.DEFAULT.defaultFeatureGates(), ComponentConfig.defaults(), Latencies.defaults(),
      ImmutableList.of(), new OperationFaults());
  final Kubelet kubelet;

  ConfigVolumesFollowTheirObjectsTest() {
    apply("{apiVersion: v1, kind: Node, metadata: {name: node-1}}");
    NodeDisk disk = NodeDisk.create("node-1", FileTree.UNLIMITED, List.of());
    var node = new ApiNodeContext(ctx, "node-1", disk, "10.0.0.11", List.of());
    kubelet = new Kubelet(ctx, "node-1", node, VolumeSetUps.defaults());
    kubelet.start();
    apply("{apiVersion: v1, kind: ConfigMap, metadata: {name: cfg, namespace: default}, data: {app.conf: v1}}");
    apply("{apiVersion: v1, kind: Secret, metadata: {name: creds, namespace: default}, stringData: {password: p1}}");
    apply("{apiVersion: v1, kind: Pod, metadata: {name: app, namespace: default}, spec: {nodeName: node-1,"
        + " volumes: [{name: cfg, configMap: {name: cfg}}, {name: creds, secret: {secretName: creds}}],"
        + " containers: [{name: app, image: busybox, volumeMounts: [{name: cfg, mountPath: /etc/app},"
        + " {name: creds, mountPath: /etc/creds}]},"
        + " {name: pinned, image: busybox, volumeMounts: [{name: cfg, mountPath: /etc/app.conf, subPath: app.conf}]}]}}");
    engine.runFor(Duration.ofSeconds(10));
    assertThat(api.get(Pod.class, "default", "app").orElseThrow().status().phase()).isEqualTo(PodPhase.RUNNING);
  }

  void apply(String yaml) {
    LoadResult r = ManifestLoader.strict().parse("t.yaml", "---\n" + yaml);
    assertThat(r.errors()).isEmpty();
    for (KubeObject o : r.objects()) {
      if (api.get(o.getClass(), o.metadata().namespace(), o.metadata().name()).isPresent()) {
        user.update(o);
      } else {
        user.create(o);
      }
    }
  }

  RunningContainer container(String name) {
    return kubelet.container("default", "app", name).orElseThrow();
  }

  String read(RunningContainer c, String path) {
    return c.namespace().readString(path, Credentials.ROOT);
  }

  @Test
  void aSecretVolumeIsATmpfsMountedReadOnly() {
    Mount m = container("app").namespace().mountAt("/etc/creds").orElseThrow();
    assertThat(m.fsType()).isEqualTo("tmpfs");
    assertThat(m.readOnly()).isTrue();
    assertThat(container("app").namespace().mountAt("/etc/app").orElseThrow().readOnly()).isTrue();
    assertThat(read(container("app"), "/etc/creds/password")).isEqualTo("p1");
  }

  @Test
  void anUpdateReachesTheVolumeAtALaterSyncButASubPathMountOnlyInANewContainer() {
    apply("{apiVersion: v1, kind: ConfigMap, metadata: {name: cfg, namespace: default}, data: {app.conf: v2}}");
    engine.runFor(Duration.ofSeconds(30));
    assertThat(read(container("app"), "/etc/app/app.conf")).isEqualTo("v1");
    // configSync (60 s by default) to reach the kubelet's cache, then the next sync within 1.5 min.
    engine.runFor(Duration.ofMinutes(3));
    assertThat(read(container("app"), "/etc/app/app.conf")).isEqualTo("v2");
    assertThat(read(container("pinned"), "/etc/app.conf")).isEqualTo("v1");

    Pod pod = api.get(Pod.class, "default", "app").orElseThrow();
    Container pinned = pod.spec().containers().get(1);
    RunningContainer restarted = RunningContainer.start(pinned,
        kubelet.volumeManager.mountedVolumesForPod(pod.metadata().uid()));
    assertThat(read(restarted, "/etc/app.conf")).isEqualTo("v2");
  }
}
