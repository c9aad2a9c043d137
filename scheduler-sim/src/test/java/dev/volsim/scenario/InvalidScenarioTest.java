package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.run;
import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static dev.volsim.scenario.ScenarioHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios that are themselves wrong: exit 2, each problem as {@code file:line:col: message}. */
class InvalidScenarioTest {
  @TempDir
  Path dir;

  private Run invalid(String spec) {
    Run run = runSpec(dir, spec);
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).as(run.toString()).isEmpty();
    return run;
  }

  /** The stderr lines with the temporary folder cut off: {@code s.yaml:5:3: ...}. */
  private java.util.List<String> errors(Run run) {
    return run.errLines().stream().map(l -> l.replace(dir.toString() + "/", "")).toList();
  }

  @Test
  void unknownKeyNamesTheKnownOnes() {
    assertThat(errors(invalid("stpes: []\n"))).containsExactly(
        "s.yaml:5:3: unknown key \"stpes\" in spec (known: seed, kubernetes, cluster, timing, objects, steps, images, behaviors)");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Run run = invalid("""
        seed: seven
        timing: {attach: 2 s, mountDevic: 1s}
        kubernetes: {version: "1.12", featureGates: {GitRepoVolumeDrive: true}, config: {nodeMonitorGracePeriod: 50, colour: red}}
        steps:
        - advance: 3 parsecs
        - frobnicate: {}
        """);
    assertThat(errors(run)).containsExactly(
        "s.yaml:5:9: spec.seed must be an integer, got the string \"seven\"",
        "s.yaml:6:20: bad duration for spec.timing.attach: time: unknown unit \" s\" in duration \"2 s\"",
        "s.yaml:6:25: unknown timing operation \"mountDevic\" (known: attach, bind, configSync, containerStart, "
            + "containerStop, delete, detach, download, gitClone, imagePull, mountDevice, provision, schedule, "
            + "setUp, tearDown, unmountDevice, watch)",
        "s.yaml:7:25: unsupported Kubernetes version \"1.12\": volsim models 1.25 to 1.34",
        "s.yaml:7:48: unknown feature gate \"GitRepoVolumeDrive\" (known: GitRepoVolumeDriver, "
            + "HonorPVReclaimPolicy, ImageVolume, NodeOutOfServiceVolumeDetach, ReadWriteOncePod, RecursiveReadOnlyMounts)",
        "s.yaml:7:108: bad value for spec.kubernetes.config.nodeMonitorGracePeriod: time: missing unit in duration \"50\"",
        "s.yaml:7:112: unknown key \"colour\" in spec.kubernetes.config (known: defaultNotReadyTolerationSeconds, "
            + "defaultUnreachableTolerationSeconds, disableForceDetachOnTimeout, enableControllerAttachDetach, "
            + "enableHostPathProvisioner, maxWaitForUnmountDuration, nodeMonitorGracePeriod, pvClaimBinderSyncPeriod, "
            + "reconcilerSyncLoopPeriod, scheduler, syncFrequency)",
        "s.yaml:9:14: bad duration for spec.steps[0].advance: time: unknown unit \" parsecs\" in duration \"3 parsecs\"",
        "s.yaml:10:5: unknown step \"frobnicate\" (known: apply, delete, patch, advance, waitFor, expect, "
            + "expectOrder, capture, pause, resume, inject, exec, admin, exit, fail, recover, restart, taint, untaint, "
            + "and expectError beside any of them)");
  }

  @Test
  void wrongApiVersionAndKind() {
    Path f = write(dir, "s.yaml", "apiVersion: volsim.dev/v1\nkind: Scenaro\nspec: {}\n");
    Run run = run(f);
    assertThat(run.code()).isEqualTo(2);
    assertThat(errors(run)).containsExactly(
        "s.yaml:1:13: apiVersion must be \"volsim.dev/v1alpha1\", got \"volsim.dev/v1\"",
        "s.yaml:2:7: kind must be \"Scenario\", got \"Scenaro\"");
  }

  @Test
  void aFileOutsideTheScenariosFolderIsRefused() {
    write(dir.getParent(), dir.getFileName() + "-outside.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    Run run = invalid("objects:\n- file: ../" + dir.getFileName() + "-outside.yaml\n");
    assertThat(errors(run)).containsExactly(
        "s.yaml:6:11: file \"../" + dir.getFileName() + "-outside.yaml\" is outside the scenario's folder");
  }

  @Test
  void aSymbolicLinkOutOfTheFolderIsRefused() throws IOException {
    Path outside = write(dir.getParent(), dir.getFileName() + "-target.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    Files.createSymbolicLink(dir.resolve("link.yaml"), outside);
    Run run = invalid("objects:\n- file: link.yaml\n");
    assertThat(errors(run)).containsExactly(
        "s.yaml:6:11: file \"link.yaml\" is outside the scenario's folder (through a symbolic link)");
  }

  @Test
  void aMissingFileIsUnreadable() {
    assertThat(errors(invalid("steps:\n- apply: {file: sub/none.yaml}\n")))
        .containsExactly("s.yaml:6:19: cannot read file \"sub/none.yaml\": no such file");
  }

  @Test
  void aMissingScenarioIsUnreadable() {
    Run run = run(dir.resolve("nothing.yaml"));
    assertThat(run.code()).isEqualTo(2);
    assertThat(errors(run)).containsExactly("nothing.yaml:1:1: cannot read scenario: no such file");
  }

  @Test
  void anInvalidManifestIsReportedWhereItIsWritten() {
    Run run = invalid("""
        objects:
        - manifest:
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data}
            spec: {resources: {requests: {storage: 1Gi}}, volumeMode: Sideways}
        """);
    assertThat(errors(run)).anySatisfy(l -> assertThat(l).startsWith("s.yaml:10:7: ").contains("spec.accessModes"))
        .anySatisfy(l -> assertThat(l).startsWith("s.yaml:10:53: ").contains("Sideways"));
  }

  @Test
  void anInvalidManifestInAFileIsReportedInThatFile() {
    write(dir, "m/bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndatta: {}\n");
    Run run = invalid("steps:\n- apply: {file: m/bad.yaml}\n");
    assertThat(errors(run)).singleElement().asString().startsWith("m/bad.yaml:4:1: ").contains("datta");
  }

  @Test
  void keysOfTheContractThatWereOnceRefusedAsNotSupportedYetAreNowAccepted() {
    // Each of these was refused "not supported yet" by an earlier version; the scenario is still
    // invalid, but only for the deliberate mistake at its end.
    Run run = invalid("""
        cluster:
          nodes: [{name: n1, files: [{path: /x}]}]
          nfsServers: [{name: nfs}]
          csiDrivers: [{name: d, volumes: [{handle: vol-1, files: [{path: dump.rdb, content: v1}]}]}]
        behaviors: []
        steps:
        - exec: {pod: p, container: c, mount: {source: /a, target: /b}}
        - inject: {failure: {operation: attach, volume: pv-1}}
        - expect: {file: {nfs: nfs, path: /x}, exists: true}
        - waitFor: {describe: pod/p, contains: [x]}
        - fail: {csiDriver: d, part: node, node: n1}
        - recover: {csiDriver: d, part: node, node: n1}
        - fail: {csiDriver: d, part: both}
        """);
    assertThat(errors(run)).containsExactly(
        "s.yaml:17:32: spec.steps[6].fail.part must be controller or node, got \"both\"");
  }

  @Test
  void storageFailuresAreScopedByClaimVolumeNodeOrPodNotByComponent() {
    Run run = invalid("""
        steps:
        - inject: {failure: {operation: provision, claim: data, component: kubectl, times: never}}
        """);
    assertThat(errors(run)).containsExactly(
        "s.yaml:6:59: spec.steps[0].inject.failure.component applies only to apiUpdate failures (provision failures are scoped by claim, volume, node or pod)",
        "s.yaml:6:86: spec.steps[0].inject.failure.times must be a positive integer or forever, got the string \"never\"");
  }

  @Test
  void csiDriversOfTheClusterAreReadWithTheirKeysChecked() {
    Run run = invalid("""
        cluster:
          nodes: [{name: n1}]
          csiDrivers:
          - {name: ebs.csi.aws.com, accessModes: [ReadWriteSometimes], capacity: lots, colour: blue}
        steps: []
        """);
    assertThat(errors(run)).hasSize(3)
        .anySatisfy(l -> assertThat(l).contains("colour"))
        .anySatisfy(l -> assertThat(l).contains("ReadWriteSometimes"))
        .anySatisfy(l -> assertThat(l).contains("capacity: quantities must match"));
  }

  @Test
  void badStepArguments() {
    Run run = invalid("""
        steps:
        - delete: {object: pvc/data, force: true, gracePeriodSeconds: 5, propagationPolicy: Sometimes}
        - patch: {object: "flux/x", merge: {a: 1}, subresource: scale}
        - capture: {name: "no spaces", value: "${pvc/data}"}
        - inject: {failure: {operation: apiUpdate, kind: gadget, times: 0, mode: loud}}
        - apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}, file: a.yaml}
          expectError: ""
        - delete: {object: pvc/a}
          patch: {object: pvc/a, merge: {}}
        """);
    assertThat(errors(run)).anySatisfy(l -> assertThat(l).startsWith("s.yaml:6:").contains("propagationPolicy must be Orphan"))
        .anySatisfy(l -> assertThat(l).startsWith("s.yaml:6:").contains("force and gracePeriodSeconds greater than 0"))
        .anySatisfy(l -> assertThat(l).startsWith("s.yaml:7:").contains("flux"))
        .anySatisfy(l -> assertThat(l).startsWith("s.yaml:7:").contains("subresource must be status"))
        .anySatisfy(l -> assertThat(l).startsWith("s.yaml:8:").contains("name must be a name"))
        .anySatisfy(l -> assertThat(l).startsWith("s.yaml:8:").contains("has no field path"))
        .anySatisfy(l -> assertThat(l).startsWith("s.yaml:9:").contains("unknown kind \"gadget\""))
        .anySatisfy(l -> assertThat(l).startsWith("s.yaml:9:").contains("times must be an integer from 1"))
        .anySatisfy(l -> assertThat(l).startsWith("s.yaml:9:").contains("mode must be error, timeout or uncertain"))
        .anySatisfy(l -> assertThat(l).startsWith("s.yaml:10:").contains("cannot read file \"a.yaml\""))
        .anySatisfy(l -> assertThat(l).startsWith("s.yaml:11:").contains("expectError must not be empty"))
        .anySatisfy(l -> assertThat(l).startsWith("s.yaml:13:").contains("a step does one thing"));
  }

  @Test
  void malformedYamlIsReportedWhereReadingStopped() {
    Run run = run(write(dir, "s.yaml", "apiVersion: volsim.dev/v1alpha1\nkind: Scenario\nspec: {steps: [\n"));
    assertThat(run.code()).isEqualTo(2);
    assertThat(errors(run)).singleElement().asString().startsWith("s.yaml:");
  }
}
