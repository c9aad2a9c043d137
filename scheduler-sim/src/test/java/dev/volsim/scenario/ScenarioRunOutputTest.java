package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.run;
import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static dev.volsim.scenario.ScenarioHarness.scenario;
import static dev.volsim.scenario.ScenarioHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output of {@code volsim run}, its options, seeds and determinism. */
class ScenarioRunOutputTest {
  @TempDir
  Path dir;

  private static final String STORY = """
      seed: 5
      objects:
      - manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: owner}}
      steps:
      - capture: {name: uid, value: "${cm/owner.metadata.uid}"}
      - apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: dep, ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: owner, uid: "${uid}"}]}}}
      - delete: {object: cm/owner}
      - waitFor: {absent: cm/dep}
      - expect: {trace: {type: ObjectDeleted, component: garbage-collector}, count: 1}
      """;

  @Test
  void timelineThenChecksThenFingerprint() {
    Run run = runSpec(dir, STORY);
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).containsExactly(
        // The embedded default cluster's own setup comes first: it is part of the story.
        "+0.000s  api-server  created namespace/default",
        "+0.000s  api-server  created namespace/kube-node-lease",
        "+0.000s  api-server  created namespace/kube-public",
        "+0.000s  api-server  created namespace/kube-system",
        "+0.000s  kubelet  created node/node-1",
        "+0.000s  kubelet  created node/node-2",
        "+0.000s  kubelet  created node/node-3",
        "+0.000s  cluster-setup  created csidriver/disk.csi.volsim.dev",
        "+0.000s  kubelet  created csinode/node-1",
        "+0.000s  kubelet  created csinode/node-2",
        "+0.000s  kubelet  created csinode/node-3",
        "+0.000s  cluster-setup  created storageclass/standard",
        "+0.000s  kubectl  created configmap/default/owner",
        "+0.000s  kubectl  created configmap/default/dep",
        "+0.000s  kubectl  deleted configmap/default/owner",
        "+0.010s  garbage-collector  deleted configmap/default/dep",
        "PASS step 4 waitFor: cm/dep does not exist (held at +0.010s)",
        "PASS step 5 expect: 1 trace entry matching {type: ObjectDeleted, component: garbage-collector}",
        run.outLines().get(18));
    assertThat(run.outLines().get(18)).matches("fingerprint: sha256:[0-9a-f]{64}");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void theSameScenarioAndSeedGiveTheSameOutputByteForByte() {
    Run first = runSpec(dir, STORY);
    Run second = runSpec(dir, STORY);
    assertThat(second.out()).isEqualTo(first.out());
    Run jsonFirst = runSpec(dir, STORY, "--format", "jsonl");
    Run jsonSecond = runSpec(dir, STORY, "--format", "jsonl");
    assertThat(jsonSecond.out()).isEqualTo(jsonFirst.out());
  }

  @Test
  void seedOverrideReplacesSpecSeed() {
    String revealUid = "- apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: keep}}}\n"
        + "- expect: {object: cm/keep, field: metadata.uid, equals: unknowable}\n";
    Path five = write(dir, "five.yaml", scenario(STORY + revealUid));
    Path nine = write(dir, "nine.yaml", scenario(STORY.replace("seed: 5\n", "seed: 9\n") + revealUid));
    Path unseeded = write(dir, "unseeded.yaml", scenario(STORY.replace("seed: 5\n", "") + revealUid));
    Run fromSpec = run(five);
    Run overridden = run(nine, "--seed", "5");
    assertThat(fromSpec.code()).isEqualTo(1);
    assertThat(failLine(fromSpec)).contains("found \"");
    assertThat(overridden.out().replace("nine.yaml", "five.yaml")).isEqualTo(fromSpec.out());
    // uids derive from the seed: another seed, another uid in the FAIL line
    Run six = run(five, "--seed", "6");
    assertThat(failLine(six)).isNotEqualTo(failLine(fromSpec));
    assertThat(six.out()).contains("--seed 6");
    assertThat(run(unseeded).out()).contains("--seed 1");
  }

  private static String failLine(Run run) {
    return run.outLines().stream().filter(l -> l.startsWith("FAIL ")).findFirst().orElseThrow();
  }

  @Test
  void jsonLinesCarryEveryEntryAndHashToTheFingerprint() throws Exception {
    Run run = runSpec(dir, STORY, "--format", "jsonl");
    List<String> lines = new ArrayList<>(run.outLines());
    String fingerprint = lines.remove(lines.size() - 1);
    List<String> json = lines.stream().filter(l -> l.startsWith("{")).toList();
    assertThat(json).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("{\"t\":"));
    var digest = java.security.MessageDigest.getInstance("SHA-256");
    for (String l : json) {
      digest.update((l + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(fingerprint).isEqualTo("fingerprint: sha256:" + java.util.HexFormat.of().formatHex(digest.digest()));
    assertThat(runSpec(dir, STORY).outLines()).last().isEqualTo(fingerprint);
  }

  @Test
  void outWritesTheTimelineToAFileAndQuietPrintsOnlyFailuresAndFingerprint() throws IOException {
    Path out = dir.resolve("timeline.txt");
    Run run = runSpec(dir, STORY, "--out", out.toString());
    assertThat(Files.readAllLines(out)).hasSize(16).last().isEqualTo("+0.010s  garbage-collector  deleted configmap/default/dep");
    assertThat(run.outLines()).hasSize(3).first().asString().startsWith("PASS step 4");
    Run quiet = runSpec(dir, STORY, "--quiet");
    assertThat(quiet.outLines()).singleElement().asString().startsWith("fingerprint: sha256:");
  }

  @Test
  void quietFailureShowsTheFailureTheReplayAndTheFingerprint() {
    Run run = runSpec(dir, STORY + "- expect: {count: {kind: cm}, equals: 7}\n", "--quiet");
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.outLines()).hasSize(3);
    assertThat(run.outLines().get(0)).startsWith("FAIL step 6 expect: ").contains("at +0.010s");
    assertThat(run.outLines().get(1)).isEqualTo("replay: volsim run " + dir.resolve("s.yaml") + " --seed 5");
  }

  @Test
  void aBadFormatIsAUsageError() {
    Run run = runSpec(dir, STORY, "--format", "xml");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--format must be text or jsonl");
  }

  @Test
  void clusterNodesTimingAndKubernetesSettingsShapeTheSimulation() {
    Run run = runSpec(dir, """
        kubernetes: {version: "1.30", featureGates: {GitRepoVolumeDriver: true}, config: {nodeMonitorGracePeriod: 40s, scheduler: {bindTimeoutSeconds: 30}}}
        timing: {watch: {uniform: [1ms, 5ms]}, attach: {exponential: 2s}, provision: 3s}
        cluster:
          nodes:
          - name: worker-a
            zone: zone-x
            labels: {disktype: ssd}
            address: 10.1.0.7
            packages: [nfs-common]
            capacity: {cpu: "8"}
            taints: [{key: dedicated, value: db, effect: NoSchedule}]
            unschedulable: true
        steps:
        - expect: {count: {kind: nodes}, equals: 1}
        - expect: {object: node/worker-a, field: 'metadata.labels["topology.kubernetes.io/zone"]', equals: zone-x}
        - expect: {object: node/worker-a, field: metadata.labels.disktype, equals: ssd}
        - expect: {object: node/worker-a, field: 'status.addresses[type=InternalIP].address', equals: 10.1.0.7}
        - expect: {object: node/worker-a, field: status.capacity.cpu, equals: 8}
        - expect: {object: node/worker-a, field: 'spec.taints[key=dedicated].effect', equals: NoSchedule}
        - expect: {object: node/worker-a, field: spec.unschedulable, equals: true}
        - expect: {object: node/worker-a, field: status.nodeInfo.kubeletVersion, equals: v1.30.0}
        - expect: {count: {kind: sc}, equals: 0}
        """);
    assertThat(run.code()).as(run.toString()).isZero();
  }
}
