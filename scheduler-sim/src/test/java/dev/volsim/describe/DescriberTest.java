package dev.volsim.describe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.KubeObject;
import dev.volsim.model.core.ConfigMap;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.Secret;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.sim.Simulation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The describe text of objects other than Pods, through the public {@link Describer}, and kubectl's formatting helpers. */
class DescriberTest {
  private static KubeObject yaml(String text) {
    LoadResult r = ManifestLoader.strict().parse("t.yaml", text);
    assertThat(r.errors()).isEmpty();
    return r.objects().get(0);
  }

  @Test
  void aStaticNfsVolumeShowsItsSourceClaimAndNodeAffinity() {
    // Not yet synced by the PV controller (no time has passed): Pending.
    Simulation sim = Simulation.builder().build();
    sim.apply(yaml("""
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: pv-nfs, labels: {tier: gold}}
        spec:
          capacity: {storage: 5Gi}
          accessModes: [ReadWriteMany, ReadWriteOnce]
          persistentVolumeReclaimPolicy: Retain
          nfs: {server: 10.0.0.50, path: /data/redis}
          nodeAffinity:
            required:
              nodeSelectorTerms:
              - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [zone-a, zone-b]}]
        """));
    String text = new Describer(sim.api()).describe(sim.api().get(PersistentVolume.class, "", "pv-nfs").orElseThrow());
    assertThat(text).isEqualTo(String.join("\n",
        "Name:              pv-nfs",
        "Labels:            tier=gold",
        "Annotations:       <none>",
        "Finalizers:        [kubernetes.io/pv-protection]",
        "StorageClass:      ",
        "Status:            Pending",
        "Claim:             ",
        "Reclaim Policy:    Retain",
        "Access Modes:      RWO,RWX",
        "VolumeMode:        Filesystem",
        "Capacity:          5Gi",
        "Node Affinity:     ",
        "  Required Terms:  ",
        "    Term 0:        topology.kubernetes.io/zone in [zone-a, zone-b]",
        "Message:           ",
        "Source:",
        "    Type:      NFS (an NFS mount that lasts the lifetime of a pod)",
        "    Server:    10.0.0.50",
        "    Path:      /data/redis",
        "    ReadOnly:  false",
        "Events:        <none>",
        ""));
  }

  @Test
  void configMapsShowTheirDataAndSecretsOnlyTheSizes() {
    Simulation sim = Simulation.builder().build();
    sim.apply(yaml("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: conf}
        data: {envoy.yaml: "admin: {}\\n"}
        """));
    sim.apply(yaml("""
        apiVersion: v1
        kind: Secret
        metadata: {name: tls}
        stringData: {tls.key: abcdef}
        """));
    Describer d = new Describer(sim.api());
    assertThat(d.describe(sim.api().get(ConfigMap.class, "default", "conf").orElseThrow()))
        .contains("Data\n====\nenvoy.yaml:\n----\nadmin: {}\n\n");
    assertThat(d.describe(sim.api().get(Secret.class, "default", "tls").orElseThrow()))
        .contains("Type:  Opaque", "tls.key:  6 bytes").doesNotContain("abcdef");
  }

  @Test
  void agesAreApimachineryHumanDurations() {
    assertThat(GoText.humanDuration(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(GoText.humanDuration(Duration.ofSeconds(200))).isEqualTo("3m20s");
    assertThat(GoText.humanDuration(Duration.ofMinutes(12))).isEqualTo("12m");
    assertThat(GoText.humanDuration(Duration.ofMinutes(303))).isEqualTo("5h3m");
    assertThat(GoText.humanDuration(Duration.ofHours(76))).isEqualTo("3d4h");
  }

  @Test
  void columnsAlignPerBlockAsGoTabwriterDoes() {
    assertThat(TabFormatter.format("a:\tx\nlonger:\ty\nsingle\nb:\tz\n"))
        .isEqualTo("a:       x\nlonger:  y\nsingle\nb:  z\n");
  }
}
