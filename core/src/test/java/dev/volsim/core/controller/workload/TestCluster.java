package dev.volsim.core.controller.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.ApiServer;
import dev.volsim.core.api.DeleteOptions;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.cluster.ComponentConfig;
import dev.volsim.core.cluster.KubernetesVersion;
import dev.volsim.core.cluster.OperationFaults;
import dev.volsim.core.engine.Engine;
import dev.volsim.core.engine.Latencies;
import dev.volsim.core.trace.TraceRecorder;
import dev.volsim.model.KubeObject;
import dev.volsim.model.core.ConditionStatus;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodCondition;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.core.PodStatus;
import dev.volsim.model.io.ManifestLoader;
import java.time.Duration;
import java.util.Optional;

/** A bare API server with a cluster context, and a user to act on it. */
final class TestCluster {
  final Engine engine;
  final ApiServer api;
  final ClusterContext context;
  final ApiClient user;
  final TraceRecorder trace = new TraceRecorder();

  TestCluster(long seed) {
    engine = new Engine(seed);
    engine.trace().addListener(trace);
    api = new ApiServer(engine);
    context = new ClusterContext(engine, api, KubernetesVersion.DEFAULT,
        KubernetesVersion.DEFAULT.defaultFeatureGates(), ComponentConfig.defaults(), Latencies.defaults(),
        ImmutableList.of(), new OperationFaults());
    user = api.client("kubectl");
  }

  static <T extends KubeObject> T yaml(Class<T> type, String text) {
    var r = ManifestLoader.strict().parse("test.yaml", text);
    assertThat(r.problems()).isEmpty();
    return type.cast(r.objects().get(0));
  }

  <T extends KubeObject> T create(Class<T> type, String text) {
    return user.create(yaml(type, text));
  }

  <T extends KubeObject> Optional<T> get(Class<T> type, String namespace, String name) {
    return api.get(type, namespace, name);
  }

  void delete(String kind, String namespace, String name) {
    user.delete(new ObjectKey(kind, namespace, name));
  }

  /** What a kubelet does once a Pod's containers are gone: confirm the deletion with grace 0. */
  void confirmPodDeletion(String namespace, String name) {
    user.delete(new ObjectKey("Pod", namespace, name), DeleteOptions.force());
  }

  /**
   * What a kubelet will do once its containers start: phase Running and condition Ready True
   * (there is no kubelet in core tests).
   */
  void markRunningReady(String namespace, String name) {
    Pod p = get(Pod.class, namespace, name).orElseThrow();
    PodCondition ready = new PodCondition(PodCondition.READY, ConditionStatus.TRUE, null, engine.wallTime(), null, null);
    user.updateStatus(p.withStatus(new PodStatus(PodPhase.RUNNING, ImmutableList.of(ready), null, null, null, null,
        null, null, null, engine.wallTime(), null, null, null)));
  }

  /** Pod names in the namespace, in name order. */
  java.util.List<String> podNames(String namespace) {
    return api.list(Pod.class, namespace).stream().map(p -> p.metadata().name()).toList();
  }

  /** Claim names in the namespace, in name order. */
  java.util.List<String> claimNames(String namespace) {
    return api.list(dev.volsim.model.core.PersistentVolumeClaim.class, namespace).stream()
        .map(p -> p.metadata().name()).toList();
  }

  /** Messages of the Events recorded about {@code name}, in order. */
  java.util.List<String> events(String reason) {
    return trace.entries().stream().filter(e -> e.type().equals("Event") && reason.equals(e.attributes().get("reason")))
        .map(e -> e.message().substring(e.message().indexOf(": ") + 2)).toList();
  }

  void settle() {
    engine.runFor(Duration.ofSeconds(5));
  }
}
