package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.core.api.ApiException;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.scenario.ScenarioHarness.Run;
import dev.volsim.sim.Simulation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed claims of the chapter's section 1 and 2 about the volume API (C9 to C13, C16's describe
 * lines): what the API server accepts and refuses, what a container's mount table and
 * {@code kubectl describe} show. Each runs as a scenario through {@code volsim run}.
 */
class SeedClaimsVolumesApiTest {
  @TempDir Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }

  private static final String ENVOY = """
      objects:
      - manifest:
          apiVersion: v1
          kind: Pod
          metadata: {name: volumes-emptydir-demo, namespace: default}
          spec:
            nodeName: node-1
            initContainers:
            - name: config-file-downloader
              image: ikubernetes/admin-box
              volumeMounts: [{name: config-file-store, mountPath: /data}]
            containers:
            - name: envoy
              image: envoyproxy/envoy-alpine:v1.13.1
              volumeMounts: [{name: config-file-store, mountPath: /etc/envoy, readOnly: true}]
            volumes:
            - name: config-file-store
              emptyDir: {medium: Memory, sizeLimit: 16Mi}
      """;

  @Test
  void C16_describeShowsTheMountsAndTheMemoryBackedEmptyDir() {
    assertPassed(runSpec(dir, ENVOY + """
        steps:
        - waitFor: {object: pod/volumes-emptydir-demo, field: status.phase, equals: Running, timeout: 2m}
        - expect:
            describe: pod/volumes-emptydir-demo
            contains:
            - "/data from config-file-store (rw)"
            - "/etc/envoy from config-file-store (ro)"
            - "Type: EmptyDir (a temporary directory that shares a pod's lifetime)"
            - "Medium: Memory"
            - "SizeLimit: 16Mi"
        """));
  }

  private static String pod(String name, String volumes, String containers) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s}
        spec:
          nodeName: node-1
          volumes: %s
          containers: %s
        """.formatted(name, volumes, containers);
  }

  /** What the API server says when asked to create {@code manifest}; null when it accepts it. */
  private static String rejection(String manifest) {
    LoadResult r = ManifestLoader.strict().withoutValidation().parse("t.yaml", manifest);
    if (!r.errors().isEmpty()) {
      // Two sources in one volume: the decoder refuses it (upstream's validateVolumeSource words it the same).
      return r.errors().toString();
    }
    Simulation sim = Simulation.builder().build();
    try {
      sim.apply(r.objects().get(0));
      return null;
    } catch (ApiException e) {
      return e.getMessage();
    }
  }

  private static String apply(String manifest) {
    StringBuilder b = new StringBuilder("- apply:\n    manifest:\n");
    for (String line : manifest.split("\n")) {
      b.append("      ").append(line).append('\n');
    }
    return b.toString();
  }

  @Test
  void C9_aMountMustNameAVolumeOfThePodAndAContainerMayMountNone() {
    assertThat(rejection(pod("bad", "[{name: data, emptyDir: {}}]",
        "[{name: app, image: busybox, volumeMounts: [{name: x, mountPath: /x}]}]")))
        .contains("spec.containers[0].volumeMounts[0].name: Not found: \"x\"");
    assertPassed(runSpec(dir, "steps:\n"
        + apply(pod("web", "[{name: data, emptyDir: {}}]",
            "[{name: app, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}, {name: side, image: busybox}]"))
        + """
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 2m}
        - expect: {mounts: {pod: web, container: app}, includes: [{path: /data, volume: data, readOnly: false}]}
        - expect: {file: {pod: web, container: side, path: /data}, exists: false}
        - expect: {describe: pod/web, contains: ["/data from data (rw)", "Mounts: <none>"]}
        """));
  }

  @Test
  void C10_aVolumeNameIsAUniqueDnsLabelWithExactlyOneSource() {
    assertThat(rejection(pod("upper", "[{name: Data, emptyDir: {}}]", "[{name: app, image: busybox}]")))
        .contains("spec.volumes[0].name: Invalid value: \"Data\": a lowercase RFC 1123 label must consist of");
    assertThat(rejection(pod("twice", "[{name: data, emptyDir: {}}, {name: data, emptyDir: {}}]",
        "[{name: app, image: busybox}]"))).contains("spec.volumes[1].name: Duplicate value: \"data\"");
    assertThat(rejection(pod("both", "[{name: data, emptyDir: {}, hostPath: {path: /srv}}]",
        "[{name: app, image: busybox}]"))).contains("spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type");
    assertThat(rejection(pod("ok", "[{name: data-1, emptyDir: {}}]", "[{name: app, image: busybox}]"))).isNull();
  }

  @Test
  void C11_readOnlySubPathAndSubPathExprShapeWhatTheContainerSees() {
    assertPassed(runSpec(dir, "steps:\n"
        + apply(pod("web", "[{name: data, emptyDir: {}}]", """
            [{name: writer, image: busybox, volumeMounts: [{name: data, mountPath: /data}]},
             {name: reader, image: busybox, volumeMounts: [{name: data, mountPath: /ro, readOnly: true}]},
             {name: sub, image: busybox, volumeMounts: [{name: data, mountPath: /site, subPath: html}]},
             {name: expr, image: busybox, env: [{name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}],
              volumeMounts: [{name: data, mountPath: /logs, subPathExpr: 'logs/$(POD_NAME)'}]}]"""))
        + """
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: web, container: writer, write: /data/html/index.html, content: hello}
        - expect: {file: {pod: web, container: sub, path: /site/index.html}, content: hello}
        - exec: {pod: web, container: expr, write: /logs/app.log, content: "line\\n"}
        - expect: {file: {pod: web, container: writer, path: /data/logs/web/app.log}, content: "line\\n"}
        - exec: {pod: web, container: reader, write: /ro/x, content: "1"}
          expectError: "Read-only file system"
        - expect: {mounts: {pod: web, container: reader}, includes: [{path: /ro, volume: data, readOnly: true}]}
        - expect: {mounts: {pod: web, container: writer}, includes: [{path: /data, volume: data, readOnly: false}]}
        - expect: {describe: pod/web, contains: ['/site from data (rw,path="html")', "/ro from data (ro)"]}
        """));
  }

  private static final String PROPAGATION = """
      objects:
      - manifest:
          apiVersion: v1
          kind: Pod
          metadata: {name: agent}
          spec:
            nodeName: node-1
            volumes: [{name: shared, hostPath: {path: /mnt/shared, type: DirectoryOrCreate}}]
            containers:
            - name: none
              image: busybox
              volumeMounts: [{name: shared, mountPath: /host}]
            - name: slave
              image: busybox
              volumeMounts: [{name: shared, mountPath: /host, mountPropagation: HostToContainer}]
            - name: shared
              image: busybox
              securityContext: {privileged: true}
              volumeMounts: [{name: shared, mountPath: /host, mountPropagation: Bidirectional}]
      - manifest:
          apiVersion: v1
          kind: Pod
          metadata: {name: other}
          spec:
            nodeName: node-1
            volumes: [{name: shared, hostPath: {path: /mnt/shared}}]
            containers:
            - name: app
              image: busybox
              volumeMounts: [{name: shared, mountPath: /view, mountPropagation: HostToContainer}]
      """;

  @Test
  void C12_hostToContainerSeesLaterHostMountsAndBidirectionalSharesTheContainersMounts() {
    assertPassed(runSpec(dir, PROPAGATION + """
        steps:
        - waitFor: {object: pod/agent, field: status.phase, equals: Running, timeout: 2m}
        - waitFor: {object: pod/other, field: status.phase, equals: Running, timeout: 2m}
        # The host mounts a directory under the volume after the containers started.
        - admin: {node: node-1, mkdir: /srv}
        - admin: {node: node-1, mkdir: /srv/export}
        - admin: {node: node-1, write: /srv/export/report.txt, content: from-host}
        - admin: {node: node-1, mount: {source: /srv/export, target: /mnt/shared/export}}
        - expect: {file: {pod: agent, container: none, path: /host/export/report.txt}, exists: false}
        - expect: {file: {pod: agent, container: slave, path: /host/export/report.txt}, content: from-host}
        - expect: {file: {pod: agent, container: shared, path: /host/export/report.txt}, content: from-host}
        # A privileged container mounts under its Bidirectional volume: the host and every
        # container seeing the volume with propagation see it; the None container does not.
        - exec: {pod: agent, container: shared, mkdir: /tmp/scratch}
        - exec: {pod: agent, container: shared, write: /tmp/scratch/made-inside, content: "1"}
        - exec: {pod: agent, container: shared, mount: {source: /tmp/scratch, target: /host/inner}}
        - expect: {file: {node: node-1, path: /mnt/shared/inner/made-inside}, content: "1"}
        - expect: {file: {pod: agent, container: slave, path: /host/inner/made-inside}, content: "1"}
        - expect: {file: {pod: other, container: app, path: /view/inner/made-inside}, content: "1"}
        - expect: {file: {pod: agent, container: none, path: /host/inner/made-inside}, exists: false}
        - expect: {mounts: {pod: agent, container: shared}, includes: [{path: /host, volume: shared}, {path: /host/inner}]}
        # Mounting needs CAP_SYS_ADMIN: a container that is not privileged cannot.
        - exec: {pod: agent, container: slave, mount: {source: /tmp, target: /host/x}}
          expectError: "mount: permission denied"
        - exec: {pod: agent, container: shared, umount: /host/inner}
        - expect: {file: {node: node-1, path: /mnt/shared/inner/made-inside}, exists: false}
        """));
  }

  @Test
  void C12_bidirectionalPropagationIsForPrivilegedContainersOnly() {
    String mount = "volumeMounts: [{name: shared, mountPath: /host, mountPropagation: Bidirectional}]";
    assertThat(rejection(pod("p", "[{name: shared, hostPath: {path: /mnt/shared}}]",
        "[{name: app, image: busybox, " + mount + "}]")))
        .contains("spec.containers[0].volumeMounts.mountPropagation: Forbidden: Bidirectional mount propagation"
            + " is available only to privileged containers");
    assertThat(rejection(pod("q", "[{name: shared, hostPath: {path: /mnt/shared}}]",
        "[{name: app, image: busybox, securityContext: {privileged: true}, " + mount + "}]"))).isNull();
  }
}
