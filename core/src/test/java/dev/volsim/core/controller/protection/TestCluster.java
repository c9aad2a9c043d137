package dev.volsim.core.controller.protection;

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

  void settle() {
    engine.runFor(Duration.ofSeconds(5));
  }
}
