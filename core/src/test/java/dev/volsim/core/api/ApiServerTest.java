package dev.volsim.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.engine.Engine;
import dev.volsim.core.trace.TraceEntry;
import dev.volsim.core.trace.TraceRecorder;
import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.OwnerReference;
import dev.volsim.model.Records;
import dev.volsim.model.core.ConfigMap;
import dev.volsim.model.core.Event;
import dev.volsim.model.core.Namespace;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.Pod;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.storage.StorageClass;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API server's rules, each shown through its public client. */
class ApiServerTest {
  private final Engine engine = new Engine(1);
  private final TraceRecorder trace = new TraceRecorder();
  private final ApiServer api;
  private final ApiClient user;

  ApiServerTest() {
    engine.trace().addListener(trace);
    api = new ApiServer(engine);
    user = api.client("kubectl");
  }

  static <T extends KubeObject> T yaml(Class<T> type, String text) {
    var r = ManifestLoader.strict().parse("test.yaml", text);
    assertThat(r.problems()).isEmpty();
    return type.cast(r.objects().get(0));
  }

  static ConfigMap cm(String name) {
    return new ConfigMap(ObjectMeta.named(name), null, ImmutableSortedMap.of("k", "v"), null);
  }

  static PersistentVolumeClaim pvc(String name, String storageClassLine) {
    return yaml(PersistentVolumeClaim.class, """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: %s}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
          %s
        """.formatted(name, storageClassLine));
  }

  static Pod pod(String name, String nodeName) {
    return yaml(Pod.class, """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s}
        spec:
          %s
          containers: [{name: app, image: busybox}]
        """.formatted(name, nodeName == null ? "" : "nodeName: " + nodeName));
  }

  @Test
  void createAssignsUidResourceVersionTimestampAndDefaultNamespace() {
    ConfigMap created = user.create(cm("cfg"));
    assertThat(created.metadata().namespace()).isEqualTo("default");
    assertThat(created.metadata().uid()).matches("[0-9a-f-]{36}");
    assertThat(created.metadata().resourceVersion()).isNotEmpty();
    assertThat(created.metadata().creationTimestamp()).isEqualTo(Engine.EPOCH);
    assertThat(api.get(ConfigMap.class, "default", "cfg")).contains(created);
    assertThatThrownBy(() -> user.create(cm("cfg")))
        .isInstanceOf(ApiException.class).hasMessage("configmaps \"cfg\" already exists");
  }

  @Test
  void generateNameGivesAFreshNameFromTheSeed() {
    ConfigMap a = user.create(new ConfigMap(ObjectMeta.builder().generateName("web-").build(), null, null, null));
    ConfigMap b = user.create(new ConfigMap(ObjectMeta.builder().generateName("web-").build(), null, null, null));
    assertThat(a.metadata().name()).matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(b.metadata().name()).isNotEqualTo(a.metadata().name());
    Engine other = new Engine(1);
    ConfigMap again = new ApiServer(other).client("kubectl")
        .create(new ConfigMap(ObjectMeta.builder().generateName("web-").build(), null, null, null));
    assertThat(again.metadata().name()).isEqualTo(a.metadata().name());
  }

  @Test
  void invalidObjectsAreRefusedWith422AndTheFieldList() {
    assertThatThrownBy(() -> user.create(cm("Bad_Name")))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(422))
        .hasMessageStartingWith("ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\"");
  }

  @Test
  void staleResourceVersionIsAConflict() {
    ConfigMap v1 = user.create(cm("cfg"));
    ConfigMap v2 = user.update(new ConfigMap(v1.metadata(), null, ImmutableSortedMap.of("k", "v2"), null));
    assertThat(v2.metadata().resourceVersion()).isNotEqualTo(v1.metadata().resourceVersion());
    assertThatThrownBy(() -> user.update(new ConfigMap(v1.metadata(), null, ImmutableSortedMap.of("k", "v3"), null)))
        .isInstanceOf(ApiException.class)
        .hasMessage("Operation cannot be fulfilled on configmaps \"cfg\": the object has been modified; "
            + "please apply your changes to the latest version and try again")
        .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(409));
    // Without a resourceVersion the update is unconditional.
    ObjectMeta noRv = v1.metadata().toBuilder().resourceVersion(null).build();
    assertThat(user.update(new ConfigMap(noRv, null, ImmutableSortedMap.of("k", "v4"), null)).data()).containsEntry("k", "v4");
  }

  @Test
  void updatesKeepStatusAndStatusUpdatesKeepSpec() {
    PersistentVolumeClaim created = user.create(pvc("data", "storageClassName: \"\""));
    PersistentVolumeClaim withStatus = Records.with(created, "status",
        Records.with(created.status(), "phase", dev.volsim.model.core.PersistentVolumeClaimPhase.BOUND));
    PersistentVolumeClaim afterUpdate = user.update(withStatus);
    assertThat(afterUpdate.status().phase()).isEqualTo(dev.volsim.model.core.PersistentVolumeClaimPhase.PENDING);
    PersistentVolumeClaim afterStatus = user.updateStatus(withStatus.metadata().resourceVersion() == null ? withStatus
        : Records.withMetadata(withStatus, afterUpdate.metadata()));
    assertThat(afterStatus.status().phase()).isEqualTo(dev.volsim.model.core.PersistentVolumeClaimPhase.BOUND);
  }

  @Test
  void objectWithFinalizersIsOnlyMarkedUntilTheLastFinalizerGoes() {
    ConfigMap created = user.create(new ConfigMap(ObjectMeta.builder().name("cfg").finalizers(List.of("a/x", "b/y")).build(), null, null, null));
    KubeObject marked = user.delete(ObjectKey.of(created));
    // A non-Pod object with finalizers is marked at once (no grace period): now, virtual time 0.
    assertThat(marked.metadata().deletionTimestamp()).isEqualTo(Engine.EPOCH);
    assertThat(api.get(ObjectKey.of(created))).isPresent();
    ConfigMap current = api.get(ConfigMap.class, "default", "cfg").orElseThrow();
    assertThatThrownBy(() -> user.update(Records.withMetadata(current, current.metadata().toBuilder()
        .finalizers(List.of("a/x", "b/y", "c/z")).build())))
        .hasMessageContaining("no new finalizers can be added if the object is being deleted");
    user.update(Records.withMetadata(current, current.metadata().toBuilder().finalizers(List.of("b/y")).build()));
    assertThat(api.get(ObjectKey.of(created))).isPresent();
    ConfigMap last = api.get(ConfigMap.class, "default", "cfg").orElseThrow();
    user.update(Records.withMetadata(last, last.metadata().toBuilder().finalizers(List.of()).build()));
    assertThat(api.get(ObjectKey.of(created))).isEmpty();
    assertThat(trace.entries()).filteredOn(e -> e.type().equals("FinalizerRemoved"))
        .extracting(e -> e.attribute("finalizer")).containsExactly("a/x", "b/y");
  }

  @Test
  void scheduledPodsAreDeletedGracefullyUnscheduledOnesAtOnce() {
    Pod running = user.create(pod("web", "node-1"));
    KubeObject marked = user.delete(ObjectKey.of(running));
    assertThat(marked.metadata().deletionGracePeriodSeconds()).isEqualTo(30L);
    assertThat(marked.metadata().deletionTimestamp()).isEqualTo(Engine.EPOCH.plusSeconds(30));
    assertThat(api.get(ObjectKey.of(running))).isPresent();
    // A shorter grace period shortens it; the kubelet's grace-0 confirmation removes the Pod.
    assertThat(user.delete(ObjectKey.of(running), DeleteOptions.defaults().withGracePeriod(5L))
        .metadata().deletionGracePeriodSeconds()).isEqualTo(5L);
    api.client("kubelet").delete(ObjectKey.of(running), DeleteOptions.force());
    assertThat(api.get(ObjectKey.of(running))).isEmpty();

    Pod pending = user.create(pod("queued", null));
    user.delete(ObjectKey.of(pending));
    assertThat(api.get(ObjectKey.of(pending))).isEmpty();
    assertThat(trace.entries()).filteredOn(e -> e.type().equals("PodRemoved")).extracting(TraceEntry::object)
        .containsExactly("pod/default/web", "pod/default/queued");
  }

  @Test
  void forceDeletionRemovesARunningPodAtOnce() {
    Pod running = user.create(pod("web", "node-1"));
    user.delete(ObjectKey.of(running), DeleteOptions.force());
    assertThat(api.get(ObjectKey.of(running))).isEmpty();
  }

  private ConfigMap owned(String name, KubeObject owner, Boolean block) {
    OwnerReference ref = new OwnerReference(owner.apiVersion(), owner.kind(), owner.metadata().name(),
        owner.metadata().uid(), true, block);
    return user.create(new ConfigMap(ObjectMeta.builder().name(name).ownerReferences(List.of(ref)).build(), null, null, null));
  }

  @Test
  void backgroundGarbageCollectionDeletesDependentsAfterTheOwner() {
    ConfigMap owner = user.create(cm("owner"));
    owned("child-1", owner, null);
    owned("child-2", owner, null);
    user.create(cm("other"));
    user.delete(ObjectKey.of(owner));
    assertThat(api.get(ObjectKey.of(owner))).isEmpty();
    assertThat(api.list(ConfigMap.class)).hasSize(3);
    engine.runUntilQuiescent();
    assertThat(api.list(ConfigMap.class)).extracting(c -> c.metadata().name()).containsExactly("other");
    assertThat(trace.entries()).filteredOn(e -> e.type().equals("ObjectDeleted") && e.component().equals("garbage-collector"))
        .hasSize(2);
  }

  @Test
  void foregroundDeletionKeepsTheOwnerUntilBlockingDependentsAreGone() {
    ConfigMap owner = user.create(cm("owner"));
    owned("child", owner, true);
    user.delete(ObjectKey.of(owner), DeleteOptions.defaults().withPropagation(PropagationPolicy.FOREGROUND));
    assertThat(api.get(ObjectKey.of(owner)).orElseThrow().metadata().finalizers()).containsExactly("foregroundDeletion");
    engine.runUntilQuiescent();
    assertThat(api.list(ConfigMap.class)).isEmpty();
  }

  @Test
  void orphanDeletionLeavesDependentsWithoutTheirOwnerReference() {
    ConfigMap owner = user.create(cm("owner"));
    owned("child", owner, true);
    user.delete(ObjectKey.of(owner), DeleteOptions.defaults().withPropagation(PropagationPolicy.ORPHAN));
    engine.runUntilQuiescent();
    assertThat(api.list(ConfigMap.class)).extracting(c -> c.metadata().name()).containsExactly("child");
    assertThat(api.list(ConfigMap.class).get(0).metadata().ownerReferences()).isEmpty();
  }

  @Test
  void namespaceLifecycleRefusesMissingAndTerminatingNamespacesAndEmptiesDeletedOnes() {
    assertThat(api.list(Namespace.class)).extracting(n -> n.metadata().name())
        .containsExactly("default", "kube-node-lease", "kube-public", "kube-system");
    assertThatThrownBy(() -> user.create(new ConfigMap(ObjectMeta.named("shop", "cfg"), null, null, null)))
        .hasMessage("namespaces \"shop\" not found");
    user.create(Namespace.named("shop"));
    user.create(new ConfigMap(ObjectMeta.named("shop", "cfg"), null, null, null));
    user.delete(ObjectKey.cluster("Namespace", "shop"));
    assertThat(api.get(Namespace.class, null, "shop").orElseThrow().status().phase()).isEqualTo("Terminating");
    assertThatThrownBy(() -> user.create(new ConfigMap(ObjectMeta.named("shop", "more"), null, null, null)))
        .hasMessage("unable to create new content in namespace shop because it is being terminated");
    engine.runUntilQuiescent();
    assertThat(api.get(Namespace.class, null, "shop")).isEmpty();
    assertThat(api.list(ConfigMap.class, "shop")).isEmpty();
  }

  @Test
  void defaultStorageClassIsGivenOnlyToClaimsWithoutAClass() {
    user.create(yaml(StorageClass.class, """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: standard, annotations: {storageclass.kubernetes.io/is-default-class: "true"}}
        provisioner: example.com/csi
        """));
    user.create(yaml(StorageClass.class, """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: fast}
        provisioner: example.com/csi
        """));
    assertThat(user.create(pvc("unset", "")).spec().storageClassName()).isEqualTo("standard");
    assertThat(user.create(pvc("empty", "storageClassName: \"\"")).spec().storageClassName()).isEmpty();
    assertThat(user.create(pvc("named", "storageClassName: fast")).spec().storageClassName()).isEqualTo("fast");
  }

  @Test
  void claimsWithoutADefaultClassStayUnset() {
    assertThat(user.create(pvc("unset", "")).spec().storageClassName()).isNull();
  }

  @Test
  void newestDefaultClassWinsWhenThereAreSeveral() {
    String sc = """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: %s, annotations: {storageclass.kubernetes.io/is-default-class: "true"}}
        provisioner: example.com/csi
        """;
    user.create(yaml(StorageClass.class, sc.formatted("old")));
    engine.runFor(Duration.ofSeconds(5));
    user.create(yaml(StorageClass.class, sc.formatted("new")));
    assertThat(user.create(pvc("c", "")).spec().storageClassName()).isEqualTo("new");
  }

  @Test
  void storageObjectInUseProtectionAddsFinalizers() {
    assertThat(user.create(pvc("data", "storageClassName: \"\"")).metadata().finalizers())
        .containsExactly("kubernetes.io/pvc-protection");
    var pv = user.create(yaml(dev.volsim.model.core.PersistentVolume.class, """
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: pv-1}
        spec:
          capacity: {storage: 1Gi}
          accessModes: [ReadWriteOnce]
          nfs: {server: nfs.example.com, path: /data}
        """));
    assertThat(pv.metadata().finalizers()).containsExactly("kubernetes.io/pv-protection");
  }

  @Test
  void informersSeeChangesLateAndCanBeStale() {
    api.setWatchLatency(dev.volsim.core.engine.LatencyModel.fixed(Duration.ofMillis(200)));
    Informer<ConfigMap> informer = new Informer<>(api, ConfigMap.class, "some-controller");
    informer.start();
    ConfigMap created = user.create(cm("cfg"));
    assertThat(informer.get("default", "cfg")).isEmpty();
    engine.runFor(Duration.ofMillis(199));
    assertThat(informer.get("default", "cfg")).isEmpty();
    engine.runFor(Duration.ofMillis(1));
    assertThat(informer.get("default", "cfg")).contains(created);
    ConfigMap updated = user.update(new ConfigMap(created.metadata(), null, ImmutableSortedMap.of("k", "new"), null));
    assertThat(informer.get("default", "cfg").orElseThrow().data()).containsEntry("k", "v");
    informer.pause();
    engine.runFor(Duration.ofSeconds(1));
    assertThat(informer.get("default", "cfg").orElseThrow().data()).containsEntry("k", "v");
    informer.resume();
    assertThat(informer.get("default", "cfg")).contains(updated);
  }

  @Test
  void repeatedEventsIncrementTheirCount() {
    ConfigMap target = user.create(cm("cfg"));
    EventRecorder recorder = new EventRecorder(api.client("persistentvolume-controller"), null);
    recorder.warning(target, "ProvisioningFailed", "no volume plugin matched name: kubernetes.io/no-provisioner");
    engine.runFor(Duration.ofSeconds(15));
    recorder.warning(target, "ProvisioningFailed", "no volume plugin matched name: kubernetes.io/no-provisioner");
    recorder.normal(target, "Other", "different");
    List<Event> events = api.list(Event.class);
    assertThat(events).hasSize(2);
    Event repeated = events.stream().filter(e -> e.reason().equals("ProvisioningFailed")).findFirst().orElseThrow();
    assertThat(repeated.count()).isEqualTo(2);
    assertThat(repeated.firstTimestamp()).isEqualTo(Engine.EPOCH);
    assertThat(repeated.lastTimestamp()).isEqualTo(Engine.EPOCH.plusSeconds(15));
    assertThat(repeated.source().component()).isEqualTo("persistentvolume-controller");
    assertThat(repeated.involvedObject().name()).isEqualTo("cfg");
  }

  @Test
  void mergeAndJsonPatchesApplyLikeKubectlPatch() {
    ConfigMap created = user.create(cm("cfg"));
    user.patch(ObjectKey.of(created), ApiClient.PatchType.MERGE,
        Map.of("data", Map.of("added", "1"), "metadata", Map.of("labels", Map.of("app", "web"))), false);
    ConfigMap merged = api.get(ConfigMap.class, "default", "cfg").orElseThrow();
    assertThat(merged.data()).containsEntry("k", "v").containsEntry("added", "1");
    assertThat(merged.metadata().labels()).containsEntry("app", "web");
    user.patch(ObjectKey.of(created), ApiClient.PatchType.JSON,
        List.of(Map.of("op", "remove", "path", "/data/k"), Map.of("op", "replace", "path", "/data/added", "value", "2")), false);
    assertThat(api.get(ConfigMap.class, "default", "cfg").orElseThrow().data()).containsExactly(Map.entry("added", "2"));
    assertThatThrownBy(() -> user.patch(ObjectKey.of(created), ApiClient.PatchType.JSON,
        List.of(Map.of("op", "remove", "path", "/data/nope")), false))
        .isInstanceOf(ApiException.class).hasMessageContaining("nonexistent key");
  }

  @Test
  void injectedFailuresHitTheNamedComponentTheGivenNumberOfTimes() {
    ConfigMap created = user.create(cm("cfg"));
    api.faults().add(new ApiFaults.Rule("persistentvolume-controller", "ConfigMap", null, 2, ApiFaults.Mode.ERROR, null));
    ApiClient pvc = api.client("persistentvolume-controller");
    ConfigMap next = new ConfigMap(created.metadata().toBuilder().resourceVersion(null).build(), null, ImmutableSortedMap.of("k", "x"), null);
    assertThatThrownBy(() -> pvc.update(next)).isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(500));
    user.update(next); // another component is not affected
    assertThatThrownBy(() -> pvc.update(next)).isInstanceOf(ApiException.class);
    assertThat(pvc.update(new ConfigMap(next.metadata(), null, ImmutableSortedMap.of("k", "y"), null)).data()).containsEntry("k", "y");
    assertThat(trace.entries()).filteredOn(e -> e.type().equals("ApiRequest"))
        .extracting(e -> e.attribute("outcome")).containsExactly("failed", "failed");
  }

  @Test
  void uncertainFailuresApplyTheWriteButReportATimeout() {
    api.faults().add(new ApiFaults.Rule(null, "ConfigMap", null, 1, ApiFaults.Mode.UNCERTAIN, null));
    assertThatThrownBy(() -> user.create(cm("cfg"))).isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(504));
    assertThat(api.get(ConfigMap.class, "default", "cfg")).isPresent();
  }
}
