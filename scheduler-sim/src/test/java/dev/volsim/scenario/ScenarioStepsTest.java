package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every step kind, passing and failing, through {@code volsim run}. */
class ScenarioStepsTest {
  @TempDir
  Path dir;

  private static final String CM = """
      objects:
      - manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: owner}, data: {k: v}}
      """;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString()).doesNotContain("FAIL ");
  }

  private static void assertFailedAt(Run run, int step, String... fragments) {
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    String fail = run.outLines().stream().filter(l -> l.startsWith("FAIL ")).findFirst().orElseThrow();
    assertThat(fail).as(run.toString()).startsWith("FAIL step " + step + " ").contains("/s.yaml:").contains(fragments);
    assertThat(run.outLines()).last().asString().startsWith("fingerprint: sha256:");
  }

  @Nested
  class Apply {
    @Test
    void createsThenUpdatesLikeKubectlApply() {
      assertPassed(runSpec(dir, """
          steps:
          - apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {a: "1"}}}
          - apply: {manifests: [{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {a: "2"}}]}
          - expect: {object: cm/c, field: data.a, equals: 2}
          """));
    }

    @Test
    void readsFilesWithSeveralDocumentsAndLists() {
      ScenarioHarness.write(dir, "m/two.yaml", """
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: one}
          ---
          apiVersion: v1
          kind: List
          items:
          - {apiVersion: v1, kind: ConfigMap, metadata: {name: two}}
          - {apiVersion: v1, kind: ConfigMap, metadata: {name: three}}
          """);
      assertPassed(runSpec(dir, """
          steps:
          - apply: {file: m/two.yaml}
          - expect: {count: {kind: configmaps}, equals: 3}
          """));
    }

    @Test
    void anObjectTheApiServerRejectsFailsTheRun() {
      Run run = runSpec(dir, """
          steps:
          - apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: nowhere}}}
          """);
      assertFailedAt(run, 1, "apply: configmap/nowhere/c", "at +0.000s", "expected the step to succeed",
          "found error: namespaces \"nowhere\" not found");
    }

    @Test
    void aDeferredManifestIsInterpolatedWhenItsStepRuns() {
      assertPassed(runSpec(dir, CM + """
          steps:
          - apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: copy}, data: {k: "${cm/owner.data.k}"}}}
          - expect: {object: cm/copy, field: data.k, equals: v}
          """));
    }
  }

  @Nested
  class Delete {
    @Test
    void deletesAndOrphansOrCollectsDependents() {
      assertPassed(runSpec(dir, CM + """
          steps:
          - apply:
              manifests:
              - {apiVersion: v1, kind: ConfigMap, metadata: {name: dep, ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: owner, uid: "${cm/owner.metadata.uid}"}]}}
          - delete: {object: cm/owner, propagationPolicy: Orphan}
          - advance: 5s
          - expect: {absent: cm/owner}
          - expect: {object: cm/dep, field: metadata.ownerReferences, exists: false}
          """));
    }

    @Test
    void forceRemovesAPodAtOnceWhileAGracefulDeleteOnlyMarksIt() {
      assertPassed(runSpec(dir, """
          objects:
          - manifest: {apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {nodeName: node-1, containers: [{name: c, image: busybox}]}}
          - manifest: {apiVersion: v1, kind: Pod, metadata: {name: b}, spec: {nodeName: node-1, containers: [{name: c, image: busybox}]}}
          steps:
          - delete: {object: pod/a, gracePeriodSeconds: 0, force: true}
          - expect: {absent: pod/a}
          - delete: {object: pod/b, gracePeriodSeconds: 30}
          - expect: {object: pod/b, field: metadata.deletionGracePeriodSeconds, equals: 30}
          """));
    }

    @Test
    void deletingAMissingObjectFails() {
      assertFailedAt(runSpec(dir, """
          steps:
          - advance: 1s
          - delete: {object: pvc/ghost}
          """), 2, "delete: pvc/ghost", "at +1.000s", "persistentvolumeclaims \"ghost\" not found");
    }
  }

  @Nested
  class Patch {
    @Test
    void mergeJsonAndStatusPatches() {
      assertPassed(runSpec(dir, """
          objects:
          - manifest: {apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}
          steps:
          - patch: {object: pvc/data, merge: {metadata: {labels: {tier: db}}}}
          - patch: {object: pvc/data, json: [{op: add, path: /metadata/annotations, value: {note: hi}}]}
          - patch: {object: pvc/data, subresource: status, merge: {status: {phase: Bound}}}
          - expect: {object: "pvc?tier=db", field: metadata.annotations.note, equals: hi}
          - expect: {object: pvc/data, field: status.phase, equals: Bound}
          """));
    }

    @Test
    void aPatchThatDoesNotApplyFails() {
      assertFailedAt(runSpec(dir, CM + """
          steps:
          - patch: {object: cm/owner, json: [{op: test, path: /data/k, value: other}]}
          """), 1, "patch: cm/owner", "found error:");
    }
  }

  @Nested
  class AdvanceAndWaitFor {
    @Test
    void advanceRunsEventsUpToAndIncludingItsEnd() {
      Run run = runSpec(dir, CM + """
          steps:
          - apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: dep, ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: owner, uid: "${cm/owner.metadata.uid}"}]}}}
          - delete: {object: cm/owner}
          - expect: {object: cm/dep, field: metadata.name, exists: true}
          - advance: 10ms
          - expect: {absent: cm/dep}
          """);
      assertPassed(run);
      assertThat(run.out()).contains("+0.010s  garbage-collector  deleted configmap/default/dep");
    }

    @Test
    void waitForStopsWhenItHolds() {
      Run run = runSpec(dir, CM + """
          steps:
          - apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: dep, ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: owner, uid: "${cm/owner.metadata.uid}"}]}}}
          - delete: {object: cm/owner}
          - waitFor: {absent: cm/dep, timeout: 1m}
          """);
      assertPassed(run);
      assertThat(run.out()).contains("PASS step 3 waitFor: cm/dep does not exist (held at +0.010s)");
    }

    @Test
    void waitForFailsAtItsTimeout() {
      assertFailedAt(runSpec(dir, CM + """
          steps:
          - waitFor: {absent: cm/owner, timeout: 2m}
          """), 1, "waitFor: cm/owner does not exist", "at +120.000s", "after waiting 2m0s");
    }

    @Test
    void waitForWithoutTimeoutWaitsFiveMinutes() {
      assertFailedAt(runSpec(dir, CM + """
          steps:
          - waitFor: {object: cm/owner, field: data.k, equals: other}
          """), 1, "at +300.000s");
    }
  }

  @Nested
  class Expect {
    @Test
    void holdsNow() {
      Run run = runSpec(dir, CM + """
          steps:
          - expect: {object: cm/owner, field: data.k, equals: v}
          """);
      assertPassed(run);
      assertThat(run.outLines()).contains("PASS step 1 expect: cm/owner data.k == \"v\"");
    }

    @Test
    void aFailedExpectationPrintsStepExpectedFoundAndTime() {
      Run run = runSpec(dir, CM + """
          steps:
          - advance: 2s
          - expect: {object: cm/owner, field: data.k, equals: w}
          - expect: {absent: cm/owner}
          """);
      assertFailedAt(run, 2, "expect: cm/owner data.k == \"w\" (", "at +2.000s: expected", "found");
      assertThat(run.out()).doesNotContain("step 3");
      assertThat(run.out()).contains("replay: volsim run").contains("--seed 1");
    }

    @Test
    void expectOrderHoldsForASubsequenceAndFailsOutOfOrder() {
      assertPassed(runSpec(dir, CM + """
          steps:
          - delete: {object: cm/owner}
          - expectOrder: [{type: ObjectCreated, object: cm/owner}, {type: ObjectDeleted, object: cm/owner}]
          """));
      assertFailedAt(runSpec(dir, CM + """
          steps:
          - delete: {object: cm/owner}
          - expectOrder: [{type: ObjectDeleted, object: cm/owner}, {type: ObjectCreated, object: cm/owner}]
          """), 2, "expectOrder:");
    }

    @Test
    void eventAndCountForms() {
      assertPassed(runSpec(dir, """
          objects:
          - manifest:
              apiVersion: v1
              kind: Event
              metadata: {name: e1}
              involvedObject: {kind: PersistentVolumeClaim, name: data, namespace: default}
              reason: ProvisioningFailed
              type: Warning
              message: "no volume plugin matched name: kubernetes.io/no-provisioner"
              count: 2
              source: {component: persistentvolume-controller}
          steps:
          - expect: {event: {object: pvc/data, reason: ProvisioningFailed, messageContains: no volume plugin}, count: 2}
          - expect: {count: {kind: ev, where: [{field: reason, equals: ProvisioningFailed}]}, equals: 1}
          """));
    }
  }

  @Nested
  class Capture {
    @Test
    void keepsAValueForLaterSteps() {
      assertPassed(runSpec(dir, CM + """
          steps:
          - capture: {name: oldUid, value: "${cm/owner.metadata.uid}"}
          - delete: {object: cm/owner}
          - apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: owner}}}
          - expect: {object: cm/owner, field: metadata.uid, matches: "^[0-9a-f-]+$"}
          - apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: note}, data: {was: "${oldUid}"}}}
          - expect: {object: cm/note, field: data.was, equals: "${oldUid}"}
          """));
    }

    @Test
    void capturingFromAMissingObjectFails() {
      assertFailedAt(runSpec(dir, """
          steps:
          - capture: {name: x, value: "${pvc/none.metadata.uid}"}
          """), 1, "capture: x", "not found");
    }
  }

  @Nested
  class PauseAndResume {
    @Test
    void aPausedControllerCatchesUpWhenResumed() {
      assertPassed(runSpec(dir, CM + """
          steps:
          - apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: dep, ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: owner, uid: "${cm/owner.metadata.uid}"}]}}}
          - pause: {controller: garbage-collector}
          - delete: {object: cm/owner}
          - advance: 1m
          - expect: {object: cm/dep, field: metadata.name, exists: true}
          - resume: {controller: garbage-collector}
          - waitFor: {absent: cm/dep, timeout: 1s}
          """));
    }

    @Test
    void anUnknownControllerIsAnInvalidScenarioListingTheKnownOnes() {
      Run run = runSpec(dir, """
          steps:
          - advance: 1s
          - pause: {controller: persistentvolume-controlr}
          """);
      assertThat(run.code()).as(run.toString()).isEqualTo(2);
      assertThat(run.errLines()).singleElement().asString()
          .endsWith("/s.yaml:7:5: unknown controller \"persistentvolume-controlr\" in pause (known: attachdetach-controller, daemonset-controller, default-scheduler, deployment-controller, ephemeral-volume-controller, external-attacher, external-provisioner, garbage-collector, namespace-controller, node-lifecycle-controller, persistentvolume-controller, pod-garbage-collector, pv-protection-controller, pvc-protection-controller, replicaset-controller, statefulset-controller, taint-eviction-controller)")
          .contains("s.yaml:7:5: unknown controller \"persistentvolume-controlr\" in pause (known: ")
          .contains("garbage-collector");
    }
  }

  @Nested
  class Inject {
    @Test
    void failsTheNextWritesThenLetsThemThrough() {
      assertPassed(runSpec(dir, """
          steps:
          - inject: {failure: {operation: apiUpdate, component: kubectl, kind: cm, times: 1, message: boom}}
          - apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}}
            expectError: boom
          - apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}}
          - expect: {object: cm/c, field: metadata.name, equals: c}
          """));
    }

    @Test
    void foreverAndTimeoutModeOnOneObject() {
      assertPassed(runSpec(dir, CM + """
          steps:
          - inject: {failure: {operation: apiUpdate, object: cm/owner, times: forever, mode: timeout}}
          - delete: {object: cm/owner}
            expectError: injected failure
          - patch: {object: cm/owner, merge: {data: {k: w}}}
            expectError: injected failure
          - expect: {object: cm/owner, field: data.k, equals: v}
          - apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: other}}}
          """));
    }

    @Test
    void anInjectedFailureFailsAStepThatDoesNotExpectIt() {
      assertFailedAt(runSpec(dir, """
          steps:
          - inject: {failure: {operation: apiUpdate, kind: ConfigMap, message: "etcd down"}}
          - apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}}
          """), 2, "apply: configmap/default/c", "found error: etcd down");
    }
  }

  @Nested
  class ExpectError {
    @Test
    void aStepThatSucceedsDespiteExpectErrorFails() {
      assertFailedAt(runSpec(dir, """
          steps:
          - apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}}
            expectError: already exists
          """), 1, "expected an error containing \"already exists\", found the step succeeded");
    }

    @Test
    void aStepThatFailsWithAnotherMessageFails() {
      assertFailedAt(runSpec(dir, """
          steps:
          - delete: {object: cm/none}
            expectError: forbidden
          """), 1, "expected an error containing \"forbidden\", found error: configmaps \"none\" not found");
    }

    @Test
    void aFailedExpectationCanBeExpected() {
      Run run = runSpec(dir, """
          steps:
          - expect: {object: cm/none, field: data.a, equals: 1}
            expectError: found
          """);
      assertPassed(run);
      assertThat(run.out()).contains("PASS step 1 expect: cm/none data.a == 1 failed as expected: ");
    }
  }
}
