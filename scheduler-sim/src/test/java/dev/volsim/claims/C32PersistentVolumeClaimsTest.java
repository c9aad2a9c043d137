package dev.volsim.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.core.api.DeleteOptions;
import dev.volsim.core.engine.Engine;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.trace.TraceEntry;
import dev.volsim.core.trace.TraceRecorder;
import dev.volsim.model.KubeObject;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.Pod;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.scenario.RunOptions;
import dev.volsim.scenario.RunResult;
import dev.volsim.scenario.Scenario;
import dev.volsim.scenario.ScenarioParser;
import dev.volsim.scenario.ScenarioRunner;
import dev.volsim.sim.Simulation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Seed claim C32: PersistentVolumes and PersistentVolumeClaims, their basics, the PV lifecycle,
 * static PVs, claims, and Pods that use claims. Each test drives the public API (a
 * {@link Simulation} on the default cluster, or a scenario file through {@link ScenarioParser} and
 * {@link ScenarioRunner}) and checks what a user of a real cluster would see: phases, names,
 * references, events. Upstream references are in docs/semantics.md.
 */
class C32PersistentVolumeClaimsTest {
  private static final Path SCENARIOS = Path.of("..", "examples", "scenarios", "control-plane");

  private final TraceRecorder trace = new TraceRecorder();
  private final Simulation sim = Simulation.builder().seed(7).traceListener(trace).build();

  // ------------------------------------------------------------------ helpers

  private static KubeObject yaml(String text) {
    LoadResult r = ManifestLoader.strict().parse("c32.yaml", "---\n" + text + "\n");
    if (!r.ok() || r.objects().size() != 1) {
      throw new IllegalArgumentException(r.problems().toString());
    }
    return r.objects().get(0);
  }

  private void apply(String text) {
    sim.apply(yaml(text));
  }

  private void run(int seconds) {
    sim.runFor(Duration.ofSeconds(seconds));
  }

  private static String nfsPv(String name, String size, String reclaim) {
    return "{apiVersion: v1, kind: PersistentVolume, metadata: {name: " + name + "}, spec: {capacity: {storage: "
        + size + "}, accessModes: [ReadWriteOnce], persistentVolumeReclaimPolicy: " + reclaim
        + ", storageClassName: \"\", nfs: {server: nfs.example, path: /exports/" + name + "}}}";
  }

  private static String staticClaim(String name, String size) {
    return "{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: " + name + ", namespace: default}, spec: "
        + "{accessModes: [ReadWriteOnce], storageClassName: \"\", resources: {requests: {storage: " + size + "}}}}";
  }

  private static String pod(String name, String claim, String extraSpec) {
    return "{apiVersion: v1, kind: Pod, metadata: {name: " + name + ", namespace: default}, spec: {" + extraSpec
        + "containers: [{name: app, image: nginx, volumeMounts: [{name: data, mountPath: /data}]}], "
        + "volumes: [{name: data, persistentVolumeClaim: {claimName: " + claim + "}}]}}";
  }

  private Optional<PersistentVolume> pv(String name) {
    return sim.api().get(PersistentVolume.class, "", name);
  }

  private Optional<PersistentVolumeClaim> pvc(String name) {
    return sim.api().get(PersistentVolumeClaim.class, "default", name);
  }

  private String pvPhase(String name) {
    return pv(name).orElseThrow().status().phase().wire();
  }

  private String pvcPhase(String name) {
    return pvc(name).orElseThrow().status().phase().wire();
  }

  private Pod podObject(String name) {
    return sim.api().get(Pod.class, "default", name).orElseThrow();
  }

  private void deleteClaim(String name) {
    sim.client(Simulation.USER).delete(ObjectKey.namespaced("PersistentVolumeClaim", "default", name));
  }

  /** The messages of the Events recorded about an object ({@code kind/namespace/name}) with a reason. */
  private List<String> events(String object, String reason) {
    List<String> out = new ArrayList<>();
    for (TraceEntry e : trace.entries()) {
      if (e.type().equals("Event") && object.equals(e.object()) && reason.equals(e.attribute("reason"))) {
        out.add(e.message().substring(e.message().indexOf(": ") + 2));
      }
    }
    return out;
  }

  private List<TraceEntry> traced(String type) {
    return trace.entries().stream().filter(e -> e.type().equals(type) && e.attribute("outcome") == null).toList();
  }

  private static RunResult runScenario(String file) throws Exception {
    Scenario s = ScenarioParser.parse(SCENARIOS.resolve(file));
    return ScenarioRunner.run(s, RunOptions.defaults(), line -> { });
  }

  // ------------------------------------------------------------------ static PVs and binding

  @Test
  void C32_staticPvBindsToAMatchingClaim() {
    apply(nfsPv("pv-1g", "1Gi", "Retain"));
    apply(nfsPv("pv-5g", "5Gi", "Retain"));
    apply(nfsPv("pv-10g", "10Gi", "Retain"));
    run(1);
    assertThat(pvPhase("pv-5g")).isEqualTo("Available");

    apply(staticClaim("data", "3Gi"));
    run(5);

    // The smallest volume that fits, both sides pointing at each other, both Bound.
    PersistentVolumeClaim claim = pvc("data").orElseThrow();
    PersistentVolume volume = pv("pv-5g").orElseThrow();
    assertThat(claim.status().phase().wire()).isEqualTo("Bound");
    assertThat(claim.spec().volumeName()).isEqualTo("pv-5g");
    assertThat(claim.status().capacity().get("storage").toString()).isEqualTo("5Gi");
    assertThat(claim.metadata().annotations()).containsEntry("pv.kubernetes.io/bind-completed", "yes")
        .containsEntry("pv.kubernetes.io/bound-by-controller", "yes");
    assertThat(volume.status().phase().wire()).isEqualTo("Bound");
    assertThat(volume.spec().claimRef().name()).isEqualTo("data");
    assertThat(volume.spec().claimRef().namespace()).isEqualTo("default");
    assertThat(volume.spec().claimRef().uid()).isEqualTo(claim.metadata().uid());
    assertThat(pvPhase("pv-1g")).isEqualTo("Available");
    assertThat(pvPhase("pv-10g")).isEqualTo("Available");
    assertThat(traced("Bound")).singleElement().satisfies(e -> {
      assertThat(e.attribute("claim")).isEqualTo("default/data");
      assertThat(e.attribute("volume")).isEqualTo("pv-5g");
    });
    // A second claim of the same size takes the next smallest fit; a third, too big, waits.
    apply(staticClaim("more", "3Gi"));
    apply(staticClaim("huge", "20Gi"));
    run(5);
    assertThat(pvc("more").orElseThrow().spec().volumeName()).isEqualTo("pv-10g");
    assertThat(pvcPhase("huge")).isEqualTo("Pending");
    assertThat(events("persistentvolumeclaim/default/huge", "FailedBinding"))
        .contains("no persistent volumes available for this claim and no storage class is set");
  }

  @Test
  void C32_claimWithoutMatchingVolumeStaysPendingUntilOneAppears() {
    apply(staticClaim("data", "1Gi"));
    run(20);
    assertThat(pvcPhase("data")).isEqualTo("Pending");
    assertThat(events("persistentvolumeclaim/default/data", "FailedBinding"))
        .contains("no persistent volumes available for this claim and no storage class is set");
    apply(nfsPv("pv-late", "1Gi", "Retain"));
    run(20); // the claim's next resync finds it
    assertThat(pvcPhase("data")).isEqualTo("Bound");
    assertThat(pvc("data").orElseThrow().spec().volumeName()).isEqualTo("pv-late");
  }

  @Test
  void C32_claimPreBoundByVolumeNameGetsThatVolume() {
    apply(nfsPv("pv-small", "1Gi", "Retain"));
    apply(nfsPv("pv-chosen", "10Gi", "Retain"));
    run(1);
    apply("{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data, namespace: default}, spec: "
        + "{accessModes: [ReadWriteOnce], storageClassName: \"\", volumeName: pv-chosen, resources: {requests: {storage: 1Gi}}}}");
    run(5);
    assertThat(pvc("data").orElseThrow().spec().volumeName()).isEqualTo("pv-chosen");
    assertThat(pvPhase("pv-chosen")).isEqualTo("Bound");
    assertThat(pvPhase("pv-small")).isEqualTo("Available");
  }

  // ------------------------------------------------------------------ the PV lifecycle

  @Test
  void C32_pvLifecycleAvailableBoundReleasedByReclaimPolicy() {
    apply(nfsPv("pv-retain", "1Gi", "Retain"));
    run(1);
    assertThat(pvPhase("pv-retain")).isEqualTo("Available");
    apply(staticClaim("data", "1Gi"));
    run(5);
    assertThat(pvPhase("pv-retain")).isEqualTo("Bound");
    deleteClaim("data");
    run(30);
    // Retain: Released, claimRef kept, so no other claim gets it ...
    assertThat(pvc("data")).isEmpty();
    assertThat(pvPhase("pv-retain")).isEqualTo("Released");
    assertThat(pv("pv-retain").orElseThrow().spec().claimRef().name()).isEqualTo("data");
    apply(staticClaim("next", "1Gi"));
    run(30);
    assertThat(pvcPhase("next")).isEqualTo("Pending");
    // ... until an administrator clears the claimRef: Available, then bound again.
    sim.client(Simulation.USER).patch(ObjectKey.cluster("PersistentVolume", "pv-retain"),
        dev.volsim.core.api.ApiClient.PatchType.JSON, List.of(java.util.Map.of("op", "remove", "path", "/spec/claimRef")), false);
    run(30);
    assertThat(pvcPhase("next")).isEqualTo("Bound");
    assertThat(pvc("next").orElseThrow().spec().volumeName()).isEqualTo("pv-retain");
    assertThat(traced("Released")).hasSize(1);
    assertThat(traced("VolumeDeleted")).isEmpty();
  }

  @Test
  void C32_recyclePolicyScrubsAndMakesTheVolumeAvailableAgain() {
    apply(nfsPv("pv-recycle", "1Gi", "Recycle"));
    run(1);
    apply(staticClaim("data", "1Gi"));
    run(5);
    deleteClaim("data");
    run(30);
    PersistentVolume volume = pv("pv-recycle").orElseThrow();
    assertThat(volume.status().phase().wire()).isEqualTo("Available");
    assertThat(volume.spec().claimRef()).isNull();
    assertThat(events("persistentvolume/pv-recycle", "VolumeRecycled")).containsExactly("Volume recycled");
    assertThat(traced("Recycled")).hasSize(1);
  }

  @Test
  void C32_deletePolicyRemovesAProvisionedVolumeAndItsBackend() {
    apply("{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: fast}, provisioner: disk.csi.volsim.dev, "
        + "volumeBindingMode: Immediate, reclaimPolicy: Delete}");
    apply("{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data, namespace: default}, spec: "
        + "{accessModes: [ReadWriteOnce], storageClassName: fast, resources: {requests: {storage: 1Gi}}}}");
    run(10);
    String pvName = "pvc-" + pvc("data").orElseThrow().metadata().uid();
    assertThat(pvPhase(pvName)).isEqualTo("Bound");
    assertThat(pv(pvName).orElseThrow().spec().persistentVolumeReclaimPolicy().wire()).isEqualTo("Delete");
    deleteClaim("data");
    run(30);
    assertThat(pv(pvName)).isEmpty();
    assertThat(traced("Released")).singleElement().satisfies(e -> assertThat(e.attribute("volume")).isEqualTo(pvName));
    assertThat(traced("VolumeDeleted")).singleElement().satisfies(e -> assertThat(e.attribute("volume")).isEqualTo(pvName));
  }

  @Test
  void C32_deletePolicyOnAStaticNfsVolumeFails() {
    apply(nfsPv("pv-nfs", "1Gi", "Delete"));
    run(1);
    apply(staticClaim("data", "1Gi"));
    run(5);
    deleteClaim("data");
    run(30);
    assertThat(pvPhase("pv-nfs")).isEqualTo("Failed");
    assertThat(events("persistentvolume/pv-nfs", "VolumeFailedDelete")).containsExactly(
        "error getting deleter volume plugin for volume \"pv-nfs\": no deletable volume plugin matched");
  }

  // ------------------------------------------------------------------ claims and dynamic provisioning

  @Test
  void C32_claimWithoutClassGetsTheDefaultClassAndIsProvisioned() {
    apply("{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data, namespace: default}, spec: "
        + "{accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}");
    run(5);
    PersistentVolumeClaim claim = pvc("data").orElseThrow();
    // The DefaultStorageClass admission plugin filled in the default class (WaitForFirstConsumer) ...
    assertThat(claim.spec().storageClassName()).isEqualTo("standard");
    assertThat(claim.status().phase().wire()).isEqualTo("Pending");
    assertThat(events("persistentvolumeclaim/default/data", "WaitForFirstConsumer"))
        .contains("waiting for first consumer to be created before binding");
    assertThat(sim.api().list(PersistentVolume.class)).isEmpty();
    // ... so a Pod's scheduling decides where the volume is provisioned.
    apply(pod("web", "data", ""));
    run(20);
    claim = pvc("data").orElseThrow();
    String node = podObject("web").spec().nodeName();
    assertThat(node).isIn("node-1", "node-2", "node-3");
    String pvName = "pvc-" + claim.metadata().uid();
    assertThat(claim.status().phase().wire()).isEqualTo("Bound");
    assertThat(claim.spec().volumeName()).isEqualTo(pvName);
    assertThat(claim.metadata().annotations()).containsEntry("volume.kubernetes.io/selected-node", node)
        .containsEntry("volume.kubernetes.io/storage-provisioner", "disk.csi.volsim.dev");
    PersistentVolume volume = pv(pvName).orElseThrow();
    assertThat(volume.spec().storageClassName()).isEqualTo("standard");
    assertThat(volume.spec().persistentVolumeReclaimPolicy().wire()).isEqualTo("Delete");
    assertThat(volume.spec().source()).isInstanceOfSatisfying(dev.volsim.model.volume.CSIPersistentVolumeSource.class,
        csi -> assertThat(csi.driver()).isEqualTo("disk.csi.volsim.dev"));
    assertThat(volume.metadata().annotations()).containsEntry("pv.kubernetes.io/provisioned-by", "disk.csi.volsim.dev");
    String zone = Optional.ofNullable(sim.api().get(dev.volsim.model.core.Node.class, "", node).orElseThrow()
        .metadata().labels().get("topology.kubernetes.io/zone")).orElseThrow();
    assertThat(volume.spec().nodeAffinity().required().nodeSelectorTerms().get(0).matchExpressions().get(0).values())
        .containsExactly(zone);
    assertThat(events("persistentvolumeclaim/default/data", "ProvisioningSucceeded"))
        .containsExactly("Successfully provisioned volume " + pvName);
  }

  @Test
  void C32_claimWithEmptyClassIsNeverProvisioned() {
    apply(staticClaim("data", "1Gi"));
    run(30);
    assertThat(pvcPhase("data")).isEqualTo("Pending");
    assertThat(pvc("data").orElseThrow().spec().storageClassName()).isEmpty();
    assertThat(sim.api().list(PersistentVolume.class)).isEmpty();
    assertThat(traced("Provisioned")).isEmpty();
  }

  // ------------------------------------------------------------------ Pods that use claims

  @Test
  void C32_podUsingAClaimIsScheduledWhereItsVolumeCanBe() {
    // A static volume only reachable from zone-c (a local disk, say): the Pod goes to node-3.
    apply("{apiVersion: v1, kind: PersistentVolume, metadata: {name: pv-c}, spec: {capacity: {storage: 1Gi}, "
        + "accessModes: [ReadWriteOnce], storageClassName: \"\", local: {path: /mnt/disks/ssd1}, nodeAffinity: "
        + "{required: {nodeSelectorTerms: [{matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, "
        + "values: [zone-c]}]}]}}}}");
    run(1);
    apply(staticClaim("data", "1Gi"));
    run(5);
    assertThat(pvcPhase("data")).isEqualTo("Bound");
    apply(pod("web", "data", ""));
    run(10);
    assertThat(podObject("web").spec().nodeName()).isEqualTo("node-3");
    assertThat(events("pod/default/web", "Scheduled")).containsExactly("Successfully assigned default/web to node-3");
    // A Pod whose node selector excludes zone-c cannot use that claim anywhere.
    apply(pod("elsewhere", "data", "nodeSelector: {topology.kubernetes.io/zone: zone-a}, "));
    run(10);
    assertThat(podObject("elsewhere").spec().nodeName()).isNull();
    assertThat(events("pod/default/elsewhere", "FailedScheduling")).first().asString().startsWith(
        "0/3 nodes are available: 1 node(s) didn't match PersistentVolume's node affinity, 2 node(s) didn't match Pod's node "
            + "affinity/selector.");
  }

  @Test
  void C32_podWithAnUnboundImmediateClaimIsNotScheduled() {
    apply("{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: manual}, provisioner: "
        + "kubernetes.io/no-provisioner, volumeBindingMode: Immediate}");
    apply("{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data, namespace: default}, spec: "
        + "{accessModes: [ReadWriteOnce], storageClassName: manual, resources: {requests: {storage: 1Gi}}}}");
    apply(pod("web", "data", ""));
    run(10);
    assertThat(podObject("web").spec().nodeName()).isNull();
    assertThat(events("pod/default/web", "FailedScheduling")).first().asString().isEqualTo(
        "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are "
            + "available: 3 Preemption is not helpful for scheduling.");
  }

  @Test
  void C32_deletedClaimReleasesItsVolume() {
    apply(nfsPv("pv-1", "1Gi", "Retain"));
    run(1);
    apply(staticClaim("data", "1Gi"));
    run(5);
    apply(pod("web", "data", ""));
    run(10);
    assertThat(podObject("web").spec().nodeName()).isIn("node-1", "node-2", "node-3");
    // In use by a scheduled Pod: the claim is only marked for deletion, and stays Bound.
    deleteClaim("data");
    run(30);
    PersistentVolumeClaim terminating = pvc("data").orElseThrow();
    // Marked when it was deleted (1 s + 5 s + 10 s into the run), and kept.
    assertThat(terminating.metadata().deletionTimestamp()).isEqualTo(Engine.EPOCH.plusSeconds(16));
    assertThat(terminating.metadata().finalizers()).containsExactly("kubernetes.io/pvc-protection");
    assertThat(terminating.status().phase().wire()).isEqualTo("Bound");
    assertThat(pvPhase("pv-1")).isEqualTo("Bound");
    // The Pod goes: the claim goes, and its volume is Released.
    sim.client(Simulation.USER).delete(ObjectKey.namespaced("Pod", "default", "web"), DeleteOptions.force());
    run(10);
    assertThat(pvc("data")).isEmpty();
    assertThat(pvPhase("pv-1")).isEqualTo("Released");
    assertThat(trace.entries().stream().filter(e -> e.type().equals("FinalizerRemoved")
        && e.component().equals("pvc-protection-controller")
        && "persistentvolumeclaim/default/data".equals(e.object()))).hasSize(1);
    assertThat(traced("Released")).singleElement().satisfies(e -> {
      assertThat(e.attribute("volume")).isEqualTo("pv-1");
      assertThat(e.attribute("claim")).isEqualTo("default/data");
    });
  }

  @Test
  void C32_boundVolumeIsProtectedFromDeletion() {
    apply(nfsPv("pv-1", "1Gi", "Retain"));
    run(1);
    apply(staticClaim("data", "1Gi"));
    run(5);
    sim.client(Simulation.USER).delete(ObjectKey.cluster("PersistentVolume", "pv-1"));
    run(30);
    PersistentVolume volume = pv("pv-1").orElseThrow();
    // Marked when it was deleted (1 s + 5 s into the run), and kept.
    assertThat(volume.metadata().deletionTimestamp()).isEqualTo(Engine.EPOCH.plusSeconds(6));
    assertThat(volume.metadata().finalizers()).containsExactly("kubernetes.io/pv-protection");
    assertThat(pvcPhase("data")).isEqualTo("Bound");
  }

  // ------------------------------------------------------------------ the stories, as scenario files

  @Test
  void C32_scenarioRetainVolumeReusedOnlyAfterClaimRefCleared() throws Exception {
    RunResult r = runScenario("retain-stays-released.yaml");
    assertThat(r.exitCode()).as(String.join("\n", r.checks())).isZero();
  }

  @Test
  void C32_scenarioStatefulSetClaimsProvisionedInTheOnlyServedZone() throws Exception {
    RunResult r = runScenario("statefulset-wfc-single-zone.yaml");
    assertThat(r.exitCode()).as(String.join("\n", r.checks())).isZero();
    assertThat(r.checks()).anyMatch(c -> c.contains("pod/web-2 spec.nodeName == \"node-b\""));
  }

  @Test
  void C32_scenarioClaimTerminatingWhilePodUsesIt() throws Exception {
    RunResult r = runScenario("claim-terminating-while-pod-uses-it.yaml");
    assertThat(r.exitCode()).as(String.join("\n", r.checks())).isZero();
  }
}
