package dev.volsim.core.controller.persistentvolume;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.ApiServer;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.cluster.ComponentConfig;
import dev.volsim.core.cluster.CsiDriverProfile;
import dev.volsim.core.cluster.KubernetesVersion;
import dev.volsim.core.cluster.OperationFaults;
import dev.volsim.core.engine.Engine;
import dev.volsim.core.engine.Latencies;
import dev.volsim.core.trace.TraceEntry;
import dev.volsim.model.KubeObject;
import dev.volsim.model.Quantity;
import dev.volsim.model.Records;
import dev.volsim.model.core.Event;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeAccessMode;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small cluster for the PV controller's tests: an engine and API server, the PV controller and
 * the external provisioner, the CSI driver {@code disk.csi.test} (zones zone-a and zone-b, nodes
 * node-1 and node-2, RWO, 10Gi capacity, 1Gi allocation unit) and nodes node-1..3 in zones a..c.
 * Objects are written as YAML.
 */
final class PvTestCluster {
  static final String DRIVER = "disk.csi.test";
  static final CsiDriverProfile TEST_DRIVER = new CsiDriverProfile(DRIVER, true, true, false, null, null,
      ImmutableList.of(PersistentVolumeAccessMode.READ_WRITE_ONCE), null, "topology.kubernetes.io/zone",
      ImmutableList.of("zone-a", "zone-b"), null, Quantity.parse("10Gi"), ImmutableList.of("node-1", "node-2"),
      null, 1, false, Quantity.parse("1Gi"), null);
  static final CsiDriverProfile EBS = CsiDriverProfile.withDefaults("ebs.csi.aws.com");

  final Engine engine;
  final ApiServer api;
  final ApiClient user;
  final ClusterContext ctx;
  final dev.volsim.core.trace.TraceRecorder traceRecorder = new dev.volsim.core.trace.TraceRecorder();

  PvTestCluster(Map<String, Object> config) {
    engine = new Engine(42);
    engine.trace().addListener(traceRecorder);
    api = new ApiServer(engine);
    user = api.client("kubectl");
    ctx = new ClusterContext(engine, api, KubernetesVersion.DEFAULT, KubernetesVersion.DEFAULT.defaultFeatureGates(),
        ComponentConfig.defaults().with(config), Latencies.defaults(), ImmutableList.of(TEST_DRIVER, EBS),
        new OperationFaults());
    for (int i = 1; i <= 3; i++) {
      apply("{apiVersion: v1, kind: Node, metadata: {name: node-" + i + ", labels: {kubernetes.io/hostname: node-" + i
          + ", topology.kubernetes.io/zone: zone-" + (char) ('a' + i - 1) + "}}}");
    }
    new PersistentVolumeController(ctx).start();
    new ExternalProvisioner(ctx).start();
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

  void run(Duration d) {
    engine.runFor(d);
  }

  PersistentVolume pv(String name) {
    return api.get(PersistentVolume.class, "", name).orElse(null);
  }

  PersistentVolumeClaim pvc(String name) {
    return api.get(PersistentVolumeClaim.class, "default", name).orElse(null);
  }

  /** "Reason: message" of every Event about the object, oldest first. */
  List<String> events(String kind, String name) {
    List<String> out = new ArrayList<>();
    for (Event e : api.list(Event.class)) {
      if (e.involvedObject() != null && kind.equals(e.involvedObject().kind()) && name.equals(e.involvedObject().name())) {
        out.add(e.reason() + ": " + e.message());
      }
    }
    return out;
  }

  int eventCount(String kind, String name, String reason) {
    int n = 0;
    for (Event e : api.list(Event.class)) {
      if (e.involvedObject() != null && kind.equals(e.involvedObject().kind())
          && name.equals(e.involvedObject().name()) && reason.equals(e.reason())) {
        n += e.count() == null ? 1 : e.count();
      }
    }
    return n;
  }

  List<TraceEntry> trace(String type) {
    return traceRecorder.entries().stream().filter(t -> t.type().equals(type)).toList();
  }

  /** Deletes a claim as a user would, and removes pvc-protection as its controller would (no Pod uses it). */
  void deleteClaim(String name) {
    user.delete(ObjectKey.namespaced("PersistentVolumeClaim", "default", name));
    stripFinalizers(pvc(name));
  }

  void deleteVolume(String name) {
    user.delete(ObjectKey.cluster("PersistentVolume", name));
    stripFinalizers(pv(name));
  }

  private void stripFinalizers(KubeObject o) {
    if (o != null) {
      user.update(Records.withMetadata(o, o.metadata().toBuilder().finalizers(List.of()).build()));
    }
  }

  void annotateClaim(String name, String key, String value) {
    PersistentVolumeClaim c = pvc(name);
    user.update(Records.withMetadata(c, PvHelpers.withAnnotation(c.metadata(), key, value)));
  }

  void clearClaimRef(String name) {
    PersistentVolume v = pv(name);
    user.update(new PersistentVolume(v.metadata(), Records.with(v.spec(), "claimRef", null), v.status()));
  }

  void inject(String operation, int times, String message) {
    ctx.faults().add(new OperationFaults.Rule(operation, null, times, OperationFaults.Mode.ERROR, message));
  }
}
