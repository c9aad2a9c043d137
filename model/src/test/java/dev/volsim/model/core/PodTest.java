package dev.volsim.model.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.Kinds;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.Quantity;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.io.ManifestWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pods as the API server stores them: decoded from YAML, with upstream's defaults applied. */
class PodTest {
  private static Pod load(String yaml) {
    LoadResult r = ManifestLoader.strict().parse("pod.yaml", yaml);
    assertThat(r.problems()).isEmpty();
    return (Pod) r.objects().get(0);
  }

  @Test
  void defaultsAreAppliedAsByTheApiServer() {
    Pod pod = load("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
        spec:
          containers:
          - name: nginx
            image: nginx
        """);
    PodSpec spec = pod.spec();
    assertThat(spec.restartPolicy()).isEqualTo(RestartPolicy.ALWAYS);
    assertThat(spec.terminationGracePeriodSeconds()).isEqualTo(30L);
    assertThat(spec.dnsPolicy()).isEqualTo(DNSPolicy.CLUSTER_FIRST);
    assertThat(spec.schedulerName()).isEqualTo("default-scheduler");
    assertThat(spec.enableServiceLinks()).isTrue();
    // SetDefaults_PodSpec gives an empty PodSecurityContext, not null.
    assertThat(spec.securityContext()).isEqualTo(new PodSecurityContext(null, null, null, null, null, null));
    Container c = spec.containers().get(0);
    assertThat(c.imagePullPolicy()).isEqualTo(PullPolicy.ALWAYS);
    assertThat(c.terminationMessagePath()).isEqualTo("/dev/termination-log");
    assertThat(c.terminationMessagePolicy()).isEqualTo(TerminationMessagePolicy.FILE);
    assertThat(pod.status()).isNull();
    assertThat(pod.phase()).isEqualTo(PodPhase.PENDING);
  }

  @Test
  void imagePullPolicyDefaultsToAlwaysOnlyForLatestOrUntaggedImages() {
    assertThat(Container.defaultPullPolicy("nginx")).isEqualTo(PullPolicy.ALWAYS);
    assertThat(Container.defaultPullPolicy("nginx:latest")).isEqualTo(PullPolicy.ALWAYS);
    assertThat(Container.defaultPullPolicy("registry:5000/team/app")).isEqualTo(PullPolicy.ALWAYS);
    assertThat(Container.defaultPullPolicy("nginx:1.25")).isEqualTo(PullPolicy.IF_NOT_PRESENT);
    assertThat(Container.defaultPullPolicy("registry:5000/team/app:v2")).isEqualTo(PullPolicy.IF_NOT_PRESENT);
    assertThat(Container.defaultPullPolicy("nginx@sha256:abcd")).isEqualTo(PullPolicy.IF_NOT_PRESENT);
    assertThat(Container.defaultPullPolicy("nginx:latest@sha256:abcd")).isEqualTo(PullPolicy.ALWAYS);
    assertThat(Container.of("a", "redis:7").imagePullPolicy()).isEqualTo(PullPolicy.IF_NOT_PRESENT);
  }

  @Test
  void explicitValuesAreKept() {
    Pod pod = load("""
        apiVersion: v1
        kind: Pod
        metadata: {name: job}
        spec:
          restartPolicy: Never
          terminationGracePeriodSeconds: 5
          containers:
          - {name: a, image: "busybox:latest", imagePullPolicy: IfNotPresent}
        """);
    assertThat(pod.spec().restartPolicy()).isEqualTo(RestartPolicy.NEVER);
    assertThat(pod.spec().terminationGracePeriodSeconds()).isEqualTo(5L);
    assertThat(pod.spec().containers().get(0).imagePullPolicy()).isEqualTo(PullPolicy.IF_NOT_PRESENT);
  }

  @Test
  void podRequestsDefaultToLimitsButTemplateRequestsDoNot() {
    Container c = new Container("a", "nginx:1", null, null, null, null, null, null,
        new ResourceRequirements(com.google.common.collect.ImmutableSortedMap.of("cpu", Quantity.parse("1"), "memory", Quantity.parse("1Gi")),
            com.google.common.collect.ImmutableSortedMap.of("cpu", Quantity.parse("500m"))),
        null, null, null, null, null, null, null, null, null, null, null, false, false, false);
    PodSpec spec = PodSpec.of(List.of(), List.of(c));
    assertThat(new PodTemplateSpec(null, spec).spec().containers().get(0).resources().requests())
        .containsOnlyKeys("cpu");
    Pod pod = new Pod(ObjectMeta.named("ns", "p"), spec, null);
    assertThat(pod.spec().containers().get(0).resources().requests())
        .containsEntry("cpu", Quantity.parse("500m"))
        .containsEntry("memory", Quantity.parse("1Gi"));
  }

  @Test
  void hostNetworkPodGetsHostPortsEqualToContainerPorts() {
    Pod pod = load("""
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          hostNetwork: true
          containers:
          - name: a
            image: agent:1
            ports: [{containerPort: 9100}]
        """);
    ContainerPort p = pod.spec().containers().get(0).ports().get(0);
    assertThat(p.hostPort()).isEqualTo(9100);
    assertThat(p.protocol()).isEqualTo(Protocol.TCP);
  }

  @Test
  void volumeMountsDecodeWithReadOnlyFalseByDefault() {
    Pod pod = load("""
        apiVersion: v1
        kind: Pod
        metadata: {name: envoy}
        spec:
          volumes: [{name: config-file-store, emptyDir: {medium: Memory, sizeLimit: 16Mi}}]
          initContainers:
          - name: init
            image: busybox:1.36
            volumeMounts: [{name: config-file-store, mountPath: /data}]
          containers:
          - name: envoy
            image: envoyproxy/envoy:v1.29
            volumeMounts: [{name: config-file-store, mountPath: /etc/envoy, readOnly: true}]
        """);
    assertThat(pod.spec().initContainers().get(0).volumeMounts().get(0).readOnly()).isFalse();
    assertThat(pod.spec().containers().get(0).volumeMounts().get(0).readOnly()).isTrue();
    assertThat(pod.spec().volume("config-file-store")).isPresent();
    assertThat(pod.spec().allContainers()).extracting(Container::name).containsExactly("init", "envoy");
  }

  @Test
  void writtenPodReadsBackEqual() {
    Pod pod = load("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          volumes: [{name: html, emptyDir: {}}]
          nodeSelector: {disk: ssd}
          tolerations: [{key: k, operator: Exists, effect: NoSchedule}]
          containers:
          - name: nginx
            image: nginx:1.25
            env: [{name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
            resources: {limits: {cpu: 500m}}
            volumeMounts: [{name: html, mountPath: /usr/share/nginx/html, mountPropagation: HostToContainer}]
        status:
          phase: Running
          conditions: [{type: Ready, status: "True"}]
          containerStatuses:
          - name: nginx
            ready: true
            restartCount: 0
            state: {running: {startedAt: "2024-01-01T00:00:00Z"}}
        """);
    String yaml = ManifestWriter.toYaml(pod);
    assertThat(load(yaml)).isEqualTo(pod);
    assertThat(pod.spec().containers().get(0).env().get(0).valueFrom().fieldRef().apiVersion()).isEqualTo("v1");
    assertThat(pod.status().condition(PodCondition.READY)).get()
        .extracting(PodCondition::status).isEqualTo(ConditionStatus.TRUE);
  }

  @Test
  void kubectlNamesResolveToTheCoreKinds() {
    assertThat(Kinds.resolve("po")).get().extracting(k -> k.kind()).isEqualTo("Pod");
    assertThat(Kinds.resolve("no")).get().extracting(k -> k.kind()).isEqualTo("Node");
    assertThat(Kinds.resolve("secrets")).get().extracting(k -> k.kind()).isEqualTo("Secret");
    assertThat(Kinds.resolve("svc")).get().extracting(k -> k.kind()).isEqualTo("Service");
    assertThat(Kinds.resolve("ep")).get().extracting(k -> k.kind()).isEqualTo("Endpoints");
    assertThat(Kinds.resolve("ev")).get().extracting(k -> k.kind()).isEqualTo("Event");
    assertThat(Kinds.of(Node.class).namespaced()).isFalse();
  }
}
