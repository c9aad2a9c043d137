package dev.volsim.model.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.Quantity;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.io.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nodes (cluster-scoped, taints, volumes in use/attached) and the behaviour-less core kinds. */
class NodeTest {
  private static LoadResult parse(String yaml) {
    return ManifestLoader.strict().parse("node.yaml", yaml);
  }

  private static List<String> problems(String yaml) {
    return parse(yaml).problems().stream().map(Problem::toString).toList();
  }

  @Test
  void nodeStatusDecodesAndAllocatableDefaultsToCapacity() {
    LoadResult r = parse("""
        apiVersion: v1
        kind: Node
        metadata: {name: node-1, labels: {kubernetes.io/hostname: node-1}}
        spec:
          podCIDR: 10.244.1.0/24
          taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]
        status:
          capacity: {cpu: "4", memory: 8Gi, pods: "110"}
          conditions:
          - {type: Ready, status: "True", reason: KubeletReady}
          addresses: [{type: InternalIP, address: 192.168.1.11}]
          daemonEndpoints: {kubeletEndpoint: {Port: 10250}}
          nodeInfo: {kubeletVersion: v1.31.0, operatingSystem: linux, architecture: amd64}
          volumesInUse: [kubernetes.io/csi/nfs.csi.k8s.io^vol-1]
          volumesAttached: [{name: kubernetes.io/csi/nfs.csi.k8s.io^vol-1, devicePath: ""}]
        """);
    assertThat(r.problems()).isEmpty();
    Node node = (Node) r.objects().get(0);
    assertThat(node.namespaced()).isFalse();
    assertThat(node.status().allocatable()).containsEntry("memory", Quantity.parse("8Gi"));
    assertThat(node.status().condition(NodeCondition.READY)).get()
        .extracting(NodeCondition::status).isEqualTo(ConditionStatus.TRUE);
    assertThat(node.status().daemonEndpoints().kubeletEndpoint().port()).isEqualTo(10250);
    assertThat(node.status().volumesAttached()).extracting(AttachedVolume::name)
        .containsExactly("kubernetes.io/csi/nfs.csi.k8s.io^vol-1");
    assertThat(node.spec().taints().get(0).effect()).isEqualTo(TaintEffect.NO_SCHEDULE);
  }

  @Test
  void nodeTaintsAreValidatedUnderMetadataTaintsAsUpstreamDoes() {
    assertThat(problems("""
        apiVersion: v1
        kind: Node
        metadata: {name: node-1}
        spec:
          taints:
          - {key: dedicated, value: db, effect: NoSchedule}
          - {key: dedicated, value: web, effect: NoSchedule}
          - {key: "bad key", effect: NoExecute}
          - {key: gpu}
        """)).containsExactly(
            "node.yaml:3:1: metadata.taints[1]: Duplicate value: core.Taint{Key:\"dedicated\", Value:\"web\", "
                + "Effect:\"NoSchedule\", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair",
            "node.yaml:3:1: metadata.taints[2].key: Invalid value: \"bad key\": name part must consist of alphanumeric "
                + "characters, '-', '_' or '.', and must start and end with an alphanumeric character "
                + "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
            "node.yaml:3:1: metadata.taints[3].effect: Required value");
  }

  @Test
  void nodeIsClusterScoped() {
    assertThat(problems("""
        apiVersion: v1
        kind: Node
        metadata: {name: node-1, namespace: default}
        """)).containsExactly("node.yaml:3:26: metadata.namespace: Forbidden: not allowed on this type");
  }

  @Test
  void serviceIsDefaultedAndNamedByDns1035Label() {
    LoadResult r = parse("""
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          clusterIP: None
          selector: {app: web}
          ports: [{name: http, port: 80}]
        """);
    assertThat(r.problems()).isEmpty();
    Service svc = (Service) r.objects().get(0);
    assertThat(svc.spec().isHeadless()).isTrue();
    assertThat(svc.spec().type()).isEqualTo("ClusterIP");
    assertThat(svc.spec().ports().get(0).targetPort()).hasToString("80");
    assertThat(svc.spec().ports().get(0).protocol()).isEqualTo(Protocol.TCP);
    assertThat(problems("""
        apiVersion: v1
        kind: Service
        metadata: {name: 1web}
        """)).containsExactly("node.yaml:3:12: metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist "
            + "of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an "
            + "alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is "
            + "'[a-z]([-a-z0-9]*[a-z0-9])?')");
  }

  @Test
  void endpointsAndEventsDecode() {
    LoadResult r = parse("""
        apiVersion: v1
        kind: Endpoints
        metadata: {name: web, namespace: shop}
        subsets:
        - addresses: [{ip: 10.244.1.5, nodeName: node-1, targetRef: {kind: Pod, name: web-0, namespace: shop}}]
          ports: [{name: http, port: 80}]
        ---
        apiVersion: v1
        kind: Event
        metadata: {name: web-0.17a2, namespace: shop}
        involvedObject: {kind: Pod, name: web-0, namespace: shop}
        reason: FailedMount
        message: "MountVolume.SetUp failed for volume \\"data\\""
        source: {component: kubelet, host: node-1}
        firstTimestamp: "2024-01-01T00:00:00Z"
        lastTimestamp: "2024-01-01T00:00:10Z"
        count: 2
        type: Warning
        """);
    assertThat(r.problems()).isEmpty();
    Endpoints ep = (Endpoints) r.objects().get(0);
    assertThat(ep.subsets().get(0).ports().get(0).protocol()).isEqualTo(Protocol.TCP);
    Event ev = (Event) r.objects().get(1);
    assertThat(ev.seenAgain(ev.lastTimestamp()).count()).isEqualTo(3);
  }

  @Test
  void eventInvolvedObjectMustBeInTheEventNamespace() {
    assertThat(problems("""
        apiVersion: v1
        kind: Event
        metadata: {name: web-0.17a2, namespace: shop}
        involvedObject: {kind: Pod, name: web-0, namespace: other}
        reason: Started
        """)).containsExactly(
            "node.yaml:4:42: involvedObject.namespace: Invalid value: \"other\": does not match event.namespace");
  }
}
