package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.volsim.core.world.ClusterWorld;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.scenario.ScenarioHarness.Run;
import dev.volsim.sim.Simulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Containers that live, exit and restart, replayed through {@code volsim run}: seed claims C4 and
 * C16, restart policies, CrashLoopBackOff, Pod phases and init container ordering as the kubelet
 * (computePodActions, getPhase, doBackOff) has them.
 */
class SeedClaimsContainersTest {
  @TempDir Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).as(run.toString()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }

  private static String pod(String restartPolicy, String more) {
    return """
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: app}
            spec:
              nodeName: node-1
              restartPolicy: %s
              volumes: [{name: data, emptyDir: {}}]
              containers:
              - {name: main, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}
        """.formatted(restartPolicy) + more;
  }

  @Test
  void C4_volumeDataSurvivesAContainerRestartButTheRootFileSystemDoesNot() {
    assertPassed(runSpec(dir, pod("Always", """
        steps:
        - waitFor: {object: pod/app, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: app, write: /data/kept, content: "in the volume"}
        - exec: {pod: app, write: /tmp/lost, content: "in the root fs"}
        - restart: {container: {pod: app, name: main}}
        - waitFor: {object: pod/app, field: "status.containerStatuses[name=main].state.running", exists: true, timeout: 1m}
        - expect: {object: pod/app, field: "status.containerStatuses[name=main].restartCount", equals: 1}
        - expect: {object: pod/app, field: "status.containerStatuses[name=main].lastState.terminated.exitCode", equals: 137}
        - expect: {file: {pod: app, path: /data/kept}, content: "in the volume"}
        - expect: {file: {pod: app, path: /tmp/lost}, error: "No such file or directory"}
        - expect: {trace: {type: ContainerKilled, container: main}, count: 1}
        # Now the process ends by itself; restartPolicy Always starts it again (no back-off yet).
        - exec: {pod: app, write: /tmp/lost-again, content: "x"}
        - exit: {pod: app, container: main, code: 0}
        - waitFor: {object: pod/app, field: "status.containerStatuses[name=main].restartCount", equals: 2, timeout: 1m}
        - waitFor: {object: pod/app, field: "status.containerStatuses[name=main].state.running", exists: true, timeout: 1m}
        - expect: {file: {pod: app, path: /data/kept}, content: "in the volume"}
        - expect: {file: {pod: app, path: /tmp/lost-again}, exists: false}
        - expect: {trace: {type: ContainerExited, container: main, exitCode: 0}, count: 1}
        """)));
  }

  private static final Path ENVOY = Path.of("..", "examples", "manifests", "seed", "envoy-emptydir-pod.yaml");
  private static final String ENVOY_URL =
      "https://raw.githubusercontent.com/iKubernetes/Kubernetes_Advanced_Practical_2rd/master/chapter4/envoy.yaml";

  /** The book's manifest, unedited, run on a cluster whose URL serves a config. */
  @Test
  void C16_theInitContainerDownloadsEnvoyYamlAndEnvoyReadsItReadOnly() throws Exception {
    Simulation sim = Simulation.builder().build();
    sim.world().addUrl(ENVOY_URL, new ClusterWorld.UrlResponse(200, "static_resources: {}\n"));
    LoadResult r = ManifestLoader.strict().load(ENVOY);
    assertThat(r.ok()).isTrue();
    r.objects().forEach(sim::apply);
    sim.runFor(Duration.ofMinutes(1));
    Pod pod = sim.api().get(Pod.class, "default", "volumes-emptydir-demo").orElseThrow();
    assertThat(pod.status().phase()).isEqualTo(PodPhase.RUNNING);
    assertThat(pod.status().initContainerStatuses().get(0).state().terminated().exitCode()).isZero();
    var envoy = new SimFiles(sim).container("volumes-emptydir-demo", "envoy");
    assertThat(envoy.fs().readString("/etc/envoy/envoy.yaml", envoy.as())).isEqualTo("static_resources: {}\n");
    assertThatThrownBy(() -> envoy.fs().write("/etc/envoy/envoy.yaml", "x", envoy.as()))
        .hasMessageContaining("Read-only file system");
  }

  @Test
  void theEnvoyScenarioReadsAByteForByteCopyOfTheBooksManifest() throws Exception {
    Path copy = Path.of("..", "examples", "scenarios", "seed", "manifests", "envoy-emptydir-pod.yaml");
    assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(ENVOY));
  }

  @Test
  void aFailedDownloadFailsTheInitContainerAndTheKubeletRestartsItWithBackOff() {
    assertPassed(runSpec(dir, """
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: dl}
            spec:
              nodeName: node-1
              volumes: [{name: data, emptyDir: {}}]
              initContainers:
              - {name: fetch, image: busybox, command: ["/bin/sh", "-c", "wget -O /data/x http://example.com/x && echo done > /data/ok"], volumeMounts: [{name: data, mountPath: /data}]}
              containers:
              - {name: main, image: busybox}
        steps:
        # The default cluster is lax: the URL answers 200 with an empty body, both commands run.
        - waitFor: {object: pod/dl, field: status.phase, equals: Running, timeout: 2m}
        - expect: {object: pod/dl, field: "status.initContainerStatuses[name=fetch].state.terminated.exitCode", equals: 0}
        """));
    assertPassed(runSpec(dir, """
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: dl}
            spec:
              nodeName: node-1
              volumes: [{name: data, emptyDir: {}}]
              initContainers:
              - {name: fetch, image: busybox, command: ["/bin/sh", "-c", "wget -O /data/x http://example.com/x"], volumeMounts: [{name: data, mountPath: /data, readOnly: true}]}
              containers:
              - {name: main, image: busybox}
        steps:
        # wget cannot open its output on the read-only mount: exit 1, and the Pod stays Pending
        # with the init container restarted (restartPolicy Always) and then held in back-off.
        - waitFor: {trace: {type: ContainerExited, container: fetch, exitCode: 1}, count: 1, timeout: 2m}
        - expect: {object: pod/dl, field: status.phase, equals: Pending}
        - waitFor: {object: pod/dl, field: "status.initContainerStatuses[name=fetch].state.waiting.reason", equals: CrashLoopBackOff, timeout: 1m}
        - expect: {object: pod/dl, field: "status.initContainerStatuses[name=fetch].restartCount", equals: 1}
        - expect: {object: pod/dl, field: "status.containerStatuses[name=main].state.waiting.reason", equals: PodInitializing}
        - expect: {trace: {type: ContainerStarted, container: main}, never: true}
        """));
  }

  @Test
  void aFailingInitContainerFailsAPodThatNeverRestarts() {
    assertPassed(runSpec(dir, """
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: once}
            spec:
              nodeName: node-1
              restartPolicy: Never
              initContainers:
              - {name: first, image: busybox}
              - {name: second, image: busybox, command: ["sh", "-c", "exit 3"]}
              - {name: third, image: busybox}
              containers:
              - {name: main, image: busybox}
        steps:
        - waitFor: {object: pod/once, field: status.phase, equals: Failed, timeout: 2m}
        - expect: {object: pod/once, field: "status.initContainerStatuses[name=second].state.terminated.exitCode", equals: 3}
        - expect: {object: pod/once, field: "status.initContainerStatuses[name=second].restartCount", equals: 0}
        - expect: {trace: {type: ContainerStarted, container: third}, never: true}
        - expect: {trace: {type: ContainerStarted, container: main}, never: true}
        - expectOrder:
          - {type: ContainerExited, container: first, exitCode: 0}
          - {type: ContainerStarted, container: second}
          - {type: ContainerExited, container: second, exitCode: 3}
        """));
  }

  @Test
  void initContainersRunOneByOneAndMainContainersStartOnlyAfterAllSucceeded() {
    assertPassed(runSpec(dir, """
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: ordered}
            spec:
              nodeName: node-1
              initContainers:
              - {name: one, image: busybox}
              - {name: two, image: busybox}
              containers:
              - {name: a, image: busybox}
              - {name: b, image: busybox}
        steps:
        - waitFor: {object: pod/ordered, field: status.phase, equals: Running, timeout: 2m}
        - expect: {object: pod/ordered, field: "status.conditions[type=Initialized].status", equals: "True"}
        - expect: {object: pod/ordered, field: "status.conditions[type=Ready].status", equals: "True"}
        - expectOrder:
          - {type: ContainerStarted, container: one}
          - {type: ContainerExited, container: one, exitCode: 0}
          - {type: ContainerStarted, container: two}
          - {type: ContainerExited, container: two, exitCode: 0}
          - {type: ContainerStarted, container: a}
        - expectOrder:
          - {type: ContainerExited, container: two}
          - {type: ContainerStarted, container: b}
        """));
  }

  @Test
  void restartPolicyNeverLeavesAnExitedContainerAndThePodSucceedsOrFails() {
    assertPassed(runSpec(dir, pod("Never", """
        steps:
        - waitFor: {object: pod/app, field: status.phase, equals: Running, timeout: 2m}
        - exit: {pod: app}
        - waitFor: {object: pod/app, field: status.phase, equals: Succeeded, timeout: 1m}
        - expect: {object: pod/app, field: "status.containerStatuses[name=main].state.terminated.reason", equals: Completed}
        - expect: {object: pod/app, field: "status.containerStatuses[name=main].restartCount", equals: 0}
        - expect: {object: pod/app, field: "status.conditions[type=Ready].status", equals: "False"}
        - advance: 5m
        - expect: {trace: {type: ContainerStarted, container: main}, count: 1}
        # A finished Pod's volumes are torn down while the Pod object stays, until it is deleted.
        - expect: {trace: {type: TearDown, pod: app}, count: 1}
        - expect: {object: pod/app, field: status.phase, equals: Succeeded}
        - delete: {object: pod/app}
        - waitFor: {absent: pod/app, timeout: 1m}
        """)));
    assertPassed(runSpec(dir, pod("Never", """
        steps:
        - waitFor: {object: pod/app, field: status.phase, equals: Running, timeout: 2m}
        - exit: {pod: app, container: main, code: 2}
        - waitFor: {object: pod/app, field: status.phase, equals: Failed, timeout: 1m}
        - expect: {object: pod/app, field: "status.containerStatuses[name=main].state.terminated.reason", equals: Error}
        """)));
  }

  @Test
  void restartPolicyOnFailureRestartsOnlyAFailedContainer() {
    assertPassed(runSpec(dir, pod("OnFailure", """
        steps:
        - waitFor: {object: pod/app, field: status.phase, equals: Running, timeout: 2m}
        - exit: {pod: app, container: main, code: 1}
        - waitFor: {object: pod/app, field: "status.containerStatuses[name=main].restartCount", equals: 1, timeout: 1m}
        - expect: {object: pod/app, field: status.phase, equals: Running}
        - expect: {object: pod/app, field: "status.containerStatuses[name=main].lastState.terminated.exitCode", equals: 1}
        - waitFor: {object: pod/app, field: "status.containerStatuses[name=main].state.running", exists: true, timeout: 1m}
        - exit: {pod: app, container: main, code: 0}
        - waitFor: {object: pod/app, field: status.phase, equals: Succeeded, timeout: 1m}
        - expect: {object: pod/app, field: "status.containerStatuses[name=main].restartCount", equals: 1}
        """)));
  }

  @Test
  void aContainerThatKeepsExitingGoesIntoCrashLoopBackOffDoublingFromTenSeconds() {
    assertPassed(runSpec(dir, """
        behaviors:
        - match: {pod: crash}
          onStart: [{append: /data/starts, content: "x"}, {exit: 1}]
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: crash}
            spec:
              nodeName: node-1
              volumes: [{name: data, emptyDir: {}}]
              containers:
              - {name: main, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}
        steps:
        # First exit: restarted at once (no back-off entry yet). Second exit: back-off 10s.
        - waitFor: {object: pod/crash, field: "status.containerStatuses[name=main].state.waiting.reason", equals: CrashLoopBackOff, timeout: 2m}
        - capture: {name: uid, value: "${pod/crash.metadata.uid}"}
        - expect: {object: pod/crash, field: "status.containerStatuses[name=main].state.waiting.message", equals: "back-off 10s restarting failed container=main pod=crash_default(${uid})"}
        - expect: {object: pod/crash, field: "status.containerStatuses[name=main].restartCount", equals: 1}
        - expect: {object: pod/crash, field: status.phase, equals: Running}
        - expect: {object: pod/crash, field: "status.containerStatuses[name=main].lastState.terminated.exitCode", equals: 1}
        - expect: {count: {kind: event, where: [{field: reason, equals: BackOff}, {field: message, equals: "Back-off restarting failed container main in pod crash_default(${uid})"}]}, equals: 1}
        - waitFor: {object: pod/crash, field: "status.containerStatuses[name=main].state.waiting.message", matches: "^back-off 20s ", timeout: 1m}
        - expect: {object: pod/crash, field: "status.containerStatuses[name=main].restartCount", equals: 2}
        - waitFor: {object: pod/crash, field: "status.containerStatuses[name=main].state.waiting.message", matches: "^back-off 40s ", timeout: 1m}
        - waitFor: {object: pod/crash, field: "status.containerStatuses[name=main].state.waiting.message", matches: "^back-off 5m0s ", timeout: 30m}
        - advance: 20m
        - expect: {object: pod/crash, field: "status.containerStatuses[name=main].state.waiting.message", matches: "^back-off 5m0s "}
        """));
  }

  @Test
  void backOffStartsAgainFromTenSecondsAfterAContainerRanTenMinutes() {
    assertPassed(runSpec(dir, pod("Always", """
        steps:
        - waitFor: {object: pod/app, field: status.phase, equals: Running, timeout: 2m}
        - exit: {pod: app, container: main, code: 1}
        - waitFor: {object: pod/app, field: "status.containerStatuses[name=main].state.running", exists: true, timeout: 1m}
        - exit: {pod: app, container: main, code: 1}
        - waitFor: {object: pod/app, field: "status.containerStatuses[name=main].state.waiting.message", matches: "^back-off 10s ", timeout: 1m}
        - waitFor: {object: pod/app, field: "status.containerStatuses[name=main].state.running", exists: true, timeout: 1m}
        - exit: {pod: app, container: main, code: 1}
        - waitFor: {object: pod/app, field: "status.containerStatuses[name=main].state.waiting.message", matches: "^back-off 20s ", timeout: 1m}
        - waitFor: {object: pod/app, field: "status.containerStatuses[name=main].state.running", exists: true, timeout: 1m}
        # It now runs for more than twice MaxContainerBackOff (10 min): the back-off is forgotten.
        - advance: 11m
        - exit: {pod: app, container: main, code: 1}
        - waitFor: {object: pod/app, field: "status.containerStatuses[name=main].restartCount", equals: 4, timeout: 1m}
        - exit: {pod: app, container: main, code: 1}
        - waitFor: {object: pod/app, field: "status.containerStatuses[name=main].state.waiting.message", matches: "^back-off 10s ", timeout: 1m}
        """)));
  }

  @Test
  void anImagesDefaultUserRunsTheContainersProcessesAndBehaviors() {
    assertPassed(runSpec(dir, """
        images:
          "redis:alpine": {user: 999, group: 999}
        behaviors:
        - match: {image: "redis:alpine"}
          onStart: [{write: /data/dump.rdb, content: "REDIS"}]
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: redis}
            spec:
              nodeName: node-1
              volumes: [{name: data, emptyDir: {}}]
              containers:
              - {name: redis, image: "redis:alpine", volumeMounts: [{name: data, mountPath: /data}]}
              - {name: root, image: busybox, command: ["sh", "-c", "echo hello > /data/greeting"], volumeMounts: [{name: data, mountPath: /data}]}
        steps:
        - waitFor: {object: pod/redis, field: status.phase, equals: Running, timeout: 2m}
        - expect: {file: {pod: redis, container: redis, path: /data/dump.rdb}, content: "REDIS", uid: 999, gid: 999}
        - expect: {file: {pod: redis, container: redis, path: /data/greeting}, content: "hello\\n", uid: 0}
        - exec: {pod: redis, container: redis, write: /data/by-exec, content: "1"}
        - expect: {file: {pod: redis, container: root, path: /data/by-exec}, uid: 999}
        # A main container runs on after its understood commands.
        - expect: {object: pod/redis, field: "status.containerStatuses[name=root].state.running", exists: true}
        """));
  }

  @Test
  void exitOfAContainerThatIsNotRunningFailsTheStep() {
    Run run = runSpec(dir, pod("Never", """
        steps:
        - waitFor: {object: pod/app, field: status.phase, equals: Running, timeout: 2m}
        - exit: {pod: app, container: main, code: 0}
        - exit: {pod: app, container: main, code: 0}
          expectError: "not running"
        - exit: {pod: app, container: nope, code: 0}
          expectError: "has no container nope"
        """));
    assertPassed(run);
  }

  @Test
  void badImagesAndBehaviorsAreReportedAtTheirPlace() {
    Run run = runSpec(dir, """
        images:
          "redis:alpine": {user: -1}
        behaviors:
        - match: {image: busybox, pod: p}
          onStart: [{write: /x}, {exit: 300}, {shout: loud}]
        """);
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("spec.images[\"redis:alpine\"].user", "spec.behaviors[0].match takes pod",
        "spec.behaviors[0].onStart[0] needs content or size with write", "spec.behaviors[0].onStart[1].exit",
        "unknown key \"shout\"");
  }
}
