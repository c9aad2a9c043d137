package dev.volsim.scenario.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.ApiServer;
import dev.volsim.core.engine.Engine;
import dev.volsim.core.trace.TraceEntry;
import dev.volsim.model.KubeObject;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.io.YNode;
import dev.volsim.scenario.ScenarioErrors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small cluster's API objects, a hand-made trace, and YAML helpers for the expr tests. */
final class Fixtures {
  static final String OBJECTS = """
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: pvc-1.2, labels: {tier: db}}
      spec:
        capacity: {storage: 1Gi}
        accessModes: [ReadWriteOnce]
        nfs: {server: nfs.ilinux.io, path: /data/redis}
        claimRef: {namespace: default, name: data}
      ---
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: pv-2, labels: {tier: web}}
      spec:
        capacity: {storage: 2Gi}
        accessModes: [ReadWriteOnce]
        nfs: {server: nfs.ilinux.io, path: /data/web}
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: data
        labels: {app: redis}
        annotations: {pv.kubernetes.io/bind-completed: "yes"}
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
        volumeName: pvc-1.2
        storageClassName: ""
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: redis-0, namespace: db, labels: {app: redis, role: primary}}
      spec:
        nodeName: node-1
        containers:
        - {name: redis, image: "redis:alpine"}
        - {name: sidecar, image: busybox}
        tolerations:
        - {key: node.kubernetes.io/out-of-service, operator: Exists, effect: NoExecute}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: redis-1, namespace: db, labels: {app: redis, role: replica}}
      spec:
        containers:
        - {name: redis, image: "redis:alpine"}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: conf}
      data: {key.with.dots: "v1", plain: "p", count: "3"}
      ---
      apiVersion: v1
      kind: Node
      metadata: {name: node-1, labels: {topology.kubernetes.io/zone: zone-a}}
      spec:
        taints:
        - {key: node.kubernetes.io/out-of-service, value: nodeshutdown, effect: NoExecute}
      ---
      apiVersion: v1
      kind: Event
      metadata: {name: redis-0.a1, namespace: db}
      involvedObject: {kind: Pod, namespace: db, name: redis-0, uid: uid-1}
      reason: FailedMount
      message: "MountVolume.SetUp failed for volume \\"data\\" : mount failed: exit status 32"
      source: {component: kubelet, host: node-1}
      count: 3
      type: Warning
      ---
      apiVersion: v1
      kind: Event
      metadata: {name: redis-0.b2, namespace: db}
      involvedObject: {kind: Pod, namespace: db, name: redis-0, uid: uid-2}
      reason: FailedMount
      message: "MountVolume.SetUp failed for volume \\"data\\" : timeout"
      source: {component: kubelet, host: node-1}
      type: Warning
      ---
      apiVersion: v1
      kind: Event
      metadata: {name: redis-0.c3, namespace: db}
      involvedObject: {kind: Pod, namespace: db, name: redis-0, uid: uid-2}
      reason: Scheduled
      message: "Successfully assigned db/redis-0 to node-1"
      source: {component: default-scheduler}
      type: Normal
      ---
      apiVersion: v1
      kind: Event
      metadata: {name: pvc-1.2.d4, namespace: default}
      involvedObject: {kind: PersistentVolume, name: pvc-1.2}
      reason: VolumeFailedRecycle
      message: "recycle failed"
      source: {component: persistentvolume-controller}
      type: Warning
      """;

  private Fixtures() {}

  static ApiServer api() {
    ApiServer api = new ApiServer(new Engine(1));
    ApiClient kubectl = api.client("kubectl");
    kubectl.create(dev.volsim.model.core.Namespace.named("db"));
    for (KubeObject o : objects(OBJECTS)) {
      KubeObject created = kubectl.create(o);
      // create drops status like the real API may; set it the way controllers do
      if (o instanceof dev.volsim.model.core.PersistentVolumeClaim) {
        kubectl.updateStatus(statusOf(created, """
            apiVersion: v1
            kind: PersistentVolumeClaim
            status:
              phase: Bound
              capacity: {storage: 1Gi}
              conditions:
              - {type: Resizing, status: "False"}
            """));
      } else if (o instanceof dev.volsim.model.core.Pod && o.metadata().name().equals("redis-0")) {
        kubectl.updateStatus(statusOf(created, """
            apiVersion: v1
            kind: Pod
            status:
              phase: Running
              conditions:
              - {type: PodScheduled, status: "True"}
              - {type: Ready, status: "True"}
              containerStatuses:
              - {name: redis, ready: true, restartCount: 2, image: "redis:alpine", imageID: "", started: true}
              - {name: sidecar, ready: false, restartCount: 0, image: busybox, imageID: ""}
            """));
      }
    }
    return api;
  }

  /** The object with the status of a manifest (the rest of the manifest is ignored). */
  private static KubeObject statusOf(KubeObject object, String statusYaml) {
    Map<String, Object> tree = new java.util.LinkedHashMap<>(dev.volsim.model.io.Codec.encodeObject(object));
    @SuppressWarnings("unchecked")
    Map<String, Object> status = (Map<String, Object>) dev.volsim.model.io.Trees.toPlain(trees(statusYaml).get(0));
    tree.put("status", status.get("status"));
    YNode node = dev.volsim.model.io.Trees.fromPlain(tree, dev.volsim.model.io.Location.startOf("status.yaml"));
    LoadResult r = ManifestLoader.strict().decode(node);
    assertThat(r.errors()).isEmpty();
    return r.objects().get(0);
  }

  static List<KubeObject> objects(String yaml) {
    LoadResult r = ManifestLoader.strict().parse("t.yaml", yaml);
    assertThat(r.errors()).isEmpty();
    return r.objects();
  }

  static List<YNode> trees(String yaml) {
    try {
      return ManifestLoader.strict().readTrees("s.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    } catch (dev.volsim.model.io.ManifestException e) {
      throw new AssertionError(e);
    }
  }

  /** The tree of one YAML document; a flow mapping ({@code {a: b}}, which the reader takes for JSON) is wrapped first. */
  static YNode tree(String yaml) {
    if (yaml.strip().startsWith("{")) {
      return ((YNode.YMap) trees("v: " + yaml).get(0)).entries().get(0).value();
    }
    return trees(yaml).get(0);
  }

  static TraceEntry entry(long seq, String component, String type, String object, String... attributes) {
    ImmutableSortedMap<String, String> attrs = TraceEntry.attrs(attributes);
    return new TraceEntry(seq * 1_000_000L, seq, component, type, object, null, attrs);
  }

  /** A trace of a claim bound, attached (first failing), mounted, then a container exit. */
  static List<TraceEntry> trace() {
    List<TraceEntry> t = new ArrayList<>();
    t.add(entry(0, "persistentvolume-controller", "Bound", "persistentvolumeclaim/default/data",
        "volume", "pvc-1.2", "claim", "default/data"));
    t.add(entry(1, "default-scheduler", "Scheduled", "pod/db/redis-0", "pod", "db/redis-0", "node", "node-1"));
    t.add(entry(2, "attachdetach-controller", "AttachVolume", "persistentvolume/pvc-1.2",
        "volume", "pvc-1.2", "node", "node-1", "outcome", "failed"));
    t.add(entry(3, "attachdetach-controller", "AttachVolume", "persistentvolume/pvc-1.2",
        "volume", "pvc-1.2", "node", "node-1"));
    t.add(entry(4, "kubelet", "MountDevice", "persistentvolume/pvc-1.2",
        "volume", "pvc-1.2", "node", "node-1", "outcome", "succeeded"));
    t.add(entry(5, "kubelet", "SetUp", "pod/db/redis-0", "volume", "pvc-1.2", "pod", "db/redis-0", "node", "node-1"));
    t.add(entry(6, "kubelet", "ContainerExited", "pod/db/redis-0",
        "pod", "db/redis-0", "container", "redis", "exitCode", "1", "node", "node-1"));
    return t;
  }

  static Interpolator interpolator(ApiServer api) {
    return Interpolator.of(api, new HashMap<>(Map.of("oldUid", "u-1", "replicas", 3L)));
  }

  static ExpectationContext context(ApiServer api) {
    return ExpectationContext.of(api, trace(), interpolator(api));
  }

  /** Parses an expectation, failing the test on errors. */
  static Expectation expectation(String yaml) {
    ScenarioErrors errors = new ScenarioErrors();
    Expectation e = Expectations.parse(tree(yaml), errors);
    assertThat(errors.list()).isEmpty();
    assertThat(e).isNotNull();
    return e;
  }

  /** The errors of parsing an expectation, as {@code file:line:col: message}. */
  static List<String> errors(String yaml) {
    ScenarioErrors errors = new ScenarioErrors();
    Expectation e = Expectations.parse(tree(yaml), errors);
    assertThat(e).isNull();
    return errors.list().stream().map(Object::toString).toList();
  }
}
